package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.credential.tencent.TencentCallbackSign;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.C2cMessage;
import io.parley.server.callback.CallbackEvent;
import io.parley.server.callback.CallbackFormat;
import io.parley.server.callback.CallbackJson;
import io.parley.server.callback.CallbackRequest;
import io.parley.server.callback.CallbackUrls;
import io.parley.server.callback.GroupActivity;
import io.parley.server.callback.GroupMessage;
import io.parley.server.callback.Phase;
import io.parley.server.callback.Platform;
import io.parley.server.callback.StateChange;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tencent Cloud IM callbacks: {@code POST <url>?SdkAppid=&CallbackCommand=&contenttype=json&ClientIP=&OptPlatform=}
 * and, when the app has a callback token, {@code &RequestTime=<unix s>&Sign=<sha256hex(token + RequestTime)>}; a
 * JSON body with {@code CallbackCommand} first, field names as the vendor's (doocs {@code model/callback}).
 *
 * <p>A message's {@code body} is its {@code MsgBody}: the array of {@code {MsgType, MsgContent}} elements. A Before
 * answer is {@code {ActionStatus, ErrorCode, ErrorInfo}}: ErrorCode 0 allows (with {@code MsgBody} and/or
 * {@code CloudCustomData}: modified), 2 discards silently, any other refuses with that code and ErrorInfo; a
 * Before-invite answer's {@code RefusedMembers_Account} leaves those invitees out. Group callbacks: see
 * {@link TencentGroupCallbackBodies}.
 */
public final class TencentCallbacks implements CallbackFormat {
  public static final String STATE_CHANGE = "State.StateChange";
  public static final String BEFORE_SEND_C2C = "C2C.CallbackBeforeSendMsg";
  public static final String AFTER_SEND_C2C = "C2C.CallbackAfterSendMsg";

  private static final Set<String> COMMANDS = commandSet();
  private static final int SILENT_DISCARD = 2;

  @Override
  public Optional<String> command(CallbackEvent event, Phase phase) {
    if (event instanceof StateChange) {
      return phase == Phase.AFTER ? Optional.of(STATE_CHANGE) : Optional.empty();
    }
    if (event instanceof C2cMessage) {
      return Optional.of(phase == Phase.BEFORE ? BEFORE_SEND_C2C : AFTER_SEND_C2C);
    }
    if (event instanceof GroupActivity) {
      return TencentGroupCallbackBodies.command((GroupActivity) event, phase == Phase.BEFORE);
    }
    if (event instanceof GroupMessage) {
      return Optional.of(phase == Phase.BEFORE ? TencentGroupCallbackBodies.BEFORE_SEND
          : TencentGroupCallbackBodies.AFTER_SEND);
    }
    return Optional.empty();
  }

  private static Set<String> commandSet() {
    Set<String> all = new java.util.HashSet<>(List.of(STATE_CHANGE, BEFORE_SEND_C2C, AFTER_SEND_C2C));
    all.addAll(TencentGroupCallbackBodies.COMMANDS);
    return Set.copyOf(all);
  }

  @Override
  public Set<String> commands() {
    return COMMANDS;
  }

  @Override
  public CallbackRequest request(App app, String command, List<CallbackEvent> events, Instant now) {
    if (events.size() != 1) {
      throw new IllegalArgumentException("a Tencent callback carries one event, not " + events.size());
    }
    CallbackEvent event = events.get(0);
    String admin = app.secrets(AppSecrets.Tencent.class).adminIdentifier();
    ObjectNode body = switch (command) {
      case STATE_CHANGE -> stateChange(cast(event, StateChange.class));
      case BEFORE_SEND_C2C -> c2c(command, cast(event, C2cMessage.class), false);
      case AFTER_SEND_C2C -> c2c(command, cast(event, C2cMessage.class), true);
      case TencentGroupCallbackBodies.BEFORE_SEND ->
          TencentGroupCallbackBodies.message(command, cast(event, GroupMessage.class), admin, false);
      case TencentGroupCallbackBodies.AFTER_SEND ->
          TencentGroupCallbackBodies.message(command, cast(event, GroupMessage.class), admin, true);
      default -> {
        if (!TencentGroupCallbackBodies.COMMANDS.contains(command)) {
          throw new IllegalArgumentException("not a Tencent callback command: " + command);
        }
        yield TencentGroupCallbackBodies.activity(command, cast(event, GroupActivity.class), admin);
      }
    };
    Map<String, String> query = new LinkedHashMap<>();
    query.put("SdkAppid", app.id());
    query.put("CallbackCommand", command);
    query.put("contenttype", "json");
    query.put("ClientIP", event.origin().clientIp());
    query.put("OptPlatform", optPlatform(event.origin().platform()));
    app.callback().token().ifPresent(token -> {
      String requestTime = Long.toString(now.getEpochSecond());
      query.put("RequestTime", requestTime);
      query.put("Sign", TencentCallbackSign.sign(token, requestTime));
    });
    URI url = app.callback().url().orElseThrow(() -> new IllegalStateException("app " + app.id() + " has no callback URL"));
    return new CallbackRequest(CallbackUrls.withQuery(url, query),
        Map.of("Content-Type", "application/json; charset=utf-8"), CallbackJson.bytes(body));
  }

  @Override
  public Optional<BeforeVerdict> verdict(byte[] answer) {
    Optional<JsonNode> json = CallbackJson.read(answer).filter(JsonNode::isObject);
    if (json.isEmpty() || !json.get().path("ErrorCode").canConvertToInt()) {
      return Optional.empty();
    }
    JsonNode a = json.get();
    int code = a.get("ErrorCode").asInt();
    if (code == SILENT_DISCARD) {
      return Optional.of(new BeforeVerdict.Discard());
    }
    if (code != 0) {
      return Optional.of(new BeforeVerdict.Refuse(code, a.path("ErrorInfo").asText("")));
    }
    JsonNode refused = a.get("RefusedMembers_Account");
    if (refused != null && refused.isArray() && !refused.isEmpty()) {
      // A Before-invite answer: go ahead without these invitees.
      Set<String> users = new java.util.HashSet<>();
      refused.forEach(u -> users.add(u.asText()));
      return Optional.of(new BeforeVerdict.Narrow(users));
    }
    Optional<JsonNode> body = Optional.ofNullable(a.get("MsgBody")).filter(JsonNode::isArray);
    Optional<String> custom = Optional.ofNullable(a.get("CloudCustomData")).filter(JsonNode::isTextual).map(JsonNode::asText);
    if (body.isEmpty() && custom.isEmpty()) {
      return Optional.of(BeforeVerdict.ALLOW);
    }
    return Optional.of(new BeforeVerdict.Modify(body, custom));
  }

  private static ObjectNode stateChange(StateChange s) {
    ObjectNode body = CallbackJson.object();
    body.put("CallbackCommand", STATE_CHANGE);
    ObjectNode info = body.putObject("Info");
    info.put("Action", switch (s.action()) {
      case LOGIN -> "Login";
      case LOGOUT -> "Logout";
      case DISCONNECT -> "Disconnect";
    });
    info.put("To_Account", s.user());
    info.put("Reason", reason(s));
    if (!s.kicked().isEmpty()) {
      s.kicked().forEach(p -> body.withArray("KickedDevice").addObject().put("Platform", devicePlatform(p)));
    }
    body.put("EventTime", s.time().toEpochMilli());
    return body;
  }

  private static ObjectNode c2c(String command, C2cMessage m, boolean after) {
    if (!m.body().isArray()) {
      throw new IllegalArgumentException("a Tencent MsgBody is a JSON array of {MsgType, MsgContent}");
    }
    ObjectNode body = CallbackJson.object();
    body.put("CallbackCommand", command);
    body.put("From_Account", m.from());
    body.put("To_Account", m.to());
    body.put("MsgSeq", m.seq());
    body.put("MsgRandom", m.random());
    body.put("MsgTime", m.time().getEpochSecond());
    body.put("MsgKey", m.msgKey());
    body.put("OnlineOnlyFlag", m.onlineOnly() ? 1 : 0);
    if (after) {
      body.put("SendMsgResult", 0);
      body.put("ErrorInfo", "send msg succeed");
      m.recipientUnread().ifPresent(n -> body.put("UnreadMsgNum", n));
    }
    body.set("MsgBody", m.body());
    m.cloudCustomData().ifPresent(c -> body.put("CloudCustomData", c));
    return body;
  }

  /** Tencent's Reason: Register for a login, Unregister for a logout, LinkClose or TimeOut for a lost connection. */
  private static String reason(StateChange s) {
    return switch (s.action()) {
      case LOGIN -> "Register";
      case LOGOUT -> "Unregister";
      case DISCONNECT -> s.reason() == StateChange.Reason.HEARTBEAT_TIMEOUT ? "TimeOut" : "LinkClose";
    };
  }

  /** The URL's OptPlatform: RESTAPI, Web, Android, iOS, Windows, Mac, iPad or Unknown. */
  static String optPlatform(Platform p) {
    return switch (p) {
      case SERVER_API -> "RESTAPI";
      case WEB -> "Web";
      case ANDROID -> "Android";
      case IOS -> "iOS";
      case WINDOWS -> "Windows";
      case MAC -> "Mac";
      case IPAD -> "iPad";
      case LINUX, UNKNOWN -> "Unknown";
    };
  }

  /** A kicked device's Platform: iOS, Android, Web, Windows, iPad, Mac or Linux. */
  private static String devicePlatform(Platform p) {
    return p == Platform.LINUX ? "Linux" : optPlatform(p);
  }

  private static <T extends CallbackEvent> T cast(CallbackEvent e, Class<T> kind) {
    if (!kind.isInstance(e)) {
      throw new IllegalArgumentException("this command carries a " + kind.getSimpleName() + ", not " + e);
    }
    return kind.cast(e);
  }
}
