package io.parley.client;

/**
 * Receives a client's events, one at a time and in order, on a thread owned by the client (never a
 * network thread, so a method may block). Every method does nothing by default.
 */
public interface ParleyListener {
  /** A login succeeded: the first one after connect(), or an automatic reconnect. */
  default void onConnected(LoginInfo info) {}

  /** A logged-in connection ended; unless it was a final kick, the client reconnects by itself. */
  default void onDisconnected(Throwable cause) {}

  /** The server ended the session; see {@link KickReason} for which reasons stop reconnecting. */
  default void onKicked(KickReason reason, String message) {}

  /** The credential expired (at login or during the session): call connect() again once the supplier has a new one. */
  default void onCredentialExpired() {}

  /** The server refused the credential for good; the client stays disconnected until connect() is called again. */
  default void onLoginFailed(int code, String message) {}

  /**
   * The next timeline entry that is a message, exactly once and in seq order; returning acknowledges it. One recalled
   * before this device got it comes with {@code recalled()} true and no body. A group message has {@code groupId()}
   * set; one of a large group comes from the group's own history instead of the timeline, exactly once and in
   * {@code groupSeq()} order within its group, with {@code seq()} 0, and returning acknowledges it to the group. A
   * group message comes once even when it reaches this device both ways (as the group grows into reading from its own
   * history). An online-only message (an online-only broadcast room's, not kept in the timeline) comes with
   * {@code seq()} 0 in the order it arrived and is not acknowledged; it is lost while this device is offline.
   */
  default void onMessage(ReceivedMessage message) {}

  /**
   * A message was recalled: {@code message} is it in its recalled form (same ids, {@code recalled()} true, no body);
   * drop what this device shows of it. Comes as a timeline entry of its own ({@code seq} is the notice's), in order
   * with the messages, also on the sender's other devices; returning acknowledges it. The message may be one this
   * device never received, or one it got already recalled.
   */
  default void onRecalled(ReceivedMessage message) {}

  /**
   * A change in a group the user is in (someone joined or left, the group's info changed, …), in order with the
   * group's messages: for a small group it is a timeline entry (acknowledged when this returns, like a message), for a
   * large one it comes from the group's own history, ordered by {@code tip.getGroupSeq()}.
   */
  default void onGroupTip(io.parley.protocol.v1.GroupTip tip) {}

  /**
   * Something about a group that concerns this user only: a join request to approve, an invitation to answer, the
   * group was dismissed, … Comes as a timeline entry of its own, in order with the messages; returning acknowledges it.
   */
  default void onGroupNotification(io.parley.protocol.v1.GroupNotification notification) {}
}
