package io.parley.server.vendor.netease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.credential.netease.NeteaseCheckSum;
import io.parley.server.config.Sandbox;
import io.parley.server.support.ServerExtension;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("NetEase REST refusals: HTTP 200, {code, desc} with the vendor's code")
class NeteaseRestErrorsTest {
  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  static int port() {
    return running.server().httpPort();
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  static void assertFail(int code, JsonNode answer, String mentions) {
    assertEquals(code, answer.path("code").asInt(), answer.toString());
    assertTrue(answer.path("desc").asText().contains(mentions), answer.toString());
  }

  static NeteaseRestCall refresh() {
    return NeteaseRestCall.to(port(), "user/refreshToken").param("accid", "alice");
  }

  @Nested
  @DisplayName("the signed headers, checked before anything else")
  class Headers {
    @Test
    @DisplayName("the CheckSum is the guide's: sha1 hex of AppSecret + Nonce + CurTime, pinned to a value computed with sha1sum")
    void pinnedCheckSum() throws Exception {
      String expected = "357259836eba28b76d2d69d1dbe40c8753186dfd";
      assertEquals(expected, NeteaseRestCall.checkSum(Sandbox.NETEASE_APP_SECRET, "4tgggergigwow323t23t", "1443592222"));
      assertEquals(expected, NeteaseCheckSum.checkSum(Sandbox.NETEASE_APP_SECRET, "4tgggergigwow323t23t", "1443592222"));
    }

    @Test
    @DisplayName("a request signed as the guide shows passes, and so does an upper-case CheckSum")
    void signedPasses() throws Exception {
      refresh().ok();
      String nonce = "upper-case-checksum";
      String curTime = Long.toString(now());
      refresh().nonce(nonce).curTime(curTime)
          .header("CheckSum", NeteaseRestCall.checkSum(Sandbox.NETEASE_APP_SECRET, nonce, curTime).toUpperCase()).ok();
    }

    static Stream<Arguments> refusals() {
      return Stream.of(
          Arguments.of("AppKey missing", "AppKey", null, 414, "AppKey"),
          Arguments.of("Nonce missing", "Nonce", null, 414, "Nonce"),
          Arguments.of("CurTime missing", "CurTime", null, 414, "CurTime"),
          Arguments.of("CheckSum missing", "CheckSum", null, 414, "CheckSum"),
          Arguments.of("AppKey of no app", "AppKey", "no-such-app", 403, "no-such-app"),
          Arguments.of("AppKey of a Tencent app", "AppKey", Sandbox.TENCENT_APP_ID, 403, "NetEase"),
          Arguments.of("CheckSum not the SHA-1", "CheckSum", "0123456789abcdef0123456789abcdef01234567", 403, "CheckSum"),
          Arguments.of("CheckSum not hex", "CheckSum", "not-hex", 403, "CheckSum"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("refusals")
    @DisplayName("each bad header has its code and its desc names it")
    void refused(String what, String header, String value, int code, String mentions) throws Exception {
      assertFail(code, refresh().header(header, value).send(), mentions);
    }

    @Test
    @DisplayName("a CheckSum made with another AppSecret is 403")
    void otherSecret() throws Exception {
      assertFail(403, refresh().secret("not-the-secret").send(), "CheckSum");
    }

    @ParameterizedTest(name = "CurTime {0} s from now")
    @org.junit.jupiter.params.provider.ValueSource(longs = {-3600, -301, 301, 3600})
    @DisplayName("a CurTime more than five minutes from now is 403, even correctly signed")
    void stale(long offset) throws Exception {
      assertFail(403, refresh().curTime(Long.toString(now() + offset)).send(), "5 minutes");
    }

    @Test
    @DisplayName("a CurTime within five minutes passes")
    void withinWindow() throws Exception {
      refresh().curTime(Long.toString(now() - 240)).ok();
      refresh().curTime(Long.toString(now() + 240)).ok();
    }

    @Test
    @DisplayName("a CurTime that is not seconds, or a Nonce over 128 characters, is 414 naming the header")
    void malformed() throws Exception {
      assertFail(414, refresh().curTime(Long.toString(System.currentTimeMillis()) + "x").send(), "CurTime");
      assertFail(414, refresh().curTime("12.5").send(), "CurTime");
      assertFail(414, refresh().nonce("n".repeat(129)).send(), "Nonce");
      refresh().nonce("n".repeat(128)).ok();
    }

    @Test
    @DisplayName("the same Nonce and CurTime twice is 431; a refused CheckSum does not use the nonce up")
    void replay() throws Exception {
      String curTime = Long.toString(now());
      assertFail(403, refresh().nonce("once").curTime(curTime).secret("wrong").send(), "CheckSum");
      refresh().nonce("once").curTime(curTime).ok();
      assertFail(431, refresh().nonce("once").curTime(curTime).send(), "repeated");
      assertFail(431, NeteaseRestCall.to(port(), "user/getUinfos").param("accids", "[\"alice\"]").nonce("once")
          .curTime(curTime).send(), "repeated");
    }
  }

  @Nested
  @DisplayName("the URL and the method")
  class Urls {
    @Test
    @DisplayName("an action not served is 404 naming those that are")
    void unknownAction() throws Exception {
      assertFail(404, NeteaseRestCall.to(port(), "user/explode").send(), "user/create");
      assertFail(404, NeteaseRestCall.path(port(), "/nimserver/user/create").send(), ".action");
    }

    @Test
    @DisplayName("a GET is answered by the stack in NetEase's shape")
    void get() throws Exception {
      assertFail(404, NeteaseRestCall.to(port(), "user/create").method("GET").send(), "POST");
    }
  }

  @Nested
  @DisplayName("parameters: names in any case, each bad one named")
  class Parameters {
    @Test
    @DisplayName("parameter names match in any case")
    void anyCase() throws Exception {
      JsonNode created = NeteaseRestCall.to(port(), "user/create").param("ACCID", "CaseUser").param("Token", "tok-1")
          .param("NAME", "名字").ok();
      assertEquals("tok-1", created.path("info").path("token").asText());
      assertEquals("名字", created.path("info").path("name").asText());
      NeteaseRestCall.to(port(), "user/create").param("accid", "case-peer").ok();
      JsonNode sent = NeteaseRestCall.to(port(), "msg/sendMsg").param("FROM", "CaseUser").param("Ope", "0")
          .param("tO", "case-peer").param("TYPE", "0").param("Body", "{\"msg\":\"hi\"}").param("pushContent", "p")
          .param("OPTION", "{\"push\":false}").ok();
      assertTrue(sent.path("data").path("msgid").asLong() > 0, sent.toString());
    }

    static Stream<Arguments> badParameters() {
      String body = "{\"msg\":\"hi\"}";
      Map<String, String> send = Map.of("from", "alice", "ope", "0", "to", "alice", "type", "0", "body", body);
      Map<String, String> create = Map.of("tname", "t", "owner", "alice", "members", "[\"bob\"]", "msg", "m",
          "magree", "0", "joinmode", "0");
      return Stream.of(
          Arguments.of("user/create", Map.of(), 414, "accid"),
          Arguments.of("user/create", Map.of("accid", "a".repeat(33)), 414, "accid"),
          Arguments.of("user/create", Map.of("accid", "g1", "gender", "3"), 414, "gender"),
          Arguments.of("user/create", Map.of("accid", "n1", "name", "n".repeat(65)), 405, "name"),
          Arguments.of("user/create", Map.of("accid", "alice"), 414, "already register"),
          Arguments.of("user/update", Map.of("accid", "alice"), 414, "token"),
          Arguments.of("user/update", Map.of("accid", "ghost", "token", "t"), 414, "accid not exist"),
          Arguments.of("user/refreshToken", Map.of(), 414, "accid"),
          Arguments.of("user/block", Map.of("accid", "alice", "needkick", "maybe"), 414, "needkick"),
          Arguments.of("user/unblock", Map.of("accid", "ghost"), 414, "accid not exist"),
          Arguments.of("user/updateUinfo", Map.of("accid", "ghost", "name", "x"), 414, "accid not exist"),
          Arguments.of("user/updateUinfo", Map.of("accid", "alice", "gender", "male"), 414, "gender"),
          Arguments.of("user/getUinfos", Map.of(), 414, "accids"),
          Arguments.of("user/getUinfos", Map.of("accids", "alice"), 414, "accids"),
          Arguments.of("user/getUinfos", Map.of("accids", "[1]"), 414, "accids"),
          Arguments.of("user/getUinfos", Map.of("accids", "[" + "\"a\",".repeat(200) + "\"a\"]"), 419, "accids"),
          Arguments.of("msg/sendMsg", without(send, "from"), 414, "from"),
          Arguments.of("msg/sendMsg", without(send, "ope"), 414, "ope"),
          Arguments.of("msg/sendMsg", without(send, "to"), 414, "to"),
          Arguments.of("msg/sendMsg", without(send, "type"), 414, "type"),
          Arguments.of("msg/sendMsg", without(send, "body"), 414, "body"),
          Arguments.of("msg/sendMsg", with(send, "ope", "2"), 414, "ope"),
          Arguments.of("msg/sendMsg", with(send, "ope", "zero"), 414, "ope"),
          Arguments.of("msg/sendMsg", with(send, "type", "text"), 414, "type"),
          Arguments.of("msg/sendMsg", with(send, "type", "5"), 414, "type 5"),
          Arguments.of("msg/sendMsg", with(send, "type", "7"), 414, "type 7"),
          Arguments.of("msg/sendMsg", with(send, "body", "not json"), 414, "body"),
          Arguments.of("msg/sendMsg", with(send, "body", "{\"msg\":5}"), 414, "body.msg"),
          Arguments.of("msg/sendMsg", with(with(send, "type", "1"), "body", "{\"w\":1}"), 414, "body.url"),
          Arguments.of("msg/sendMsg", with(with(send, "type", "1"), "body", "{\"url\":\"ftp://x/a\"}"), 414, "URL"),
          Arguments.of("msg/sendMsg", with(send, "body", "{\"msg\":\"" + "x".repeat(4991) + "\"}"), 405, "body"),
          Arguments.of("msg/sendMsg", with(send, "option", "{bad"), 414, "option"),
          Arguments.of("msg/sendMsg", with(send, "from", "ghost"), 414, "from"),
          Arguments.of("msg/sendMsg", with(send, "to", "ghost"), 414, "to"),
          Arguments.of("msg/sendMsg", with(send, "ope", "1"), 803, "team"),
          Arguments.of("msg/sendBatchMsg", Map.of("fromAccid", "alice", "toAccids", "alice", "type", "0", "body", body),
              414, "toAccids"),
          Arguments.of("msg/sendBatchMsg", Map.of("fromAccid", "alice", "toAccids", "[" + "\"a\",".repeat(500) + "\"a\"]",
              "type", "0", "body", body), 419, "toAccids"),
          Arguments.of("msg/sendBatchMsg", Map.of("fromAccid", "ghost", "toAccids", "[\"alice\"]", "type", "0", "body", body),
              414, "fromAccid"),
          Arguments.of("team/create", without(create, "tname"), 414, "tname"),
          Arguments.of("team/create", without(create, "members"), 414, "members"),
          Arguments.of("team/create", with(create, "members", "alice"), 414, "members"),
          Arguments.of("team/create", with(create, "members", "[" + "\"a\",".repeat(200) + "\"a\"]"), 419, "members"),
          Arguments.of("team/create", without(create, "msg"), 414, "msg"),
          Arguments.of("team/create", with(create, "magree", "2"), 414, "magree"),
          Arguments.of("team/create", with(create, "joinmode", "free"), 414, "joinmode"),
          Arguments.of("team/create", with(create, "invitemode", "2"), 414, "invitemode"),
          Arguments.of("team/create", with(create, "beinvitemode", "2"), 414, "beinvitemode"),
          Arguments.of("team/create", with(create, "tname", "t".repeat(65)), 405, "tname"),
          Arguments.of("team/create", with(create, "owner", "ghost"), 414, "owner"),
          Arguments.of("team/add", Map.of("owner", "alice", "members", "[\"bob\"]", "magree", "0", "msg", "m"), 414,
              "tid"),
          Arguments.of("team/query", Map.of("tids", "[\"1\"]"), 414, "ope"),
          Arguments.of("team/query", Map.of("tids", "[\"1\"]", "ope", "2"), 414, "ope"),
          Arguments.of("team/query", Map.of("tids", "1", "ope", "0"), 414, "tids"),
          Arguments.of("team/queryDetail", Map.of(), 414, "tid"),
          Arguments.of("team/queryDetail", Map.of("tid", "1"), 803, "team"),
          Arguments.of("team/joinTeams", Map.of("accid", "ghost"), 414, "accid"),
          Arguments.of("history/queryTeamMsg", Map.of("tid", "1", "accid", "alice", "begintime", "0", "endtime", "9",
              "limit", "10"), 803, "team"),
          Arguments.of("history/querySessionMsg", history("1000", "999", "10", "2"), 414, "bad time"),
          Arguments.of("history/querySessionMsg", history("0", "999", "0", "2"), 414, "limit"),
          Arguments.of("history/querySessionMsg", history("0", "999", "101", "2"), 414, "limit"),
          Arguments.of("history/querySessionMsg", history("0", "999", "10", "3"), 414, "reverse"),
          Arguments.of("history/querySessionMsg", history("yesterday", "999", "10", "2"), 414, "begintime"),
          Arguments.of("history/querySessionMsg", without(history("0", "999", "10", "2"), "endtime"), 414, "endtime"));
    }

    @ParameterizedTest(name = "{0} {1}: {2} naming {3}")
    @MethodSource("badParameters")
    @DisplayName("each missing or malformed parameter has its code and its desc names it")
    void refused(String action, Map<String, String> params, int code, String mentions) throws Exception {
      NeteaseRestCall call = NeteaseRestCall.to(port(), action);
      params.forEach(call::param);
      assertFail(code, call.send(), mentions);
    }

    private static Map<String, String> history(String begin, String end, String limit, String reverse) {
      return Map.of("from", "alice", "to", "bob", "begintime", begin, "endtime", end, "limit", limit, "reverse", reverse);
    }

    private static Map<String, String> without(Map<String, String> m, String name) {
      Map<String, String> copy = new java.util.TreeMap<>(m);
      copy.remove(name);
      return copy;
    }

    private static Map<String, String> with(Map<String, String> m, String name, String value) {
      Map<String, String> copy = new java.util.TreeMap<>(m);
      copy.put(name, value);
      return copy;
    }
  }
}
