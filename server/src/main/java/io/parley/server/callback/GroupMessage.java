package io.parley.server.callback;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message sent to a group, before it is stored (a Before callback may refuse, change or silently drop it) or after
 * it was sent.
 *
 * <p>{@code groupType} is the group's kind as the app's vendor names it (Tencent {@code Public}, NetEase
 * {@code advanced}, ...); {@code msgKey} the message's id as the vendor names it (empty before it is stored);
 * {@code groupSeq} the message's seq in the group (Tencent's MsgSeq; 0 before it is stored and for online-only
 * messages); {@code random} Tencent's Random (32-bit unsigned); {@code body} the content already in the vendor's JSON.
 */
public record GroupMessage(
    String groupId,
    String groupType,
    String from,
    String msgKey,
    long groupSeq,
    long random,
    Instant time,
    String clientMsgId,
    JsonNode body,
    Optional<String> cloudCustomData,
    boolean onlineOnly,
    Origin origin)
    implements CallbackEvent {

  public GroupMessage {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(groupType, "groupType");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(msgKey, "msgKey");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(clientMsgId, "clientMsgId");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(cloudCustomData, "cloudCustomData");
    Objects.requireNonNull(origin, "origin");
    if (groupSeq < 0 || random < 0 || random > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("groupSeq is not negative and random is a 32-bit unsigned number");
    }
  }

  /** The same message with another body and custom data (what a Before callback may change). */
  public GroupMessage withContent(JsonNode newBody, Optional<String> newCloudCustomData) {
    return new GroupMessage(groupId, groupType, from, msgKey, groupSeq, random, time, clientMsgId, newBody,
        newCloudCustomData, onlineOnly, origin);
  }

  /** The message once stored: its vendor id, group seq and server time. */
  public GroupMessage stored(String key, long seq, Instant at) {
    return new GroupMessage(groupId, groupType, from, key, seq, random, at, clientMsgId, body, cloudCustomData,
        onlineOnly, origin);
  }
}
