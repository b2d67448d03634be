package io.parley.server.vendor.yuntongxun;

import static io.parley.server.vendor.yuntongxun.YuntongxunRestCall.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.client.CredentialKind;
import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.protocol.v1.Element;
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

@DisplayName("A client's one-to-one message reaches the Yuntongxun app server as a signed message copy")
class YuntongxunMessageCopyTest {
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

  JsonNode create(String name) throws Exception {
    JsonNode answer = YuntongxunRestCall.to(running.server().httpPort(), "SubAccounts").send(body("friendlyName", name));
    assertEquals("000000", answer.path("statusCode").asText(), answer.toString());
    return answer.path("SubAccount");
  }

  ParleyClient client(JsonNode sub, Recorder rec) {
    return Clients.tcp(running.server(), sub.path("voipAccount").asText(), rec).appId(Sandbox.YUNTONGXUN_APP_ID)
        .credential(CredentialKind.YUNTONGXUN_VOIP, () -> sub.path("voipPwd").asText()).build();
  }

  @Test
  @DisplayName("the copy carries the vendor's fields, and MD5 and CheckSum verify as the app server checks them")
  void copied() throws Exception {
    JsonNode alice = create("copy-alice");
    JsonNode bob = create("copy-bob");
    String a = alice.path("voipAccount").asText();
    String b = bob.path("voipAccount").asText();
    try (ParleyClient ca = client(alice, new Recorder()); ParleyClient cb = client(bob, new Recorder())) {
      ca.connect().get(10, TimeUnit.SECONDS);
      cb.connect().get(10, TimeUnit.SECONDS);
      ca.send(b, Elements.text("你好, 😀")).get(10, TimeUnit.SECONDS);
      CallbackReceiver.Received text = receiver.next();
      ca.send(b, Elements.image("https://cdn.example.com/p.jpg", 0, 0, 2048)).get(10, TimeUnit.SECONDS);
      CallbackReceiver.Received image = receiver.next();

      // the app server's check: MD5 of the body, CheckSum = MD5(AppId + AppToken + MD5 + CurTime)
      for (CallbackReceiver.Received r : List.of(text, image)) {
        assertEquals(md5(r.body()), r.header("MD5"));
        assertEquals(md5((Sandbox.YUNTONGXUN_APP_ID + Sandbox.YUNTONGXUN_APP_TOKEN + r.header("MD5") + r.header("CurTime"))
            .getBytes(StandardCharsets.UTF_8)), r.header("CheckSum"));
        assertTrue(r.header("CurTime").matches("\\d{13}"), r.header("CurTime"));
        JsonNode copy = r.json();
        assertEquals(Sandbox.YUNTONGXUN_APP_ID, copy.path("appId").asText());
        assertEquals("1", copy.path("pushType").asText());
        assertEquals(a, copy.path("msgSender").asText());
        assertEquals(b, copy.path("msgReceiver").asText());
        assertTrue(copy.path("msgId").asText().matches(copy.path("msgDateCreated").asText() + "\\|\\d+"), copy.toString());
        copy.fields().forEachRemaining(f -> assertTrue(f.getValue().isTextual(), "all values are strings: " + copy));
      }
      assertEquals("1", text.json().path("msgType").asText());
      assertEquals("你好, 😀", text.json().path("msgContent").asText());
      JsonNode img = image.json();
      assertEquals("4", img.path("msgType").asText());
      assertEquals("https://cdn.example.com/p.jpg", img.path("msgFileUrl").asText());
      assertEquals("2048", img.path("msgFileSize").asText());
      List<Element> back = YuntongxunElements.fromVendor(img);
      assertEquals("https://cdn.example.com/p.jpg", back.get(0).getImage().getSizes(0).getUrl(), "and it reads back");
    }
  }
}
