package io.parley.server.vendor.yuntongxun;

import static io.parley.server.vendor.yuntongxun.YuntongxunRestCall.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.config.Sandbox;
import io.parley.server.support.ServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Yuntongxun REST refusals: HTTP 200, the vendor's statusCode and a statusMsg that says why")
class YuntongxunRestErrorsTest {
  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  static final String CREATE = "SubAccounts";
  static final String SID = Sandbox.YUNTONGXUN_ACCOUNT_SID;

  static YuntongxunRestCall call(String function) {
    return YuntongxunRestCall.to(running.server().httpPort(), function);
  }

  static void assertRefused(String code, JsonNode answer, String mentions) {
    assertEquals(code, answer.path("statusCode").asText(), answer.toString());
    assertTrue(answer.path("statusMsg").asText().contains(mentions), answer.toString());
  }

  static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static Arguments refusal(String what, UnaryOperator<YuntongxunRestCall> change, String code, String mentions) {
    return Arguments.of(what, change, code, mentions);
  }

  @Nested
  @DisplayName("the main account's credentials, checked before anything else")
  class Credentials {
    static Stream<Arguments> refusals() {
      String now = YuntongxunRestCall.TIMESTAMP.format(Instant.now());
      return Stream.of(
          refusal("no Authorization header", c -> c.authorization(null), "111101", "Authorization"),
          refusal("Authorization not Base64", c -> c.authorization("%%% not base64"), "111102", "Base64"),
          refusal("Authorization without a colon", c -> c.authorization(base64(SID + now)), "111103", "AccountSid:timestamp"),
          refusal("Authorization without an account", c -> c.authorization(base64(":" + now)), "111104", "AccountSid"),
          refusal("Authorization without a timestamp", c -> c.authorization(base64(SID + ":")), "111105", "timestamp"),
          refusal("Authorization of another account", c -> c.headerAccount("someoneelse"), "111107", "someoneelse"),
          refusal("no sig", c -> c.sig(null), "111108", "sig"),
          refusal("a timestamp not yyyyMMddHHmmss", c -> c.timestamp("2026-01-01 10:00:00"), "111113", "yyyyMMddHHmmss"),
          refusal("a timestamp that is no date", c -> c.timestamp("20261301000000"), "111113", "20261301000000"),
          refusal("a timestamp ten minutes old", c -> c.at(Instant.now().minus(Duration.ofMinutes(10))), "111106", "minutes"),
          refusal("a timestamp ten minutes ahead", c -> c.at(Instant.now().plus(Duration.ofMinutes(10))), "111106", "minutes"),
          refusal("a timestamp in UTC, not UTC+8", c -> c.timestamp(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
              .withZone(ZoneOffset.UTC).format(Instant.now())), "111106", "UTC+8"),
          refusal("an account sid hosted nowhere", c -> c.account("nosuchaccountsid"), "111141", "nosuchaccountsid"),
          refusal("a sig made with another AUTH TOKEN", c -> c.authToken("not-the-auth-token"), "111109", "AUTH TOKEN"),
          refusal("a sig made with the APP TOKEN", c -> c.authToken(Sandbox.YUNTONGXUN_APP_TOKEN), "111109", "sig"),
          refusal("a sig over another timestamp", c -> c.sig(md5(SID + Sandbox.YUNTONGXUN_AUTH_TOKEN + "20200101000000")),
              "111109", "sig"));
    }

    static String md5(String s) {
      try {
        return YuntongxunRestCall.md5UpperHex(s);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("refusals")
    @DisplayName("each bad credential has its own code, and nothing is created")
    void refused(String what, UnaryOperator<YuntongxunRestCall> change, String code, String mentions) throws Exception {
      assertRefused(code, change.apply(call(CREATE)).send(body("friendlyName", "mallory")), mentions);
      assertEquals("110015", call("QuerySubAccountByName").send(body("friendlyName", "mallory")).path("statusCode")
          .asText(), "nothing was created");
    }

    @Test
    @DisplayName("the guide's own signing passes, and so does a lower-case sig of the same digest")
    void signedPasses() throws Exception {
      assertEquals("000000", call(CREATE).send(body("friendlyName", "signed-ok")).path("statusCode").asText());
      String ts = YuntongxunRestCall.TIMESTAMP.format(Instant.now());
      String lower = md5(SID + Sandbox.YUNTONGXUN_AUTH_TOKEN + ts).toLowerCase(java.util.Locale.ROOT);
      assertEquals("000000", call("QuerySubAccountByName").timestamp(ts).sig(lower).send(body("friendlyName", "signed-ok"))
          .path("statusCode").asText());
    }
  }

  @Nested
  @DisplayName("the URL and the body")
  class Requests {
    @Test
    @DisplayName("an appId that is missing is 110141; one of no app, or of another vendor's app, is 110057")
    void appId() throws Exception {
      assertRefused("110141", call(CREATE).send("{\"friendlyName\":\"x\"}"), "appId");
      assertRefused("110057", call(CREATE).send("{\"appId\":\"nosuchapp\",\"friendlyName\":\"x\"}"), "nosuchapp");
      assertRefused("110057", call(CREATE).send("{\"appId\":\"" + Sandbox.TENCENT_APP_ID + "\",\"friendlyName\":\"x\"}"),
          Sandbox.TENCENT_APP_ID);
    }

    @Test
    @DisplayName("a missing, empty or non-string field is 110141 naming it")
    void fields() throws Exception {
      assertRefused("110141", call(CREATE).send(body()), "friendlyName");
      assertRefused("110141", call(CREATE).send(body("friendlyName", "")), "friendlyName");
      assertRefused("110141", call(CREATE).send("{\"appId\":\"" + Sandbox.YUNTONGXUN_APP_ID + "\",\"friendlyName\":7}"),
          "friendlyName");
      assertRefused("110141", call("CloseSubAccount").send("{}"), "subAccountSid");
      assertRefused("110015", call("CloseSubAccount").send("{\"subAccountSid\":\"0123456789abcdef0123456789abcdef\"}"),
          "0123456789abcdef0123456789abcdef");
      assertRefused("110141", call(CREATE).send(body("friendlyName", "x".repeat(65))), "friendlyName");
    }

    @Test
    @DisplayName("a body that is not a JSON object, or is XML, is 110141")
    void bodies() throws Exception {
      assertRefused("110141", call(CREATE).send("{\"appId\":"), "JSON");
      assertRefused("110141", call(CREATE).send("[]"), "JSON object");
      assertRefused("110141", call(CREATE).send(""), "empty");
      assertRefused("110141", call(CREATE).contentType("application/xml;charset=utf-8")
          .send("<SubAccount><appId>" + Sandbox.YUNTONGXUN_APP_ID + "</appId></SubAccount>"), "JSON");
    }

    @Test
    @DisplayName("an unknown function, a URL of another shape or another method is 111100, still HTTP 200")
    void urls() throws Exception {
      assertRefused("111100", call("NoSuchFunction").send(body()), "SubAccounts");
      assertRefused("111100", call(CREATE).path("/2013-12-26/Accounts/" + SID).send(body()), "{AccountSid}");
      assertRefused("111100", call(CREATE).path("/2013-12-26/Accounts/" + SID + "/SubAccounts/extra").send(body()),
          "{AccountSid}");
      assertRefused("111100", call(CREATE).method("GET").send(""), "POST");
    }
  }
}
