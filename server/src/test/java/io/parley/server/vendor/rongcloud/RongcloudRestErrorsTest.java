package io.parley.server.vendor.rongcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.config.Sandbox;
import io.parley.server.support.ServerExtension;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The Rongcloud Server API refuses unsigned, forged, stale, replayed and malformed requests with the vendor's codes")
class RongcloudRestErrorsTest {
  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  static RongcloudRestCall call(String path) {
    return RongcloudRestCall.to(running.server().httpPort(), path);
  }

  static RongcloudRestCall checkOnline() {
    return call("/user/checkOnline.json").form("userId", "alice");
  }

  static void assertRefused(int status, int code, String says, RongcloudRestCall.Answer a) {
    assertEquals(status, a.status(), a.body().toString());
    assertEquals(code, a.code(), a.body().toString());
    assertTrue(a.message().contains(says), "\"" + says + "\" in " + a.message());
  }

  @Test
  @DisplayName("a correctly signed request is answered {\"code\":200} and its X-Request-ID comes back as requestId")
  void signedRequest() throws Exception {
    RongcloudRestCall.Answer a = checkOnline().header("X-Request-ID", "req-42").send();
    assertEquals(200, a.status());
    assertEquals(200, a.code(), a.body().toString());
    assertEquals("0", a.body().path("status").asText());
    assertEquals("req-42", a.body().path("requestId").asText());
  }

  @Test
  @DisplayName("a missing App-Key or one no Rongcloud app has is 1001 with HTTP 401")
  void appKey() throws Exception {
    assertRefused(401, 1001, "App-Key header is missing", checkOnline().header("App-Key", null).send());
    assertRefused(401, 1001, "no Rongcloud app with App Key \"nobody\"", checkOnline().header("App-Key", "nobody").send());
    assertRefused(401, 1001, "no Rongcloud app", checkOnline().header("App-Key", Sandbox.NETEASE_APP_KEY).send());
  }

  @ParameterizedTest(name = "without {0}")
  @ValueSource(strings = {"Nonce", "Timestamp", "Signature"})
  @DisplayName("a missing signature header is 1004 naming it")
  void missingHeader(String header) throws Exception {
    RongcloudRestCall c = checkOnline();
    Map<String, String> headers = c.signedHeaders();
    headers.remove(header);
    assertRefused(401, 1004, "the " + header + " header is missing", c.send(headers));
  }

  @Test
  @DisplayName("a signature made with another secret, or altered, is 1004")
  void wrongSignature() throws Exception {
    assertRefused(401, 1004, "Signature does not match", checkOnline().secret("not-the-secret").send());
    assertRefused(401, 1004, "Signature does not match",
        checkOnline().header("Signature", "30be0bbca9c9b2e27578701e9fda2358a814c88f").send());
  }

  @Test
  @DisplayName("the signature covers the nonce and the timestamp: changing either after signing is 1004")
  void signatureCoversHeaders() throws Exception {
    RongcloudRestCall c = checkOnline();
    Map<String, String> headers = c.signedHeaders();
    headers.put("Nonce", headers.get("Nonce") + "1");
    assertRefused(401, 1004, "Signature does not match", c.send(headers));
    RongcloudRestCall d = checkOnline();
    Map<String, String> later = d.signedHeaders();
    later.put("Timestamp", Long.toString(Long.parseLong(later.get("Timestamp")) + 1));
    assertRefused(401, 1004, "Signature does not match", d.send(later));
  }

  @Test
  @DisplayName("a timestamp an hour old or ahead, in seconds or milliseconds, is 1004 saying it is stale")
  void staleTimestamp() throws Exception {
    long hour = 3_600_000;
    long now = System.currentTimeMillis();
    assertRefused(401, 1004, "too far", checkOnline().header("Timestamp", Long.toString(now - hour)).send());
    assertRefused(401, 1004, "too far", checkOnline().header("Timestamp", Long.toString(now + hour)).send());
    assertRefused(401, 1004, "too far", checkOnline().header("Timestamp", Long.toString((now - hour) / 1000)).send());
    assertRefused(401, 1004, "decimal number", checkOnline().header("Timestamp", "yesterday").send());
  }

  @Test
  @DisplayName("the same signed request sent twice is refused the second time as a replay (1004)")
  void replay() throws Exception {
    RongcloudRestCall c = checkOnline();
    Map<String, String> headers = c.signedHeaders();
    assertEquals(200, c.send(headers).code());
    assertRefused(401, 1004, "replayed", c.send(headers));
  }

  @Test
  @DisplayName("the SDK's shapes are taken: seconds, a long decimal nonce, RC- prefixed headers")
  void sdkShapes() throws Exception {
    assertEquals(200, checkOnline().header("Timestamp", Long.toString(System.currentTimeMillis() / 1000)).send().code());
    assertEquals(200, checkOnline().header("Nonce", String.valueOf(Math.random() * 1000000) + "123456789").send().code());
    RongcloudRestCall c = checkOnline();
    Map<String, String> prefixed = new java.util.LinkedHashMap<>();
    c.signedHeaders().forEach((k, v) -> prefixed.put("RC-" + k, v));
    assertEquals(200, c.send(prefixed).code());
    assertRefused(401, 1004, "at most 64", checkOnline().header("Nonce", "n".repeat(65)).send());
  }

  @Test
  @DisplayName("a missing or malformed parameter is 1002 naming it; no parameters at all is 1003")
  void parameters() throws Exception {
    assertRefused(400, 1003, "no POST data", call("/user/getToken.json").send());
    assertRefused(400, 1002, "userId is required", call("/user/getToken.json").form("name", "n").send());
    assertRefused(400, 1005, "userId is longer than 64", call("/user/getToken.json").form("userId", "u".repeat(65)).send());
    assertRefused(400, 1002, "userId must be a user id",
        call("/user/getToken.json").form("userId", "bad\u0001id").send());
    assertRefused(400, 1002, "minute must be from 1 to 43200",
        call("/user/block.json").form("userId", "a").form("minute", "43201").send());
    assertRefused(400, 1002, "minute must be a whole number",
        call("/user/block.json").form("userId", "a").form("minute", "ten").send());
    assertRefused(400, 1002, "time is required", call("/user/token/expire.json").form("userId", "a").send());
    assertRefused(400, 1002, "toUserId is required", call("/message/private/publish.json").form("fromUserId", "a")
        .form("objectName", "RC:TxtMsg").form("content", "{\"content\":\"x\"}").send());
    assertRefused(400, 1002, "objectName is required", call("/message/private/publish.json").form("fromUserId", "a")
        .form("toUserId", "b").form("content", "{\"content\":\"x\"}").send());
    assertRefused(400, 1002, "content must be JSON", call("/message/private/publish.json").form("fromUserId", "a")
        .form("toUserId", "b").form("objectName", "RC:TxtMsg").form("content", "hello").send());
    assertRefused(400, 1002, "isPersisted must be from 0 to 1", call("/message/private/publish.json")
        .form("fromUserId", "a").form("toUserId", "b").form("objectName", "RC:TxtMsg")
        .form("content", "{\"content\":\"x\"}").form("isPersisted", "2").send());
    assertRefused(400, 1002, "userId is given 21 times", manyUsers(call("/user/token/expire.json"), 21).send());
  }

  @Test
  @DisplayName("a body that is not form-encoded is 1002 saying what it must be")
  void notAForm() throws Exception {
    assertRefused(400, 1002, "application/x-www-form-urlencoded",
        checkOnline().contentType("application/json").send());
  }

  @Test
  @DisplayName("a path not served, or a GET, is answered in the vendor's JSON with the stack's HTTP status")
  void unknownPath() throws Exception {
    RongcloudRestCall.Answer a = call("/user/nothing.json").form("userId", "a").send();
    assertEquals(404, a.status());
    assertEquals(1002, a.code(), a.body().toString());
    assertTrue(a.message().contains("/user/nothing.json"), a.message());
  }

  private static RongcloudRestCall manyUsers(RongcloudRestCall c, int n) {
    for (int i = 0; i < n; i++) {
      c.form("userId", "u" + i);
    }
    return c.form("time", "1");
  }
}
