package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Element;
import io.parley.server.app.App;
import io.parley.server.messaging.SendRefused;
import io.parley.server.messaging.ServerSends;
import io.parley.server.store.AppendResult;
import io.parley.server.store.Store;
import io.parley.server.sync.C2cFanOut;
import java.util.List;
import java.util.UUID;

/**
 * {@code message/private/publish} and {@code message/system/publish}: one message from fromUserId to each toUserId
 * (1 to {@value #MAX_RECIPIENTS}), stored durably and pushed to each recipient (and, with isIncludeSender 1, to the
 * sender's devices) before the answer, which lists each recipient's messageUID. Every parameter is checked before
 * anything is sent. A retry with the same msgRandom is the same message; without one every request is new.
 * pushContent, pushData and the push flags are taken and checked, but Parley sends no offline push.
 */
final class MessagePublish {
  static final int MAX_RECIPIENTS = 1000;
  static final int MAX_OBJECT_NAME = 32;
  static final int MAX_PUSH = 1024;
  private static final List<String> FLAGS = List.of("isPersisted", "isCounted", "isIncludeSender",
      "contentAvailable", "verifyBlacklist", "disablePush");

  private final ServerSends sends;

  MessagePublish(Store store) {
    this.sends = new ServerSends(store);
  }

  /** {@code message/private/publish}: a private (conversation type 1) message. */
  ObjectNode privateMessage(App app, FormFields form) throws RongcloudRestException {
    return publish(app, form);
  }

  /** {@code message/system/publish}: a system (conversation type 6) message; Parley delivers it like a private one. */
  ObjectNode systemMessage(App app, FormFields form) throws RongcloudRestException {
    return publish(app, form);
  }

  private ObjectNode publish(App app, FormFields form) throws RongcloudRestException {
    String from = form.userId("fromUserId");
    List<String> to = form.userIds("toUserId", MAX_RECIPIENTS);
    String objectName = objectName(form);
    Element element;
    try {
      element = RongcloudElements.fromVendor(objectName, form.required("content", Integer.MAX_VALUE));
    } catch (ContentException e) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER, e.getMessage());
    }
    form.optional("pushContent", MAX_PUSH);
    form.optional("pushData", MAX_PUSH);
    for (String flag : FLAGS) {
      form.flag(flag, false);
    }
    C2cFanOut fanOut = form.flag("isIncludeSender", false)
        ? C2cFanOut.BOTH : C2cFanOut.RECIPIENT;
    long random = form.number("msgRandom", 0, Long.MAX_VALUE, -1);
    String request = random >= 0 ? Long.toString(random) : UUID.randomUUID().toString();
    ObjectNode out = RongcloudAnswer.object();
    ArrayNode uids = out.putArray("messageUIDs");
    for (String user : to) {
      AppendResult r = send(app, from, user, "rc:" + request + ":" + user, element, fanOut);
      uids.addObject().put("userId", user).put("messageUID", RongcloudMessageUid.of(r.serverMsgId()));
    }
    return out;
  }

  private AppendResult send(App app, String from, String to, String clientMsgId, Element element,
      C2cFanOut fanOut) throws RongcloudRestException {
    try {
      return sends.send(app, from, to, clientMsgId, List.of(element), "", fanOut);
    } catch (SendRefused e) {
      throw new RongcloudRestException(e.code() == ErrorCodes.UNAVAILABLE ? RongcloudCode.TIMEOUT
          : RongcloudCode.PARAMETER, (e.code() == ErrorCodes.UNAVAILABLE ? "" : "content: ") + e.getMessage());
    }
  }

  static String objectName(FormFields form) throws RongcloudRestException {
    String name = form.required("objectName", MAX_OBJECT_NAME);
    if (name.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER,
          "objectName must be a message type such as RC:TxtMsg, without spaces or control characters");
    }
    return name;
  }
}
