package io.parley.server.messaging;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SendResult;
import io.parley.server.session.UserKey;
import io.parley.server.store.AppendResult;
import io.parley.server.store.MessageWriter;
import io.parley.server.sync.C2cFanOut;
import java.util.concurrent.CompletableFuture;

/**
 * The C2C send path: validate, build the message, then hand it to the store's writer for the sender's and the
 * recipient's timelines (the sender's other devices see it too); the writer dedups, assigns seqs and completes only
 * once the message is durable.
 */
public final class SendService {
  private static final int MAX_CONTENT_TYPE = 64;

  private final MessageWriter writer;

  public SendService(MessageWriter writer) {
    this.writer = writer;
  }

  /** Checks a send (to a user or a group) against the sender's app's message size limit, without storing it. */
  public static void validate(Send send, int maxMessageBytes) throws SendRefused {
    if (!Identifiers.valid(send.getClientMsgId())) {
      throw new SendRefused(ErrorCodes.BAD_REQUEST, "client_msg_id must be 1-128 printable characters");
    }
    if (!send.getGroupId().isEmpty()) {
      if (!Identifiers.valid(send.getGroupId())) {
        throw new SendRefused(ErrorCodes.INVALID_RECIPIENT, "group_id must be 1-128 printable characters");
      }
      if (!send.getToUserId().isEmpty()) {
        throw new SendRefused(ErrorCodes.INVALID_RECIPIENT, "a message goes to a user or to a group, not both");
      }
    } else if (!Identifiers.valid(send.getToUserId())) {
      throw new SendRefused(ErrorCodes.INVALID_RECIPIENT, "to_user_id must be 1-128 printable characters");
    }
    if (send.getContent().isEmpty() && send.getElementsCount() == 0) {
      throw new SendRefused(ErrorCodes.EMPTY_MESSAGE, "message has neither elements nor content");
    }
    long size = send.getContent().size();
    if (send.getElementsCount() > 0 || !send.getCloudCustomData().isEmpty()) {
      ElementRules.check(send.getElementsList());
      for (var e : send.getElementsList()) {
        size += e.getSerializedSize();
      }
      size += com.google.protobuf.CodedOutputStream.computeStringSizeNoTag(send.getCloudCustomData());
    }
    if (size > maxMessageBytes) {
      throw new SendRefused(ErrorCodes.MESSAGE_TOO_LARGE,
          "message body is " + size + " bytes; the limit is " + maxMessageBytes);
    }
    if (send.getContentType().length() > MAX_CONTENT_TYPE) {
      throw new SendRefused(ErrorCodes.BAD_REQUEST, "content_type is longer than " + MAX_CONTENT_TYPE + " characters");
    }
  }

  /** Stores a validated send; the future completes after the write is durable. */
  public CompletableFuture<SendResult> send(UserKey from, String fromDeviceId, Send send) {
    return writer.append(C2cAppends.of(from.appId(), from.userId(), fromDeviceId, send.getToUserId(),
        send.getClientMsgId(), send.getContentType(), send.getContent(), send.getElementsList(),
        send.getCloudCustomData(), C2cFanOut.BOTH)).thenApply(r -> toResult(r, from.userId()));
  }

  /** The sender's answer: the seq is the message's entry in the sender's own timeline. */
  private static SendResult toResult(AppendResult r, String sender) {
    return SendResult.newBuilder()
        .setClientMsgId(r.request().dedupKey())
        .setServerMsgId(r.serverMsgId())
        .setSeq(r.seqOf(sender))
        .setServerTimeMs(r.serverTimeMs())
        .setDuplicate(r.duplicate())
        .build();
  }
}
