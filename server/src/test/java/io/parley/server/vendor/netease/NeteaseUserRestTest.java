package io.parley.server.vendor.netease;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.client.CredentialKind;
import io.parley.client.KickReason;
import io.parley.client.ParleyClient;
import io.parley.server.vendor.netease.NeteaseLogin;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("NetEase user/* actions: accounts a real client logs in with, tokens, blocks and profiles")
class NeteaseUserRestTest {
  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  static NeteaseRestCall call(String action) {
    return NeteaseRestCall.to(running.server().httpPort(), action);
  }

  static ParleyClient client(String accid, String token, Recorder rec) {
    return Clients.tcp(running.server(), accid, rec).appId(Sandbox.NETEASE_APP_KEY)
        .credential(CredentialKind.NETEASE_TOKEN, () -> token).build();
  }

  static NeteaseLogin login(String accid, String token) {
    return running.server().services().accounts()
        .checkNeteaseLogin(running.server().services().app(Sandbox.NETEASE_APP_KEY), accid, token);
  }

  @Test
  @DisplayName("user/create hands out a token that a real Parley client logs in with")
  void createThenLogIn() throws Exception {
    JsonNode created = call("user/create").param("accid", "u-create").param("name", "Ada").ok();
    JsonNode info = created.path("info");
    assertEquals("u-create", info.path("accid").asText());
    assertEquals("Ada", info.path("name").asText());
    assertTrue(info.path("token").asText().matches("[0-9a-f]{32}"), created.toString());

    try (ParleyClient c = client("u-create", info.path("token").asText(), new Recorder())) {
      c.connect().get(10, TimeUnit.SECONDS);
      assertTrue(c.isConnected());
    }
  }

  @Test
  @DisplayName("user/create with a token of the app's choosing: that token logs in")
  void createWithToken() throws Exception {
    assertEquals("chosen-token", call("user/create").param("accid", "u-chosen").param("token", "chosen-token").ok()
        .path("info").path("token").asText());
    try (ParleyClient c = client("u-chosen", "chosen-token", new Recorder())) {
      c.connect().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("user/update sets a token and user/refreshToken makes a new one; each replaces the one before")
  void tokens() throws Exception {
    String first = call("user/create").param("accid", "u-tokens").ok().path("info").path("token").asText();
    call("user/update").param("accid", "u-tokens").param("token", "set-by-app").ok();
    assertEquals(NeteaseLogin.WRONG_TOKEN, login("u-tokens", first));
    assertEquals(NeteaseLogin.OK, login("u-tokens", "set-by-app"));

    JsonNode refreshed = call("user/refreshToken").param("accid", "u-tokens").ok().path("info");
    assertEquals("u-tokens", refreshed.path("accid").asText());
    assertEquals(NeteaseLogin.WRONG_TOKEN, login("u-tokens", "set-by-app"));
    try (ParleyClient c = client("u-tokens", refreshed.path("token").asText(), new Recorder())) {
      c.connect().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("user/block with needkick=true kicks the live client and refuses logins until user/unblock")
  void blockAndUnblock() throws Exception {
    String token = call("user/create").param("accid", "u-block").ok().path("info").path("token").asText();
    Recorder rec = new Recorder();
    try (ParleyClient c = client("u-block", token, rec)) {
      c.connect().get(10, TimeUnit.SECONDS);

      call("user/block").param("accid", "u-block").param("needkick", "true").ok();

      await().atMost(Duration.ofSeconds(5)).until(() -> rec.kicks.contains(KickReason.ACCOUNT_BLOCKED));
    }
    assertEquals(NeteaseLogin.BLOCKED, login("u-block", token));
    call("user/unblock").param("accid", "u-block").ok();
    assertEquals(NeteaseLogin.OK, login("u-block", token));
  }

  @Test
  @DisplayName("user/block without needkick leaves the live client connected")
  void blockWithoutKick() throws Exception {
    String token = call("user/create").param("accid", "u-nokick").ok().path("info").path("token").asText();
    Recorder rec = new Recorder();
    try (ParleyClient c = client("u-nokick", token, rec)) {
      c.connect().get(10, TimeUnit.SECONDS);
      call("user/block").param("accid", "u-nokick").ok();
      assertEquals(NeteaseLogin.BLOCKED, login("u-nokick", token));
      assertTrue(c.isConnected());
      assertFalse(rec.kicks.contains(KickReason.ACCOUNT_BLOCKED));
    }
  }

  @Test
  @DisplayName("profiles: set at create, changed field by field with updateUinfo, read back with getUinfos")
  void profiles() throws Exception {
    call("user/create").param("accid", "u-profile").param("name", "Bé 👋").param("gender", "2").param("email", "b@x.cn").ok();
    call("user/create").param("accid", "u-bare").ok();
    call("user/updateUinfo").param("accid", "u-profile").param("icon", "https://cdn.example.com/b.png")
        .param("sign", "签名").param("birth", "1990-01-01").param("mobile", "13800000000")
        .param("ex", "{\"vip\":true}").param("gender", "1").ok();

    JsonNode answer = call("user/getUinfos").param("accids", "[\"u-profile\",\"nobody\",\"u-bare\"]").ok();

    assertEquals(NeteaseRestCall.JSON.readTree("[{\"accid\":\"u-profile\",\"name\":\"Bé 👋\","
        + "\"icon\":\"https://cdn.example.com/b.png\",\"sign\":\"签名\",\"email\":\"b@x.cn\",\"birth\":\"1990-01-01\","
        + "\"mobile\":\"13800000000\",\"gender\":1,\"ex\":\"{\\\"vip\\\":true}\"},{\"accid\":\"u-bare\"}]"),
        answer.path("uinfos"), "unknown accids are left out; fields never set are absent");
  }
}
