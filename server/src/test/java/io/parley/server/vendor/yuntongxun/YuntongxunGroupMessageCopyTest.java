package io.parley.server.vendor.yuntongxun;

import static io.parley.server.vendor.yuntongxun.YuntongxunRestCall.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.client.CredentialKind;
import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.server.app.App;
import io.parley.server.app.CallbackSettings;
import io.parley.server.config.Sandbox;
import io.parley.server.support.CallbackReceiver;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A client's group message reaches the Yuntongxun app server as a signed message copy, the group as receiver")
class YuntongxunGroupMessageCopyTest {
  static final CallbackReceiver receiver = receiver();

  @RegisterExtension static final ServerExtension running = new ServerExtension(c -> c.withApps(List.of(
      Sandbox.tencentApp(), Sandbox.rongcloudApp(), Sandbox.neteaseApp(), withCallback(Sandbox.yuntongxunApp()))));

  private static CallbackReceiver receiver() {
    try {
      return CallbackReceiver.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static App withCallback(App app) {
    return new App(app.id(), app.vendor(), app.secrets(), app.limits(),
        new CallbackSettings(Optional.of(receiver.url()), Optional.empty()));
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  static String md5(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
  }

  JsonNode subAccount(String name) throws Exception {
    JsonNode answer = YuntongxunRestCall.to(running.server().httpPort(), "SubAccounts").send(body("friendlyName", name));
    assertEquals("000000", answer.path("statusCode").asText(), answer.toString());
    return answer.path("SubAccount");
  }

  JsonNode ok(JsonNode sub, String function, String... pairs) throws Exception {
    JsonNode answer = YuntongxunGroupCall.as(running.server().httpPort(), sub, function).send(pairs);
    assertEquals("000000", answer.path("statusCode").asText(), answer.toString());
    return answer;
  }

  @Test
  @DisplayName("the copy has pushType 2, the sender, the group as msgReceiver and the message's fields; MD5 and "
      + "CheckSum verify")
  void groupCopy() throws Exception {
    JsonNode alice = subAccount("gcopy-alice");
    JsonNode bob = subAccount("gcopy-bob");
    String a = alice.path("voipAccount").asText();
    String id = ok(alice, "Group/CreateGroup", "name", "copied", "permission", "0").path("groupId").asText();
    ok(bob, "Group/JoinGroup", "groupId", id);
    try (ParleyClient ca = Clients.tcp(running.server(), a, new Recorder()).appId(Sandbox.YUNTONGXUN_APP_ID)
        .credential(CredentialKind.YUNTONGXUN_VOIP, () -> alice.path("voipPwd").asText()).build()) {
      ca.connect().get(10, TimeUnit.SECONDS);
      ca.sendToGroup(id, Elements.text("大家好")).get(20, TimeUnit.SECONDS);
      CallbackReceiver.Received r = receiver.next();

      assertEquals(md5(r.body()), r.header("MD5"));
      assertEquals(md5((Sandbox.YUNTONGXUN_APP_ID + Sandbox.YUNTONGXUN_APP_TOKEN + r.header("MD5") + r.header("CurTime"))
          .getBytes(StandardCharsets.UTF_8)), r.header("CheckSum"));
      JsonNode copy = r.json();
      assertEquals(Sandbox.YUNTONGXUN_APP_ID, copy.path("appId").asText());
      assertEquals("2", copy.path("pushType").asText());
      assertEquals(a, copy.path("msgSender").asText());
      assertEquals(id, copy.path("msgReceiver").asText());
      assertEquals("1", copy.path("msgType").asText());
      assertEquals("大家好", copy.path("msgContent").asText());
      assertTrue(!copy.path("msgId").asText().isEmpty() && copy.path("msgDateCreated").asText().matches("\\d{13}"),
          copy.toString());
      copy.fields().forEachRemaining(f -> assertTrue(f.getValue().isTextual(), "all values are strings: " + copy));
    }
  }
}
