package io.parley.server.vendor.yuntongxun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.config.Sandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A Yuntongxun REST call signed by hand exactly as the vendor's guide shows, with the JDK only (no Parley helper):
 * timestamp {@code yyyyMMddHHmmss} in UTC+8, {@code sig} = upper-case hex MD5(AccountSid + AuthToken + timestamp),
 * {@code Authorization} = Base64(AccountSid:timestamp). The sandbox main account by default; every part replaceable
 * so that each refusal can be provoked. Asserts that every answer is HTTP 200 JSON.
 */
final class YuntongxunRestCall {
  static final ObjectMapper JSON = new ObjectMapper();
  static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.ofHours(8));
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final int port;
  private final String function;
  private String urlSid = Sandbox.YUNTONGXUN_ACCOUNT_SID;
  private String headerSid = Sandbox.YUNTONGXUN_ACCOUNT_SID;
  private String authToken = Sandbox.YUNTONGXUN_AUTH_TOKEN;
  private String timestamp = TIMESTAMP.format(Instant.now());
  private String sig; // computed unless set
  private String authorization; // computed unless set
  private String contentType = "application/json;charset=utf-8";
  private String method = "POST";
  private String path; // replaces the whole path when set

  private YuntongxunRestCall(int port, String function) {
    this.port = port;
    this.function = function;
  }

  /** A call to {@code http://127.0.0.1:<port>/2013-12-26/Accounts/<sid>/<function>}. */
  static YuntongxunRestCall to(int port, String function) {
    return new YuntongxunRestCall(port, function);
  }

  /** The account in both the URL and the Authorization header. */
  YuntongxunRestCall account(String sid) {
    this.urlSid = sid;
    this.headerSid = sid;
    return this;
  }

  YuntongxunRestCall headerAccount(String sid) {
    this.headerSid = sid;
    return this;
  }

  YuntongxunRestCall authToken(String token) {
    this.authToken = token;
    return this;
  }

  YuntongxunRestCall at(Instant when) {
    this.timestamp = TIMESTAMP.format(when);
    return this;
  }

  YuntongxunRestCall timestamp(String raw) {
    this.timestamp = raw;
    return this;
  }

  /** The sig parameter as sent; null leaves it out. */
  YuntongxunRestCall sig(String raw) {
    this.sig = raw == null ? "" : raw;
    return this;
  }

  /** The Authorization header as sent; null leaves it out. */
  YuntongxunRestCall authorization(String raw) {
    this.authorization = raw == null ? "" : raw;
    return this;
  }

  YuntongxunRestCall contentType(String type) {
    this.contentType = type;
    return this;
  }

  YuntongxunRestCall method(String m) {
    this.method = m;
    return this;
  }

  YuntongxunRestCall path(String p) {
    this.path = p;
    return this;
  }

  static String md5UpperHex(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)))
        .toUpperCase(Locale.ROOT);
  }

  URI uri() throws Exception {
    String theSig = sig != null ? sig : md5UpperHex(urlSid + authToken + timestamp);
    String p = path != null ? path : "/2013-12-26/Accounts/" + urlSid + "/" + function;
    return URI.create("http://127.0.0.1:" + port + p + (theSig.isEmpty() ? "" : "?sig="
        + URLEncoder.encode(theSig, StandardCharsets.UTF_8)));
  }

  /** Sends {@code body} as is and returns the parsed answer, having checked it came with HTTP 200 as JSON. */
  JsonNode send(String body) throws Exception {
    String auth = authorization != null ? authorization
        : Base64.getEncoder().encodeToString((headerSid + ":" + timestamp).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(10))
        .header("Accept", "application/json").header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (!auth.isEmpty()) {
      request.header("Authorization", auth);
    }
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    return JSON.readTree(response.body());
  }

  /** {@code {"appId": <sandbox app>, k1: v1, ...}} as JSON text. */
  static String body(String... pairs) {
    var o = JSON.createObjectNode().put("appId", Sandbox.YUNTONGXUN_APP_ID);
    for (int i = 0; i < pairs.length; i += 2) {
      o.put(pairs[i], pairs[i + 1]);
    }
    return o.toString();
  }
}
