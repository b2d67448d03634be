package io.parley.client;

/**
 * One entry of the user's timeline, delivered once and in seq order. {@code outgoing} is true when
 * the logged-in user sent it (from any device); {@code fromThisDevice} is true when this client's
 * device id sent it, i.e. the echo of one of this client's own sends. Do not modify {@code content}. A message sent
 * as elements has them in {@code elements} (see {@link Elements}) and its cloud custom data in {@code cloudCustomData};
 * one sent as opaque content has no elements. A message that was recalled arrives with {@code recalled} true and no
 * content, elements or cloud custom data (see {@link ParleyListener#onRecalled}).
 *
 * <p>A group message has its group in {@code groupId} (and an empty {@code toUserId}) and its place in the group's
 * history in {@code groupSeq}; a one-to-one message has an empty {@code groupId} and a {@code groupSeq} of 0. A
 * message of a large group (one this client reads from the group's own history, not from the user's timeline) has no
 * timeline seq: its {@code seq} is 0, and {@code groupSeq} orders it. An online-only message (one the server does
 * not keep in the user's timeline, such as an online-only broadcast room's) also has {@code seq} 0.
 */
public record ReceivedMessage(
    long seq,
    long serverMsgId,
    String clientMsgId,
    String fromUserId,
    String toUserId,
    String fromDeviceId,
    long serverTimeMs,
    String contentType,
    byte[] content,
    java.util.List<io.parley.protocol.v1.Element> elements,
    String cloudCustomData,
    boolean outgoing,
    boolean fromThisDevice,
    boolean recalled,
    String groupId,
    long groupSeq) {
  /** True for a message of a group. */
  public boolean isGroup() {
    return !groupId.isEmpty();
  }
}
