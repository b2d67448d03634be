package io.parley.server.store;

import com.google.protobuf.ByteString;
import io.parley.protocol.v1.Element;
import java.util.List;

/**
 * One C2C message to store: it lands in the conversation, the recipient's timeline and the sender's own timeline.
 * Ids used in keys (app, users, client msg id) must be non-empty and free of U+0000; the device id must not be null.
 */
public record AppendRequest(String appId, String fromUserId, String fromDeviceId, String toUserId,
              String clientMsgId, String contentType, ByteString content, List<Element> elements,
              String cloudCustomData, Timelines timelines) {

  /** Which timelines get an entry: the conversation's history always has the message. */
  public enum Timelines {
    /** Sender's and recipient's: the recipient is pushed it, the sender's other devices see it (multi-device sync). */
    BOTH,
    /** The recipient's only (Tencent SyncOtherMachine 2: the sender's devices are not told). */
    RECIPIENT,
    /** None: history only, nobody is pushed it (imported messages). */
    NONE
  }

  public AppendRequest {
    elements = elements == null ? null : List.copyOf(elements);
  }

  /** A message of elements into both timelines, as a client's send. */
  public AppendRequest(String appId, String fromUserId, String fromDeviceId, String toUserId, String clientMsgId,
      String contentType, ByteString content, List<Element> elements, String cloudCustomData) {
    this(appId, fromUserId, fromDeviceId, toUserId, clientMsgId, contentType, content, elements, cloudCustomData,
        Timelines.BOTH);
  }

  /** A message with opaque content only (no elements, no cloud custom data). */
  public AppendRequest(String appId, String fromUserId, String fromDeviceId, String toUserId, String clientMsgId,
      String contentType, ByteString content) {
    this(appId, fromUserId, fromDeviceId, toUserId, clientMsgId, contentType, content, List.of(), "");
  }

  /** True when sender and recipient are the same user: the message gets a single timeline entry. */
  public boolean selfSend() {
    return fromUserId.equals(toUserId);
  }
}
