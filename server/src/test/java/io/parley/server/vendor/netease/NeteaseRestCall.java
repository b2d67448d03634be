package io.parley.server.vendor.netease;

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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A NetEase REST call by hand, signed as the vendor's guide shows: headers AppKey, Nonce (a dash-less UUID, as the
 * vendor's SDK makes it), CurTime (seconds) and CheckSum = hex SHA-1(AppSecret + Nonce + CurTime), a form body of
 * strings. Every header can be replaced or removed to provoke each refusal. Asserts HTTP 200 and NetEase's JSON type.
 */
final class NeteaseRestCall {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URI uri;
  private final Map<String, String> form = new LinkedHashMap<>();
  private final Map<String, String> overrides = new LinkedHashMap<>();
  private String appKey = Sandbox.NETEASE_APP_KEY;
  private String appSecret = Sandbox.NETEASE_APP_SECRET;
  private String nonce = UUID.randomUUID().toString().replace("-", "");
  private String curTime = Long.toString(System.currentTimeMillis() / 1000);
  private String method = "POST";

  private NeteaseRestCall(URI uri) {
    this.uri = uri;
  }

  /** A call to {@code http://127.0.0.1:<port>/nimserver/<moduleAndAction>.action}. */
  static NeteaseRestCall to(int port, String moduleAndAction) {
    return new NeteaseRestCall(URI.create("http://127.0.0.1:" + port + "/nimserver/" + moduleAndAction + ".action"));
  }

  /** A call to any path on the port. */
  static NeteaseRestCall path(int port, String path) {
    return new NeteaseRestCall(URI.create("http://127.0.0.1:" + port + path));
  }

  /** The guide's CheckSum: lower-case hex SHA-1 of the UTF-8 bytes of AppSecret + Nonce + CurTime. */
  static String checkSum(String appSecret, String nonce, String curTime) throws Exception {
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    return HexFormat.of().formatHex(sha1.digest((appSecret + nonce + curTime).getBytes(StandardCharsets.UTF_8)));
  }

  NeteaseRestCall param(String name, String value) {
    form.put(name, value);
    return this;
  }

  /** Replaces a header after signing; null leaves it out. */
  NeteaseRestCall header(String name, String value) {
    overrides.put(name, value);
    return this;
  }

  NeteaseRestCall appKey(String value) {
    this.appKey = value;
    return this;
  }

  /** Signs with another secret. */
  NeteaseRestCall secret(String value) {
    this.appSecret = value;
    return this;
  }

  NeteaseRestCall nonce(String value) {
    this.nonce = value;
    return this;
  }

  NeteaseRestCall curTime(String value) {
    this.curTime = value;
    return this;
  }

  NeteaseRestCall method(String value) {
    this.method = value;
    return this;
  }

  /** Sends the call and returns the parsed answer, having checked it came with HTTP 200 as NetEase's JSON. */
  JsonNode send() throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("AppKey", appKey);
    headers.put("Nonce", nonce);
    headers.put("CurTime", curTime);
    headers.put("CheckSum", checkSum(appSecret, nonce, curTime));
    headers.putAll(overrides);
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach((name, value) -> {
      if (value != null) {
        request.header(name, value);
      }
    });
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    return JSON.readTree(response.body());
  }

  /** Sends the call and checks it succeeded. */
  JsonNode ok() throws Exception {
    JsonNode answer = send();
    assertEquals(200, answer.path("code").asInt(), answer.toString());
    return answer;
  }
}
