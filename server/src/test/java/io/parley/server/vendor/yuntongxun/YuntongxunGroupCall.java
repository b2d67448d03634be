package io.parley.server.vendor.yuntongxun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A group REST call signed by hand as the sub-account, with the JDK only: {@code POST
 * /2013-12-26/SubAccounts/<subAccountSid>/<Group|Member>/<Function>?sig=…}, sig = upper-case hex MD5(subAccountSid +
 * subToken + timestamp), Authorization = Base64(subAccountSid:timestamp), timestamp {@code yyyyMMddHHmmss} in UTC+8.
 * The sid, token, timestamp and sig may be replaced to provoke each refusal. Asserts HTTP 200 JSON.
 */
final class YuntongxunGroupCall {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final int port;
  private final String function;
  private String sid;
  private String token;
  private String headerSid;
  private String timestamp = YuntongxunRestCall.TIMESTAMP.format(Instant.now());
  private String sig;

  private YuntongxunGroupCall(int port, String function, String sid, String token) {
    this.port = port;
    this.function = function;
    this.sid = sid;
    this.headerSid = sid;
    this.token = token;
  }

  /** A call as this sub-account (a {@code SubAccount} answer: subAccountSid, subToken). */
  static YuntongxunGroupCall as(int port, JsonNode subAccount, String function) {
    return new YuntongxunGroupCall(port, function, subAccount.path("subAccountSid").asText(),
        subAccount.path("subToken").asText());
  }

  YuntongxunGroupCall token(String t) {
    this.token = t;
    return this;
  }

  YuntongxunGroupCall sid(String s) {
    this.sid = s;
    this.headerSid = s;
    return this;
  }

  YuntongxunGroupCall headerSid(String s) {
    this.headerSid = s;
    return this;
  }

  YuntongxunGroupCall at(Instant when) {
    this.timestamp = YuntongxunRestCall.TIMESTAMP.format(when);
    return this;
  }

  YuntongxunGroupCall sig(String raw) {
    this.sig = raw;
    return this;
  }

  /** Sends the JSON text as is. */
  JsonNode send(String body) throws Exception {
    String theSig = sig != null ? sig : YuntongxunRestCall.md5UpperHex(sid + token + timestamp);
    URI uri = URI.create("http://127.0.0.1:" + port + "/2013-12-26/SubAccounts/" + sid + "/" + function
        + (theSig.isEmpty() ? "" : "?sig=" + URLEncoder.encode(theSig, StandardCharsets.UTF_8)));
    String auth = Base64.getEncoder().encodeToString((headerSid + ":" + timestamp).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .header("Accept", "application/json").header("Content-Type", "application/json;charset=utf-8")
        .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    return YuntongxunRestCall.JSON.readTree(response.body());
  }

  /** Sends {@code {k1: v1, ...}} (strings). */
  JsonNode send(String... pairs) throws Exception {
    return send(fields(pairs).toString());
  }

  static ObjectNode fields(String... pairs) {
    ObjectNode o = YuntongxunRestCall.JSON.createObjectNode();
    for (int i = 0; i < pairs.length; i += 2) {
      o.put(pairs[i], pairs[i + 1]);
    }
    return o;
  }
}
