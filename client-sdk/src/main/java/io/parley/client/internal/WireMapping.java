package io.parley.client.internal;

import com.google.protobuf.ByteString;
import io.parley.client.CredentialKind;
import io.parley.client.KickReason;
import io.parley.client.Platform;
import io.parley.client.ReceivedMessage;
import io.parley.client.SendReceipt;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SendResult;
import io.parley.protocol.v1.TimelineEntry;
import java.util.List;
import java.util.Objects;

/**
 * Translates between the wire schema and the SDK's public types, both ways. Elements need no translation: the public
 * API carries the wire's {@link Element} as it is. Pure functions, safe on any thread.
 */
final class WireMapping {
  private WireMapping() {}

  /** The Send of an opaque content body; the caller checks the client message id. */
  static Send.Builder send(String clientMsgId, String toUserId, String contentType, byte[] content) {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(content, "content");
    return Send.newBuilder().setClientMsgId(clientMsgId).setToUserId(toUserId).setContentType(contentType)
        .setContent(ByteString.copyFrom(content));
  }

  /** The Send of a body of elements and cloud custom data ("" for none); the caller checks the client message id. */
  static Send.Builder send(String clientMsgId, String toUserId, List<Element> elements, String cloudCustomData) {
    Objects.requireNonNull(elements, "elements");
    Objects.requireNonNull(cloudCustomData, "cloudCustomData");
    return Send.newBuilder().setClientMsgId(clientMsgId).setToUserId(toUserId).addAllElements(elements)
        .setCloudCustomData(cloudCustomData);
  }

  /** The Send of a group message of elements and cloud custom data ("" for none); the caller checks the ids. */
  static Send.Builder groupSend(String clientMsgId, String groupId, List<Element> elements, String cloudCustomData) {
    Objects.requireNonNull(groupId, "groupId");
    if (groupId.isEmpty()) {
      throw new IllegalArgumentException("groupId must not be empty");
    }
    return send(clientMsgId, "", elements, cloudCustomData).setGroupId(groupId);
  }

  /** The receipt of a stored send, under the client message id the client sent it with. */
  static SendReceipt receipt(String clientMsgId, SendResult result) {
    return new SendReceipt(clientMsgId, result.getServerMsgId(), result.getSeq(), result.getServerTimeMs(),
        result.getDuplicate(), result.getGroupSeq());
  }

  /** One timeline entry as the listener sees it; {@code userId} and {@code deviceId} are this client's. */
  static ReceivedMessage received(TimelineEntry entry, String userId, String deviceId) {
    return received(entry, userId, deviceId, false);
  }

  /**
   * One entry as the listener sees it. {@code groupHistory}: the entry comes from a group's own history, so its seq
   * is the group seq (the message then has no timeline seq: 0).
   */
  static ReceivedMessage received(TimelineEntry entry, String userId, String deviceId, boolean groupHistory) {
    Message m = entry.hasRecall() ? entry.getRecall().getMessage() : entry.getMessage();
    boolean outgoing = m.getFromUserId().equals(userId);
    long groupSeq = m.getGroupSeq() == 0 && groupHistory ? entry.getSeq() : m.getGroupSeq();
    return new ReceivedMessage(
        groupHistory ? 0 : entry.getSeq(),
        m.getServerMsgId(),
        m.getClientMsgId(),
        m.getFromUserId(),
        m.getToUserId(),
        m.getFromDeviceId(),
        m.getServerTimeMs(),
        m.getContentType(),
        m.getContent().toByteArray(),
        m.getElementsList(),
        m.getCloudCustomData(),
        outgoing,
        outgoing && m.getFromDeviceId().equals(deviceId),
        m.getRecalled(),
        m.getGroupId(),
        groupSeq);
  }

  /** A kick's reason; a reason this SDK does not know is {@link KickReason#UNKNOWN}. */
  static KickReason kickReason(io.parley.protocol.v1.KickReason reason) {
    return switch (reason) {
      case LOGGED_IN_ELSEWHERE -> KickReason.LOGGED_IN_ELSEWHERE;
      case CREDENTIAL_EXPIRED -> KickReason.CREDENTIAL_EXPIRED;
      case SERVER_SHUTDOWN -> KickReason.SERVER_SHUTDOWN;
      case IDLE_TIMEOUT -> KickReason.IDLE_TIMEOUT;
      case SLOW_CONSUMER -> KickReason.SLOW_CONSUMER;
      case ACCOUNT_BLOCKED -> KickReason.ACCOUNT_BLOCKED;
      case CREDENTIAL_REVOKED -> KickReason.CREDENTIAL_REVOKED;
      case APP_REMOVED -> KickReason.APP_REMOVED;
      default -> KickReason.UNKNOWN;
    };
  }

  /** The wire's name for a credential kind (the same name). */
  static io.parley.protocol.v1.CredentialKind credentialKind(CredentialKind kind) {
    return io.parley.protocol.v1.CredentialKind.valueOf(kind.name());
  }

  /** The wire's name for a platform (the same name). */
  static io.parley.protocol.v1.Platform platform(Platform platform) {
    return io.parley.protocol.v1.Platform.valueOf(platform.name());
  }
}
