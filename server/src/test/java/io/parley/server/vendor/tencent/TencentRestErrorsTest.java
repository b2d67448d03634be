package io.parley.server.vendor.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.credential.tencent.UserSig;
import io.parley.server.config.Sandbox;
import io.parley.server.support.ServerExtension;
import io.parley.server.support.TestServers;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Tencent REST refusals: HTTP 200, ActionStatus FAIL and the vendor's code")
class TencentRestErrorsTest {
  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  private static final String IMPORT = "im_open_login_svc/account_import";
  private static final String ALICE = "{\"UserID\":\"alice\"}";

  private static int port() {
    return running.server().httpPort();
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static void assertFail(int code, JsonNode reply, String mentions) {
    assertEquals("FAIL", reply.path("ActionStatus").asText(), reply.toString());
    assertEquals(code, reply.path("ErrorCode").asInt(), reply.toString());
    assertTrue(reply.path("ErrorInfo").asText().contains(mentions), reply.toString());
  }

  @Nested
  @DisplayName("the URL's credentials, checked before anything else")
  class Credentials {
    static Stream<Arguments> refusals() {
      String admin = Sandbox.TENCENT_ADMIN;
      return Stream.of(
          Arguments.of("sdkappid missing", "sdkappid", null, 60004, "sdkappid"),
          Arguments.of("sdkappid of no app", "sdkappid", "1400000001", 70016, "1400000001"),
          Arguments.of("sdkappid not a number", "sdkappid", "abc", 70016, "abc"),
          Arguments.of("sdkappid of a Rongcloud app", "sdkappid", Sandbox.RONGCLOUD_APP_KEY, 70016, "Tencent"),
          Arguments.of("identifier missing", "identifier", null, 10007, "identifier"),
          Arguments.of("identifier not the admin", "identifier", "alice", 10007, "alice"),
          Arguments.of("usersig missing", "usersig", null, 70003, "usersig"),
          Arguments.of("usersig not a UserSig", "usersig", "not-a-usersig", 70003, "UserSig"),
          Arguments.of("usersig expired", "usersig",
              UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY, admin, 60, null, now() - 3600), 70001,
              "expired"),
          Arguments.of("usersig signed with another key", "usersig",
              UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, "another-key", admin, 3600, null, now()), 70009, "signature"),
          Arguments.of("usersig of another identifier", "usersig", TestServers.userSig("alice"), 70013, "alice"),
          Arguments.of("usersig of another SDKAppID", "usersig",
              UserSig.generate(1400000001L, Sandbox.TENCENT_KEY, admin, 3600, null, now()), 70014, "1400000001"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("refusals")
    @DisplayName("each bad URL parameter has its own code")
    void refused(String what, String param, String value, int code, String mentions) throws Exception {
      assertFail(code, TencentRestCall.to(port(), IMPORT).param(param, value).send(ALICE), mentions);
    }

    @Test
    @DisplayName("the admin's own UserSig lets the call through, again and again (it is cached, not re-checked wrongly)")
    void adminPasses() throws Exception {
      TencentRestCall call = TencentRestCall.to(port(), IMPORT);
      for (int i = 0; i < 3; i++) {
        JsonNode reply = call.send(ALICE);
        assertEquals("OK", reply.path("ActionStatus").asText(), reply.toString());
        assertEquals(0, reply.path("ErrorCode").asInt());
      }
    }

    @Test
    @DisplayName("a non-admin identifier is refused even with its own valid UserSig")
    void nonAdminWithOwnSig() throws Exception {
      assertFail(10007, TencentRestCall.to(port(), IMPORT).param("identifier", "alice")
          .param("usersig", TestServers.userSig("alice")).send(ALICE), "admin");
    }

    @Test
    @DisplayName("credentials come before the body: a bad UserSig with a bad body is a UserSig error")
    void credentialsFirst() throws Exception {
      assertFail(70003, TencentRestCall.to(port(), IMPORT).param("usersig", "x").send("{not json"), "UserSig");
    }
  }

  @Nested
  @DisplayName("the body")
  class Body {
    @ParameterizedTest(name = "body [{0}]")
    @MethodSource("io.parley.server.vendor.tencent.TencentRestErrorsTest#badBodies")
    @DisplayName("a body that is not one JSON object is 60003")
    void notAnObject(String body) throws Exception {
      assertFail(60003, TencentRestCall.to(port(), IMPORT).send(body), "");
    }

    static Stream<Arguments> fieldRefusals() {
      return Stream.of(
          Arguments.of(IMPORT, "{}", "UserID"),
          Arguments.of(IMPORT, "{\"UserID\":7}", "UserID"),
          Arguments.of(IMPORT, "{\"UserID\":\"\"}", "UserID"),
          Arguments.of(IMPORT, "{\"UserID\":\"" + "x".repeat(33) + "\"}", "UserID"),
          Arguments.of(IMPORT, "{\"UserID\":\"alice\",\"Nick\":1}", "Nick"),
          Arguments.of(IMPORT, "{\"UserID\":\"alice\",\"FaceUrl\":[]}", "FaceUrl"),
          Arguments.of("im_open_login_svc/multiaccount_import", "{}", "Accounts"),
          Arguments.of("im_open_login_svc/multiaccount_import", "{\"Accounts\":\"alice\"}", "Accounts"),
          Arguments.of("im_open_login_svc/multiaccount_import", "{\"Accounts\":[]}", "Accounts"),
          Arguments.of("im_open_login_svc/multiaccount_import", "{\"Accounts\":[\"a\",{}]}", "Accounts[1]"),
          Arguments.of("im_open_login_svc/multiaccount_import", accounts("Accounts", 101), "Accounts"),
          Arguments.of("im_open_login_svc/account_delete", "{}", "DeleteItem"),
          Arguments.of("im_open_login_svc/account_delete", "{\"DeleteItem\":[\"alice\"]}", "DeleteItem[0]"),
          Arguments.of("im_open_login_svc/account_delete", "{\"DeleteItem\":[{}]}", "DeleteItem[0].UserID"),
          Arguments.of("im_open_login_svc/account_check", "{\"CheckItem\":[{\"UserID\":true}]}", "CheckItem[0].UserID"),
          Arguments.of("im_open_login_svc/kick", "{}", "UserID"),
          Arguments.of("im_open_login_svc/kick", "{\"UserID\":[\"alice\"]}", "UserID"),
          Arguments.of("openim/query_online_status", "{}", "To_Account"),
          Arguments.of("openim/query_online_status", "{\"To_Account\":\"alice\"}", "To_Account"),
          Arguments.of("openim/query_online_status", accounts("To_Account", 501), "To_Account"),
          Arguments.of("openim/query_online_status", "{\"To_Account\":[\"alice\"],\"IsNeedDetail\":\"yes\"}", "IsNeedDetail"),
          Arguments.of("openim/query_online_status", "{\"To_Account\":[\"alice\"],\"IsNeedDetail\":2}", "IsNeedDetail"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fieldRefusals")
    @DisplayName("a missing field, a field of the wrong JSON type or out of range is 10004 naming the field")
    void badField(String command, String body, String field) throws Exception {
      assertFail(10004, TencentRestCall.to(port(), command).send(body), field);
    }

    private static String accounts(String field, int n) {
      return "{\"" + field + "\":[" + String.join(",", java.util.Collections.nCopies(n, "\"u\"")) + "]}";
    }
  }

  @Nested
  @DisplayName("the C2C message commands")
  class Messages {
    private static final String SEND = "openim/sendmsg";
    private static final String TEXT = "[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"hi\"}}]";

    private static String send(String extra) {
      return "{\"From_Account\":\"err-a\",\"To_Account\":\"err-b\",\"MsgRandom\":1" + extra + "}";
    }

    static Stream<Arguments> fieldRefusals() {
      String withdraw = "openim/admin_msgwithdraw";
      return Stream.of(
          Arguments.of("sendmsg without To_Account", SEND, "{\"MsgRandom\":1,\"MsgBody\":" + TEXT + "}", "To_Account"),
          Arguments.of("sendmsg without MsgRandom", SEND, "{\"To_Account\":\"err-b\",\"MsgBody\":" + TEXT + "}",
              "MsgRandom"),
          Arguments.of("sendmsg without MsgBody", SEND, send(""), "MsgBody"),
          Arguments.of("sendmsg with a To_Account of the wrong type", SEND,
              "{\"To_Account\":[\"err-b\"],\"MsgRandom\":1,\"MsgBody\":" + TEXT + "}", "To_Account"),
          Arguments.of("sendmsg with a MsgRandom of the wrong type", SEND,
              "{\"To_Account\":\"err-b\",\"MsgRandom\":\"1\",\"MsgBody\":" + TEXT + "}", "MsgRandom"),
          Arguments.of("sendmsg with a SyncOtherMachine of the wrong type", SEND,
              send(",\"SyncOtherMachine\":\"1\",\"MsgBody\":" + TEXT), "SyncOtherMachine"),
          Arguments.of("sendmsg with a CloudCustomData of the wrong type", SEND,
              send(",\"CloudCustomData\":{},\"MsgBody\":" + TEXT), "CloudCustomData"),
          Arguments.of("sendmsg with a MsgBody that is not an array", SEND, send(",\"MsgBody\":\"hi\""), "MsgBody"),
          Arguments.of("sendmsg with an empty MsgBody", SEND, send(",\"MsgBody\":[]"), "MsgBody"),
          Arguments.of("sendmsg with an unknown MsgType", SEND,
              send(",\"MsgBody\":[{\"MsgType\":\"TIMNoSuchElem\",\"MsgContent\":{}}]"), "MsgBody[0].MsgType"),
          Arguments.of("sendmsg with a text of the wrong type", SEND,
              send(",\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":3}}]"),
              "MsgBody[0].MsgContent.Text"),
          Arguments.of("sendmsg with a MsgBody over the app's message size", SEND,
              send(",\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"" + "x".repeat(200_000)
                  + "\"}}]"), "limit"),
          Arguments.of("batchsendmsg without To_Account", "openim/batchsendmsg",
              "{\"MsgRandom\":1,\"MsgBody\":" + TEXT + "}", "To_Account"),
          Arguments.of("importmsg without From_Account", "openim/importmsg",
              "{\"To_Account\":\"err-b\",\"MsgRandom\":1,\"MsgBody\":" + TEXT + "}", "From_Account"),
          Arguments.of("admin_getroammsg with a MaxCnt of the wrong type", "openim/admin_getroammsg",
              "{\"From_Account\":\"err-a\",\"To_Account\":\"err-b\",\"MaxCnt\":\"3\"}", "MaxCnt"),
          Arguments.of("admin_msgwithdraw without From_Account", withdraw,
              "{\"To_Account\":\"err-b\",\"MsgKey\":\"1_2_3\"}", "From_Account"),
          Arguments.of("admin_msgwithdraw without MsgKey", withdraw,
              "{\"From_Account\":\"err-a\",\"To_Account\":\"err-b\"}", "MsgKey"),
          Arguments.of("admin_msgwithdraw with a MsgKey of the wrong type", withdraw,
              "{\"From_Account\":\"err-a\",\"To_Account\":\"err-b\",\"MsgKey\":123}", "MsgKey"),
          Arguments.of("admin_msgwithdraw with a MsgKey not of the MsgKey shape", withdraw,
              "{\"From_Account\":\"err-a\",\"To_Account\":\"err-b\",\"MsgKey\":\"not-a-key\"}", "MsgKey"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldRefusals")
    @DisplayName("a missing field, one of the wrong type, a bad or too large MsgBody is 10004 naming what is wrong")
    void badField(String what, String command, String body, String mentions) throws Exception {
      assertFail(10004, TencentRestCall.to(port(), command).send(body), mentions);
    }

    @Test
    @DisplayName("admin_msgwithdraw of a MsgKey of no message, of another pair or of the other direction is 20022")
    void unknownMsgKey() throws Exception {
      JsonNode sent = TencentRestCall.to(port(), SEND).send(send(",\"MsgBody\":" + TEXT));
      assertEquals("OK", sent.path("ActionStatus").asText(), sent.toString());
      String key = sent.path("MsgKey").asText();
      String[] parts = key.split("_");
      String noSuch = parts[0] + "_" + (Long.parseLong(parts[1]) + 1) + "_" + parts[2];
      String withdraw = "openim/admin_msgwithdraw";
      assertFail(20022, TencentRestCall.to(port(), withdraw)
          .send("{\"From_Account\":\"err-a\",\"To_Account\":\"err-b\",\"MsgKey\":\"" + noSuch + "\"}"), noSuch);
      assertFail(20022, TencentRestCall.to(port(), withdraw)
          .send("{\"From_Account\":\"err-a\",\"To_Account\":\"err-c\",\"MsgKey\":\"" + key + "\"}"), key);
      assertFail(20022, TencentRestCall.to(port(), withdraw)
          .send("{\"From_Account\":\"err-b\",\"To_Account\":\"err-a\",\"MsgKey\":\"" + key + "\"}"), key);
    }
  }

  static Stream<String> badBodies() {
    return Stream.of("", "{not json", "{\"UserID\":\"alice\"} trailing", "[]", "\"alice\"", "42", "null");
  }

  @Nested
  @DisplayName("the URL's path")
  class Path {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.parley.server.vendor.tencent.TencentRestErrorsTest#unknownPaths")
    @DisplayName("a service or command not served is 60004, saying which")
    void unknown(String path, String mentions) throws Exception {
      assertFail(60004, TencentRestCall.to(port(), path).send("{}"), mentions);
    }

    @Test
    @DisplayName("a GET is the stack's 405, written as 60004 in the envelope")
    void get() throws Exception {
      assertFail(60004, TencentRestCall.to(port(), IMPORT).method("GET").send(""), "POST");
    }
  }

  static Stream<Arguments> unknownPaths() {
    return Stream.of(
        Arguments.of("openim/no_such_command", "no_such_command"),
        Arguments.of("im_open_login_svc/no_such_command", "no_such_command"),
        Arguments.of("no_such_service/account_import", "no_such_service"),
        Arguments.of("im_open_login_svc", "im_open_login_svc"),
        Arguments.of("im_open_login_svc/account_import/extra", "account_import/extra"));
  }

  @Nested
  @DisplayName("the stack's own refusals under /v4/")
  class Stack {
    @Test
    @DisplayName("a body over the 1 MiB limit is the stack's 413, written as 60002 in the envelope")
    void tooLarge() throws Exception {
      String big = "{\"UserID\":\"" + "x".repeat(1 << 20) + "\"}";
      assertFail(60002, TencentRestCall.to(port(), IMPORT).send(big), "limit");
    }

    @Test
    @DisplayName("a request that is not valid HTTP is the stack's 400, written as 60002 in the envelope")
    void notHttp() throws Exception {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port())) {
        s.setSoTimeout(10_000); // a safety net against a hung test, not an assertion
        OutputStream out = s.getOutputStream();
        out.write(("POST /v4/" + IMPORT + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String reply = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
        assertTrue(reply.startsWith("HTTP/1.1 200 "), reply);
        JsonNode body = TencentRestCall.JSON.readTree(reply.substring(reply.indexOf("\r\n\r\n") + 4));
        assertFail(60002, body, "HTTP");
      }
    }

    private static byte[] readAll(InputStream in) throws Exception {
      return in.readAllBytes(); // the server closes a connection after a bad request
    }
  }
}
