package io.parley.server.group;

/**
 * Why a group operation was refused: Parley's own codes, range 3000-3099 (protocol 1000s, messaging 2000s, internal
 * 5000s are taken). Vendor adapters map them to the vendor's codes; the message of a {@link Decision} names the rule.
 *
 * <ul>
 *   <li>3000-3009: who the actor and the target are
 *   <li>3010-3019: getting in (apply, invite, limit) and getting out (quit)
 *   <li>3020-3029: muting and sending
 *   <li>3030-3039: per-group options
 *   <li>3040-3049: missing or malformed things (the group operations service)
 * </ul>
 */
public final class GroupCodes {
  private GroupCodes() {}

  /** The actor is not a member of the group (or is the app server where a member is needed). */
  public static final int NOT_A_MEMBER = 3000;
  /** The actor is already a member. */
  public static final int ALREADY_MEMBER = 3001;
  /** The actor or the target has a role this kind does not have (an admin in a Tencent Work group). */
  public static final int ROLE_NOT_IN_KIND = 3002;
  /** This kind has no such operation for anyone (kick in an AVChatRoom, mute in a Work group). */
  public static final int NOT_SUPPORTED = 3003;
  /** The kind has the operation, but not for the actor's role. */
  public static final int NOT_PERMITTED = 3004;
  /** The target's rank is not below the actor's (an admin acting on an admin). */
  public static final int TARGET_OUTRANKS = 3005;
  /** The owner cannot be kicked, muted or demoted; ownership is transferred instead. */
  public static final int OWNER_PROTECTED = 3006;
  /** The target does not have the role the operation needs (making an admin an admin, transferring to the owner). */
  public static final int TARGET_ROLE_MISMATCH = 3007;

  /** The group takes no applications (Tencent DisableApply, NetEase joinmode 2, Tencent Work). */
  public static final int APPLY_DISABLED = 3010;
  /** Members may not invite into this group (Tencent DisableInvite). */
  public static final int INVITE_DISABLED = 3011;
  /** The group has as many members as its limit. */
  public static final int MEMBER_LIMIT_REACHED = 3012;
  /** The owner may not quit this kind of group: transfer ownership or dismiss it first. */
  public static final int OWNER_CANNOT_QUIT = 3013;

  /** The sender is muted in this group. */
  public static final int MUTED = 3020;
  /** The whole group is muted for the sender's role. */
  public static final int MUTED_ALL = 3021;
  /** A mute duration below zero or above the kind's longest mute. */
  public static final int BAD_MUTE_DURATION = 3022;
  /** A whole-group mute this kind does not have (NetEase's "everyone" on a Tencent group). */
  public static final int MUTE_LEVEL_NOT_SUPPORTED = 3023;

  /** A per-group option this kind does not let a group change. */
  public static final int OPTION_NOT_SUPPORTED = 3030;
  /** A member limit below one or above the kind's maximum. */
  public static final int BAD_MEMBER_LIMIT = 3031;

  /** The app has no group with this id. */
  public static final int NO_SUCH_GROUP = 3040;
  /** The app already has a group with this id. */
  public static final int GROUP_EXISTS = 3041;
  /** No pending application or invitation matches. */
  public static final int NO_SUCH_REQUEST = 3042;
  /** The application or invitation has lapsed. */
  public static final int REQUEST_EXPIRED = 3043;
  /** An id, name or field is empty, too long or holds U+0000. */
  public static final int BAD_GROUP_INPUT = 3044;
  /** The kind named is not one of the app's vendor (or no kind at all). */
  public static final int KIND_NOT_OF_VENDOR = 3045;
  /** The app server refused the operation in its Before callback (or did not answer and refuses then). */
  public static final int REFUSED_BY_APP = 3046;
}
