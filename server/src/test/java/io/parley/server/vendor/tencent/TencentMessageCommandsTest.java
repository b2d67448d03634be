package io.parley.server.vendor.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.protocol.v1.Frame;
import io.parley.server.app.App;
import io.parley.server.config.Sandbox;
import io.parley.server.support.RawConnection;
import io.parley.server.support.ServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Tencent REST C2C message commands: durable, delivered like a client's, paged as the vendor pages")
class TencentMessageCommandsTest {
  @RegisterExtension static final ServerExtension running = new ServerExtension();
  static final ObjectMapper JSON = new ObjectMapper();
  static final App APP = Sandbox.tencentApp();

  private TencentMessageCommands commands() {
    return new TencentMessageCommands(running.server().store());
  }

  private static JsonNode body(String json) throws Exception {
    return JSON.readTree(json);
  }

  private static String text(String from, String to, String text, long random, int sync) {
    return "{\"SyncOtherMachine\":" + sync + ",\"From_Account\":\"" + from + "\",\"To_Account\":\"" + to
        + "\",\"MsgRandom\":" + random + ",\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\""
        + text + "\"}}],\"CloudCustomData\":\"ccd-" + random + "\"}";
  }

  @Test
  @DisplayName("sendmsg reaches the logged-in recipient as a push with the elements, and answers MsgTime and a MsgKey")
  void sendmsgIsPushed() throws Exception {
    try (RawConnection bob = new RawConnection(running.server().tcpPort())) {
      assertTrue(bob.login(RawConnection.login("rest-bob")).hasLoginResult());
      JsonNode out = commands().sendmsg(APP, "administrator", body(text("rest-alice", "rest-bob", "from the app server", 7, 2)));
      assertTrue(out.get("MsgKey").asText().matches("\\d+_7_\\d+"), out.toString());
      Frame push = bob.read();
      var m = push.getPush().getEntries(0).getMessage();
      assertEquals("rest-alice", m.getFromUserId());
      assertEquals("from the app server", m.getElements(0).getText().getText());
      assertEquals("ccd-7", m.getCloudCustomData());
    }
    assertEquals(0, running.server().store().newestSeq(APP.id(), "rest-alice"), "SyncOtherMachine 2: not in the sender's timeline");
  }

  @Test
  @DisplayName("a retry with the same MsgRandom stores nothing new; SyncOtherMachine 1 puts it in the sender's timeline too")
  void retriesAndSync() throws Exception {
    commands().sendmsg(APP, "administrator", body(text("sync-alice", "sync-bob", "once", 11, 1)));
    commands().sendmsg(APP, "administrator", body(text("sync-alice", "sync-bob", "once", 11, 1)));
    assertEquals(1, running.server().store().newestSeq(APP.id(), "sync-alice"));
    assertEquals(1, running.server().store().newestSeq(APP.id(), "sync-bob"));
  }

  @Test
  @DisplayName("importmsg only enters the history; admin_getroammsg pages it newest first and LastMsgKey continues without repeats")
  void importAndRoam() throws Exception {
    for (int i = 0; i < 7; i++) {
      commands().importmsg(APP, body(text("roam-a", "roam-b", "m" + i, 100 + i, 2)));
    }
    assertEquals(0, running.server().store().newestSeq(APP.id(), "roam-b"), "imports are pushed to nobody");
    List<String> seen = new ArrayList<>();
    String last = "";
    while (true) {
      JsonNode page = commands().getroammsg(APP, body("{\"From_Account\":\"roam-a\",\"To_Account\":\"roam-b\",\"MaxCnt\":3,"
          + "\"MinTime\":0,\"MaxTime\":4294967295" + (last.isEmpty() ? "" : ",\"LastMsgKey\":\"" + last + "\"") + "}"));
      page.get("MsgList").forEach(m -> seen.add(m.get("MsgBody").get(0).get("MsgContent").get("Text").asText()));
      last = page.get("LastMsgKey").asText();
      if (page.get("Complete").asInt() == 1) {
        break;
      }
    }
    assertEquals(List.of("m6", "m5", "m4", "m3", "m2", "m1", "m0"), seen);
  }

  @Test
  @DisplayName("batchsendmsg sends to every account and lists the bad ones")
  void batch() throws Exception {
    JsonNode out = commands().batchsendmsg(APP, "administrator", body("{\"From_Account\":\"batcher\",\"To_Account\":"
        + "[\"b1\",\"b2\",\"\"],\"MsgRandom\":5,\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"all\"}}]}"));
    assertEquals(1, running.server().store().newestSeq(APP.id(), "b1"));
    assertEquals(1, running.server().store().newestSeq(APP.id(), "b2"));
    assertEquals(1, out.get("ErrorList").size());
  }

  @Test
  @DisplayName("missing To_Account or MsgRandom, a bad MsgBody or an unknown LastMsgKey are 10004 naming the field")
  void errors() {
    TencentMessageCommands c = commands();
    assertEquals(10004, assertThrows(TencentRestException.class, () -> c.sendmsg(APP, "administrator",
        body("{\"MsgRandom\":1,\"MsgBody\":[]}"))).code());
    var noRandom = assertThrows(TencentRestException.class, () -> c.sendmsg(APP, "administrator",
        body("{\"To_Account\":\"x\",\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"t\"}}]}")));
    assertTrue(noRandom.getMessage().contains("MsgRandom"));
    var badBody = assertThrows(TencentRestException.class, () -> c.sendmsg(APP, "administrator",
        body("{\"To_Account\":\"x\",\"MsgRandom\":1,\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":3}}]}")));
    assertTrue(badBody.getMessage().contains("MsgBody[0].MsgContent.Text"), badBody.getMessage());
    var badKey = assertThrows(TencentRestException.class, () -> c.getroammsg(APP,
        body("{\"From_Account\":\"a\",\"To_Account\":\"b\",\"MaxCnt\":5,\"LastMsgKey\":\"1_2_3\"}")));
    assertEquals(10004, badKey.code());
  }
}
