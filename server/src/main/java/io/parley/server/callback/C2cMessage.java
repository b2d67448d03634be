package io.parley.server.callback;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A one-to-one message, before it is stored (a Before callback may refuse or change it) or after it was sent.
 *
 * <p>{@code msgKey} is the message's id as the app's vendor names it (Tencent MsgKey, Rongcloud msgUID, NetEase
 * msgidServer, Yuntongxun msgId); {@code seq} and {@code random} are Tencent's MsgSeq and MsgRandom (32-bit unsigned);
 * {@code clientMsgId} the client's own id (empty when none). {@code body} is the message content already mapped to the
 * app's vendor's JSON (see each vendor's callback format for its shape). {@code recipientUnread} is the recipient's
 * unread C2C count after the send, when known (Tencent's UnreadMsgNum).
 */
public record C2cMessage(
    String from,
    String to,
    String msgKey,
    long seq,
    long random,
    Instant time,
    String clientMsgId,
    JsonNode body,
    Optional<String> cloudCustomData,
    boolean onlineOnly,
    Origin origin,
    OptionalInt recipientUnread)
    implements CallbackEvent {

  public C2cMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(msgKey, "msgKey");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(clientMsgId, "clientMsgId");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(cloudCustomData, "cloudCustomData");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(recipientUnread, "recipientUnread");
    if (seq < 0 || seq > 0xFFFF_FFFFL || random < 0 || random > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("seq and random are 32-bit unsigned numbers");
    }
  }

  /** The same message with another body and custom data (what a Before callback may change). */
  public C2cMessage withContent(JsonNode newBody, Optional<String> newCloudCustomData) {
    return new C2cMessage(from, to, msgKey, seq, random, time, clientMsgId, newBody, newCloudCustomData, onlineOnly,
        origin, recipientUnread);
  }
}
