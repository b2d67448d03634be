package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.credential.netease.NeteaseCheckSum;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.C2cMessage;
import io.parley.server.callback.CallbackEvent;
import io.parley.server.callback.CallbackFormat;
import io.parley.server.callback.CallbackJson;
import io.parley.server.callback.CallbackRequest;
import io.parley.server.callback.GroupActivity;
import io.parley.server.callback.GroupMessage;
import io.parley.server.callback.Origin;
import io.parley.server.callback.Phase;
import io.parley.server.callback.Platform;
import io.parley.server.callback.StateChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * NetEase Yunxin message copy (抄送): {@code POST <url>}, JSON body whose values are all strings, headers
 * {@code AppKey}, {@code CurTime} (ms), {@code MD5} (hex MD5 of the body) and {@code CheckSum} = hex
 * SHA-1(AppSecret + MD5 + CurTime). Commands: {@value #MESSAGE} (eventType 1: p2p messages, convType PERSON, and
 * team messages, convType TEAM with {@code to} the tid), {@value #TEAM_OPERATION} (eventType 1, convType TEAM,
 * msgType NOTIFICATION: team operations, see {@link TeamNotices}), {@value #LOGIN} (eventType 2) and
 * {@value #LOGOUT} (eventType 3). No Before callback here.
 *
 * <p>A message's {@code body} is the message as {@code msg/sendMsg.action} takes it: {@code {"type": 0, "body":
 * {"msg": "hi"}}} (type a number, body an object or its JSON string). The copy carries text and tips as {@code body}
 * and every other type's content as the JSON string {@code attach}.
 */
public final class NeteaseCallbacks implements CallbackFormat {
  public static final String MESSAGE = "message";
  public static final String LOGIN = "login";
  public static final String LOGOUT = "logout";
  public static final String TEAM_OPERATION = "teamOperation";

  private static final Set<String> COMMANDS = Set.of(MESSAGE, TEAM_OPERATION, LOGIN, LOGOUT);
  private static final Map<Integer, String> MSG_TYPES = Map.of(0, "TEXT", 1, "PICTURE", 2, "AUDIO", 3, "VIDEO",
      4, "LOCATION", 5, "NOTIFICATION", 6, "FILE", 10, "TIPS", 100, "CUSTOM");

  @Override
  public Optional<String> command(CallbackEvent event, Phase phase) {
    if (phase == Phase.BEFORE) {
      return Optional.empty();
    }
    if (event instanceof StateChange s) {
      return Optional.of(s.action() == StateChange.Action.LOGIN ? LOGIN : LOGOUT);
    }
    if (event instanceof C2cMessage || event instanceof GroupMessage) {
      return Optional.of(MESSAGE);
    }
    if (event instanceof GroupActivity a && TeamNotices.id(a).isPresent()) {
      return Optional.of(TEAM_OPERATION);
    }
    return Optional.empty();
  }

  @Override
  public Set<String> commands() {
    return COMMANDS;
  }

  @Override
  public CallbackRequest request(App app, String command, List<CallbackEvent> events, Instant now) {
    if (events.size() != 1) {
      throw new IllegalArgumentException("a NetEase copy carries one event, not " + events.size());
    }
    if (app.callback().url().isEmpty()) {
      throw new IllegalStateException("app " + app.id() + " has no callback URL");
    }
    ObjectNode body = switch (command) {
      case MESSAGE -> events.get(0) instanceof GroupMessage g ? teamMessage(g)
          : message(cast(events.get(0), C2cMessage.class));
      case TEAM_OPERATION -> TeamNotices.copy(cast(events.get(0), GroupActivity.class));
      case LOGIN, LOGOUT -> loginOrLogout(cast(events.get(0), StateChange.class));
      default -> throw new IllegalArgumentException("not a NetEase callback command: " + command);
    };
    byte[] bytes = CallbackJson.bytes(body);
    String md5 = NeteaseCheckSum.md5Hex(bytes);
    String curTime = Long.toString(now.toEpochMilli());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.put("AppKey", app.id());
    headers.put("CurTime", curTime);
    headers.put("MD5", md5);
    headers.put("CheckSum",
        NeteaseCheckSum.callbackCheckSum(app.secrets(AppSecrets.Netease.class).appSecret(), md5, curTime));
    return new CallbackRequest(app.callback().url().get(), headers, bytes);
  }

  /** NetEase's copies here are all After callbacks: there is no answer to read. */
  @Override
  public Optional<BeforeVerdict> verdict(byte[] body) {
    return Optional.empty();
  }

  private static ObjectNode message(C2cMessage m) {
    return copy("PERSON", m.to(), m.from(), m.origin(), m.time(), m.body(), m.clientMsgId(), m.msgKey(),
        m.cloudCustomData());
  }

  private static ObjectNode teamMessage(GroupMessage m) {
    return copy("TEAM", m.groupId(), m.from(), m.origin(), m.time(), m.body(), m.clientMsgId(), m.msgKey(),
        m.cloudCustomData());
  }

  private static ObjectNode copy(String convType, String to, String from, Origin origin, Instant time,
      JsonNode message, String clientMsgId, String msgKey, Optional<String> ext) {
    JsonNode typeNode = message.get("type");
    JsonNode content = message.get("body");
    if (typeNode == null || !typeNode.asText().matches("\\d{1,3}") || content == null || content.isNull()) {
      throw new IllegalArgumentException("a NetEase message body is {\"type\": <number>, \"body\": …}");
    }
    int type = Integer.parseInt(typeNode.asText());
    String msgType = MSG_TYPES.getOrDefault(type, "CUSTOM");
    ObjectNode copy = CallbackJson.object();
    copy.put("eventType", "1");
    copy.put("convType", convType);
    copy.put("to", to);
    copy.put("fromAccount", from);
    copy.put("fromClientType", clientType(origin.platform()));
    copy.put("fromDeviceId", origin.deviceId());
    copy.put("msgTimestamp", Long.toString(time.toEpochMilli()));
    copy.put("msgType", msgType);
    if (msgType.equals("TEXT") || msgType.equals("TIPS")) {
      JsonNode object = content.isTextual() ? CallbackJson.read(content.asText()).orElse(content) : content;
      copy.put("body", object.isObject() ? object.path("msg").asText("") : content.asText());
    } else {
      copy.put("attach", content.isTextual() ? content.asText() : CallbackJson.text(content));
    }
    copy.put("msgidClient", clientMsgId);
    copy.put("msgidServer", msgKey);
    copy.put("resendFlag", "0");
    ext.ifPresent(e -> copy.put("ext", e));
    return copy;
  }

  private static ObjectNode loginOrLogout(StateChange s) {
    ObjectNode copy = CallbackJson.object();
    boolean login = s.action() == StateChange.Action.LOGIN;
    copy.put("eventType", login ? "2" : "3");
    copy.put("accid", s.user());
    copy.put("clientIp", s.origin().clientIp());
    copy.put("clientType", clientType(s.origin().platform()));
    copy.put("code", "200");
    copy.put("timestamp", Long.toString(s.time().toEpochMilli()));
    copy.put("deviceId", s.origin().deviceId());
    if (!login) {
      copy.put("logOutReason", switch (s.reason()) {
        case KICKED_BY_OTHER_DEVICE -> "3";
        case KICKED_BY_SERVER -> "4";
        case CONNECTION_CLOSED, HEARTBEAT_TIMEOUT -> "2";
        case LOGGED_OUT, CONNECTED -> s.action() == StateChange.Action.DISCONNECT ? "2" : "1";
      });
    }
    return copy;
  }

  /** NetEase's client types: AOS, IOS, PC, WEB, REST. */
  static String clientType(Platform p) {
    return switch (p) {
      case ANDROID -> "AOS";
      case IOS, IPAD -> "IOS";
      case WEB -> "WEB";
      case SERVER_API -> "REST";
      case WINDOWS, MAC, LINUX, UNKNOWN -> "PC";
    };
  }

  private static <T extends CallbackEvent> T cast(CallbackEvent e, Class<T> kind) {
    if (!kind.isInstance(e)) {
      throw new IllegalArgumentException("this command carries a " + kind.getSimpleName() + ", not " + e);
    }
    return kind.cast(e);
  }
}
