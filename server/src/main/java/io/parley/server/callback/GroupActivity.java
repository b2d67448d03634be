package io.parley.server.callback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something done to a group that an app may decide on (Before: create, apply, invite) or hear of (After: created,
 * joined, exited, dismissed, info changed, owner changed, admins set or unset, members muted or unmuted), in
 * vendor-neutral terms.
 *
 * <p>{@code groupType} is the group's kind as the app's vendor names it (Tencent {@code Public}); {@code groupId} is
 * empty for a Before create without a given id. {@code operator} is who did it (empty: the app server);
 * {@code owner} the group's owner (empty when none). {@code members} are the users it concerns: the initial members
 * of a create, the applicant, the invitees, the users who joined or left, every member of a dismissed group, the new
 * owner, the users made or unmade admins, or the users muted or unmuted.
 * {@code changes} holds the info fields an INFO_CHANGED changed, by {@link InfoField}, with their new values.
 *
 * <p>A MUTED event carries no mute deadline: the vendors that hear of mutes copy only whether members are muted
 * (NetEase's MuteMember notification has a 0/1 {@code mute} flag), and the length stays in the group's tip and member
 * records; a field every other event would leave empty is not worth its weight until a vendor's callback needs it.
 */
public record GroupActivity(
    Action action,
    String groupId,
    String groupType,
    String groupName,
    String operator,
    String owner,
    List<String> members,
    Way way,
    Map<InfoField, String> changes,
    Origin origin,
    Instant time)
    implements CallbackEvent {

  /** What happened (or is about to). */
  public enum Action {
    /** A group is about to be created (Before) or was created (After). */
    CREATE,
    /** A user asks to join (Before). */
    APPLY,
    /** Users are about to be invited (Before; the app may refuse some of them). */
    INVITE,
    /** Users became members (After). */
    JOINED,
    /** Users left or were removed (After). */
    EXITED,
    /** The group was dismissed (After). */
    DISMISSED,
    /** The group's name, introduction, notification or face changed (After). */
    INFO_CHANGED,
    /** The group has a new owner, the only one of {@code members} (After). */
    OWNER_CHANGED,
    /** Members were made admins (After). */
    ADMINS_SET,
    /** Admins became plain members again (After). */
    ADMINS_UNSET,
    /** Members were muted, for a while or for good (After). */
    MUTED,
    /** Members' mutes were lifted (After). */
    UNMUTED
  }

  /** How users joined or left; {@link #NONE} for the other actions. */
  public enum Way {
    NONE,
    /** Joined by applying (free, or approved). */
    APPLIED,
    /** Joined by invitation (direct, or accepted). */
    INVITED,
    /** Left on their own. */
    QUIT,
    /** Removed by an owner, an admin or the app. */
    KICKED
  }

  /** The group info fields an app hears about when they change. */
  public enum InfoField {
    NAME,
    INTRODUCTION,
    NOTIFICATION,
    FACE_URL
  }

  public GroupActivity {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(groupType, "groupType");
    Objects.requireNonNull(groupName, "groupName");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(owner, "owner");
    members = List.copyOf(members);
    Objects.requireNonNull(way, "way");
    changes = Map.copyOf(changes);
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(time, "time");
  }
}
