package io.parley.server.messaging;

import com.google.protobuf.ByteString;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.Message;
import io.parley.server.store.AppendRequest;
import io.parley.server.store.Conversation;
import io.parley.server.store.Event;
import io.parley.server.sync.C2cFanOut;
import java.util.List;

/**
 * Builds the store's append for a one-to-one message: the message as it will be stored (the store adds its server
 * msg id and time), deduplicated by its client msg id, into the timelines the fan-out names.
 */
public final class C2cAppends {
  private C2cAppends() {}

  /** A message of elements and/or opaque content from {@code from}'s device {@code fromDeviceId} to {@code to}. */
  public static AppendRequest of(String appId, String from, String fromDeviceId, String to, String clientMsgId,
      String contentType, ByteString content, List<Element> elements, String cloudCustomData, C2cFanOut fanOut) {
    Message message = Message.newBuilder()
        .setClientMsgId(clientMsgId)
        .setFromUserId(from)
        .setToUserId(to)
        .setContentType(contentType)
        .setContent(content)
        .setFromDeviceId(fromDeviceId)
        .addAllElements(elements)
        .setCloudCustomData(cloudCustomData)
        .build();
    return new AppendRequest(appId, Conversation.c2c(from, to), from, new Event.NewMessage(message), clientMsgId,
        fanOut.timelines(from, to));
  }
}
