package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.credential.HexDigests;
import io.parley.protocol.credential.yuntongxun.YuntongxunAuth;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.C2cMessage;
import io.parley.server.callback.CallbackEvent;
import io.parley.server.callback.CallbackFormat;
import io.parley.server.callback.CallbackJson;
import io.parley.server.callback.CallbackRequest;
import io.parley.server.callback.GroupMessage;
import io.parley.server.callback.Phase;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Yuntongxun message copy ({@value #MESSAGE_COPY}, 消息抄送): {@code POST <url>}, a JSON body of strings, headers
 * {@code MD5} (hex MD5 of the body), {@code CurTime} (ms) and {@code CheckSum} = hex MD5(AppId + AppToken + MD5 +
 * CurTime). The app answers HTTP 200 within 5 s. Only messages are copied; there is no Before callback.
 *
 * <p>The vendor documents the signature but not the body's fields; this body carries the envelope {@code appId},
 * {@code pushType} ("1": one-to-one, "2": a group, whose id is then the {@code msgReceiver}), {@code msgId},
 * {@code msgSender}, {@code msgReceiver}, {@code msgDateCreated} (ms), then every field of the message's {@code body}:
 * an object of the vendor's message fields such as {@code {"msgType": "1", "msgContent": "hi", "msgDomain": "…"}},
 * each written as a string. Group messages are copied After they are sent, the same way; group activity is not.
 */
public final class YuntongxunCallbacks implements CallbackFormat {
  public static final String MESSAGE_COPY = "messageCopy";

  private static final Set<String> COMMANDS = Set.of(MESSAGE_COPY);

  @Override
  public Optional<String> command(CallbackEvent event, Phase phase) {
    return phase == Phase.AFTER && (event instanceof C2cMessage || event instanceof GroupMessage)
        ? Optional.of(MESSAGE_COPY) : Optional.empty();
  }

  @Override
  public Set<String> commands() {
    return COMMANDS;
  }

  @Override
  public CallbackRequest request(App app, String command, List<CallbackEvent> events, Instant now) {
    if (!MESSAGE_COPY.equals(command)) {
      throw new IllegalArgumentException("not a Yuntongxun callback command: " + command);
    }
    if (events.size() != 1) {
      throw new IllegalArgumentException("a Yuntongxun message copy carries one message");
    }
    if (app.callback().url().isEmpty()) {
      throw new IllegalStateException("app " + app.id() + " has no callback URL");
    }
    ObjectNode copy = CallbackJson.object();
    copy.put("appId", app.id());
    JsonNode body;
    if (events.get(0) instanceof C2cMessage m) {
      copy.put("pushType", "1");
      copy.put("msgId", m.msgKey());
      copy.put("msgSender", m.from());
      copy.put("msgReceiver", m.to());
      copy.put("msgDateCreated", Long.toString(m.time().toEpochMilli()));
      body = m.body();
    } else if (events.get(0) instanceof GroupMessage g) {
      copy.put("pushType", "2");
      copy.put("msgId", g.msgKey());
      copy.put("msgSender", g.from());
      copy.put("msgReceiver", g.groupId());
      copy.put("msgDateCreated", Long.toString(g.time().toEpochMilli()));
      body = g.body();
    } else {
      throw new IllegalArgumentException("a Yuntongxun message copy carries a one-to-one or a group message");
    }
    if (!body.isObject()) {
      throw new IllegalArgumentException("a Yuntongxun message body is an object of its message fields");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode v = f.getValue();
      if (!copy.has(f.getKey()) && !v.isNull()) {
        copy.put(f.getKey(), v.isValueNode() ? v.asText() : CallbackJson.text(v));
      }
    }
    byte[] bytes = CallbackJson.bytes(copy);
    String md5 = HexDigests.md5Hex(bytes);
    String curTime = Long.toString(now.toEpochMilli());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.put("MD5", md5);
    headers.put("CurTime", curTime);
    headers.put("CheckSum", YuntongxunAuth.callbackCheckSum(app.id(),
        app.secrets(AppSecrets.Yuntongxun.class).appToken(), md5, curTime));
    return new CallbackRequest(app.callback().url().get(), headers, bytes);
  }

  /** The message copy is an After callback: there is no answer to read. */
  @Override
  public Optional<BeforeVerdict> verdict(byte[] body) {
    return Optional.empty();
  }
}
