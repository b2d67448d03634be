package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.parley.protocol.credential.rongcloud.RongcloudApiSignature;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.C2cMessage;
import io.parley.server.callback.CallbackEvent;
import io.parley.server.callback.CallbackFormat;
import io.parley.server.callback.CallbackJson;
import io.parley.server.callback.CallbackRequest;
import io.parley.server.callback.CallbackUrls;
import io.parley.server.callback.GroupMessage;
import io.parley.server.callback.Origin;
import io.parley.server.callback.Phase;
import io.parley.server.callback.Platform;
import io.parley.server.callback.StateChange;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Rongcloud callbacks, signed in the URL: {@code ?nonce=&signTimestamp=<ms>&signature=<sha1hex(AppSecret + nonce +
 * signTimestamp)>}. Online status ({@value #ONLINE_STATUS}): a JSON array of up to {@value #MAX_STATUS_BATCH}
 * status changes per POST. Message routing ({@value #MESSAGE_ROUTING}, 全量消息路由): one form-encoded message per POST.
 * Rongcloud has no Before callback here. Group messages are routed too ({@code channelType} GROUP, {@code toUserId} the
 * group id); group operations have no callback. Messages the app sent through the Server API are not routed (the
 * vendor's default).
 *
 * <p>A message's {@code body} is {@code {"objectName": "RC:TxtMsg", "content": {…}}}: the message type and its
 * content, as an object or as the JSON string the Server API takes.
 */
public final class RongcloudCallbacks implements CallbackFormat {
  public static final String ONLINE_STATUS = "onlineStatus";
  public static final String MESSAGE_ROUTING = "messageRouting";
  /** How many status changes one online-status POST carries at most (the vendor batches, without saying how many). */
  public static final int MAX_STATUS_BATCH = 100;

  private static final Set<String> COMMANDS = Set.of(ONLINE_STATUS, MESSAGE_ROUTING);

  private final Supplier<String> nonces;

  /** Random decimal nonces of at most 10 digits (the vendor's guide caps nonces at 18 characters). */
  public RongcloudCallbacks() {
    this(() -> Integer.toString(ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE)));
  }

  /** With a given nonce source (tests pin the vendor's example with it). */
  public RongcloudCallbacks(Supplier<String> nonces) {
    this.nonces = nonces;
  }

  @Override
  public Optional<String> command(CallbackEvent event, Phase phase) {
    if (phase == Phase.BEFORE) {
      return Optional.empty();
    }
    if (event instanceof StateChange) {
      return Optional.of(ONLINE_STATUS);
    }
    if (event instanceof GroupMessage) {
      // as for one-to-one messages, what the app sent through the Server API is not routed back to it
      return ((GroupMessage) event).origin().platform() == Platform.SERVER_API
          ? Optional.empty() : Optional.of(MESSAGE_ROUTING);
    }
    return event instanceof C2cMessage ? Optional.of(MESSAGE_ROUTING) : Optional.empty();
  }

  @Override
  public Set<String> commands() {
    return COMMANDS;
  }

  @Override
  public int maxBatch(String command) {
    return ONLINE_STATUS.equals(command) ? MAX_STATUS_BATCH : 1;
  }

  @Override
  public CallbackRequest request(App app, String command, List<CallbackEvent> events, Instant now) {
    byte[] body;
    String contentType;
    if (ONLINE_STATUS.equals(command)) {
      if (events.isEmpty() || events.size() > MAX_STATUS_BATCH) {
        throw new IllegalArgumentException("an online-status POST carries 1 to " + MAX_STATUS_BATCH + " changes");
      }
      ArrayNode changes = JsonNodeFactory.instance.arrayNode();
      events.forEach(e -> status(changes, cast(e, StateChange.class)));
      body = CallbackJson.bytes(changes);
      contentType = "application/json; charset=utf-8";
    } else if (MESSAGE_ROUTING.equals(command)) {
      if (events.size() != 1) {
        throw new IllegalArgumentException("a message-routing POST carries one message, not " + events.size());
      }
      CallbackEvent e = events.get(0);
      Map<String, String> fields = e instanceof GroupMessage ? routing((GroupMessage) e)
          : routing(cast(e, C2cMessage.class));
      body = form(fields).getBytes(StandardCharsets.UTF_8);
      contentType = "application/x-www-form-urlencoded; charset=utf-8";
    } else {
      throw new IllegalArgumentException("not a Rongcloud callback command: " + command);
    }
    String nonce = nonces.get();
    String timestamp = Long.toString(now.toEpochMilli());
    Map<String, String> query = new LinkedHashMap<>();
    query.put("nonce", nonce);
    query.put("signTimestamp", timestamp);
    query.put("signature",
        RongcloudApiSignature.sign(app.secrets(AppSecrets.Rongcloud.class).appSecret(), nonce, timestamp));
    URI url = app.callback().url().orElseThrow(() -> new IllegalStateException("app " + app.id() + " has no callback URL"));
    return new CallbackRequest(CallbackUrls.withQuery(url, query), Map.of("Content-Type", contentType), body);
  }

  /** Rongcloud's callbacks here are all After callbacks: there is no answer to read. */
  @Override
  public Optional<BeforeVerdict> verdict(byte[] body) {
    return Optional.empty();
  }

  private static void status(ArrayNode changes, StateChange s) {
    changes.addObject()
        .put("userid", s.user())
        .put("status", switch (s.action()) {
          case LOGIN -> "0";
          case DISCONNECT -> "1";
          case LOGOUT -> "2";
        })
        .put("os", client(s.origin().platform()))
        .put("time", s.time().toEpochMilli())
        .put("clientIp", s.origin().ipAndPort())
        .put("sessionId", s.origin().deviceId());
  }

  private static Map<String, String> routing(C2cMessage m) {
    Map<String, String> f = message(m.from(), m.to(), m.body(), "PERSON", m.time(), m.msgKey(), m.origin());
    f.put("clientIp", m.origin().ipAndPort());
    return f;
  }

  /**
   * A group message: toUserId is the group. groupUserIds names the recipients of a directed message (one to some
   * members only); Parley's group messages go to every member, so it is sent empty, as the vendor sends it then.
   */
  private static Map<String, String> routing(GroupMessage m) {
    Map<String, String> f = message(m.from(), m.groupId(), m.body(), "GROUP", m.time(), m.msgKey(), m.origin());
    f.put("groupUserIds", "");
    f.put("clientIp", m.origin().ipAndPort());
    return f;
  }

  private static Map<String, String> message(String from, String to, JsonNode body, String channelType, Instant time,
      String msgKey, Origin origin) {
    JsonNode objectName = body.get("objectName");
    JsonNode content = body.get("content");
    if (objectName == null || !objectName.isTextual() || content == null || content.isNull()) {
      throw new IllegalArgumentException("a Rongcloud message body is {\"objectName\": \"…\", \"content\": …}");
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("fromUserId", from);
    f.put("toUserId", to);
    f.put("objectName", objectName.asText());
    f.put("content", content.isTextual() ? content.asText() : CallbackJson.text(content));
    f.put("channelType", channelType);
    f.put("msgTimestamp", Long.toString(time.toEpochMilli()));
    f.put("msgUID", msgKey);
    f.put("sensitiveType", "0");
    f.put("source", client(origin.platform()));
    return f;
  }

  /** The status {@code os} and the routing {@code source}: iOS, Android, Websocket (web), PC or Server (REST). */
  private static String client(Platform p) {
    return switch (p) {
      case IOS, IPAD -> "iOS";
      case ANDROID -> "Android";
      case WEB -> "Websocket";
      case WINDOWS, MAC, LINUX, UNKNOWN -> "PC";
      case SERVER_API -> "Server";
    };
  }

  private static String form(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach((k, v) -> {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    return out.toString();
  }

  private static <T extends CallbackEvent> T cast(CallbackEvent e, Class<T> kind) {
    if (!kind.isInstance(e)) {
      throw new IllegalArgumentException("this command carries a " + kind.getSimpleName() + ", not " + e);
    }
    return kind.cast(e);
  }
}
