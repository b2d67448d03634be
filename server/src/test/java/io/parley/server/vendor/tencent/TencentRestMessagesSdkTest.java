package io.parley.server.vendor.tencent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.doocs.im.ImClient;
import io.github.doocs.im.model.message.TIMCustomMsgElement;
import io.github.doocs.im.model.message.TIMMsgElement;
import io.github.doocs.im.model.message.TIMTextMsgElement;
import io.github.doocs.im.model.request.AdminGetRoamMsgRequest;
import io.github.doocs.im.model.request.AdminMsgWithdrawRequest;
import io.github.doocs.im.model.request.BatchSendMsgRequest;
import io.github.doocs.im.model.request.ImportMsgRequest;
import io.github.doocs.im.model.request.SendMsgRequest;
import io.github.doocs.im.model.response.AdminMsgWithdrawResult;
import io.github.doocs.im.model.response.AdminRoamMsgResult;
import io.github.doocs.im.model.response.BatchSendMsgResult;
import io.github.doocs.im.model.response.ImportMsgResult;
import io.github.doocs.im.model.response.MsgListItem;
import io.github.doocs.im.model.response.SendMsgResult;
import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.ReceivedMessage;
import io.parley.protocol.v1.Element;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The doocs SDK (0.3.43, unchanged) sends, pages, imports and withdraws C2C messages over HTTPS while real Parley
 * clients, logged in over TCP, see the results: what an app server and its users would see.
 */
@DisplayName("The doocs Tencent REST SDK's message commands against Parley and its real clients")
class TencentRestMessagesSdkTest {
  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  private static final AtomicLong RANDOM = new AtomicLong(1000);
  private static DoocsSdk doocs;
  private static ImClient sdk;

  @BeforeAll
  static void openSdk() {
    doocs = new DoocsSdk(running.server());
    sdk = doocs.client;
  }

  @AfterAll
  static void closeSdk() {
    doocs.close();
  }

  private static ParleyClient online(String user, Recorder events) throws Exception {
    ParleyClient client = Clients.tcp(running.server(), user, events).build();
    client.connect().get(10, TimeUnit.SECONDS);
    return client;
  }

  private static SendMsgResult send(String from, String to, List<TIMMsgElement> body, String ccd) throws Exception {
    SendMsgResult r = sdk.message.sendMsg(SendMsgRequest.builder().syncOtherMachine(1).fromAccount(from).toAccount(to)
        .msgRandom(RANDOM.incrementAndGet()).msgBody(body).cloudCustomData(ccd).build());
    assertEquals("OK", r.getActionStatus(), r.toString());
    return r;
  }

  private static AdminRoamMsgResult roam(String a, String b, int max, String lastKey) throws Exception {
    AdminRoamMsgResult r = sdk.message.getRoamMsg(AdminGetRoamMsgRequest.builder().fromAccount(a).toAccount(b)
        .maxCnt(max).minTime(0).maxTime((int) (System.currentTimeMillis() / 1000) + 60).lastMsgKey(lastKey).build());
    assertEquals("OK", r.getActionStatus(), r.toString());
    return r;
  }

  private static String text(MsgListItem item) {
    return ((TIMTextMsgElement) item.getMsgBody().get(0)).getMsgContent().getText();
  }

  @Test
  @DisplayName("sendmsg reaches a real client with the elements and the CloudCustomData as sent")
  void sendmsgReachesClient() throws Exception {
    Recorder bob = new Recorder();
    try (ParleyClient client = online("sdk-bob", bob)) {
      SendMsgResult r = send("sdk-alice", "sdk-bob", List.of(new TIMTextMsgElement("hi from the app server"),
          new TIMCustomMsgElement("{\"order\":7}", "an order", "ext", "")), "ccd-1");
      assertTrue(r.getMsgKey().matches("\\d+_\\d+_\\d+"), r.getMsgKey());

      await().atMost(10, TimeUnit.SECONDS).until(() -> bob.count() == 1);
      ReceivedMessage m = bob.messages().get(0);
      assertEquals("sdk-alice", m.fromUserId());
      assertEquals("hi from the app server", m.elements().get(0).getText().getText());
      Element custom = m.elements().get(1);
      assertEquals("{\"order\":7}", custom.getCustom().getData());
      assertEquals("an order", custom.getCustom().getDesc());
      assertEquals("ext", custom.getCustom().getExt());
      assertEquals("ccd-1", m.cloudCustomData());
      assertFalse(m.recalled());
    }
  }

  @Test
  @DisplayName("a client's messages show in admin_getroammsg; pages of 3 by LastMsgKey return each once, newest first")
  void clientMessagesPaged() throws Exception {
    try (ParleyClient carol = online("roam-carol", new Recorder())) {
      for (int i = 0; i < 7; i++) {
        carol.send("roam-dan", Elements.text("c" + i)).get(10, TimeUnit.SECONDS);
      }
    }
    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String last = null;
    AdminRoamMsgResult page;
    do {
      page = roam("roam-carol", "roam-dan", 3, last);
      pageSizes.add(page.getMsgCnt());
      for (MsgListItem item : page.getMsgList()) {
        assertEquals("roam-carol", item.getFromAccount());
        assertEquals("roam-dan", item.getToAccount());
        assertEquals(0, item.getMsgFlagBits());
        seen.add(text(item));
      }
      last = page.getLastMsgKey();
      assertEquals(page.getMsgList().get(page.getMsgList().size() - 1).getMsgKey(), last);
    } while (page.getComplete() == 0);
    assertEquals(List.of(3, 3, 1), pageSizes);
    assertEquals(List.of("c6", "c5", "c4", "c3", "c2", "c1", "c0"), seen);
  }

  @Test
  @DisplayName("admin_msgwithdraw: the online recipient and the sender's device are told, and later reads have no body")
  void withdraw() throws Exception {
    Recorder erin = new Recorder();
    Recorder frank = new Recorder();
    String key;
    try (ParleyClient e = online("wd-erin", erin); ParleyClient f = online("wd-frank", frank)) {
      key = send("wd-erin", "wd-frank", List.of(new TIMTextMsgElement("oops")), "ccd-oops").getMsgKey();
      await().atMost(10, TimeUnit.SECONDS).until(() -> frank.count() == 1 && erin.count() == 1);
      long id = frank.messages().get(0).serverMsgId();

      AdminMsgWithdrawResult r = sdk.message.msgWithdraw(AdminMsgWithdrawRequest.builder().fromAccount("wd-erin")
          .toAccount("wd-frank").msgKey(key).build());
      assertEquals("OK", r.getActionStatus(), r.toString());
      assertEquals(0, r.getErrorCode());

      await().atMost(10, TimeUnit.SECONDS).until(() -> frank.recalls.size() == 1 && erin.recalls.size() == 1);
      ReceivedMessage told = frank.recalls.get(0);
      assertEquals(id, told.serverMsgId());
      assertTrue(told.recalled());
      assertTrue(told.elements().isEmpty());
      assertEquals("", told.cloudCustomData());
      assertEquals(id, erin.recalls.get(0).serverMsgId(), "the sender's own device is told too");
    }

    Recorder later = new Recorder(); // a device that pulls the whole timeline afterwards
    try (ParleyClient again = Clients.tcp(running.server(), "wd-frank", later).deviceId("wd-frank-tablet").build()) {
      again.connect().get(10, TimeUnit.SECONDS);
      await().atMost(10, TimeUnit.SECONDS).until(() -> later.count() == 1 && later.recalls.size() == 1);
      ReceivedMessage pulled = later.messages().get(0);
      assertTrue(pulled.recalled());
      assertTrue(pulled.elements().isEmpty());
    }

    MsgListItem history = roam("wd-frank", "wd-erin", 10, null).getMsgList().get(0);
    assertEquals(key, history.getMsgKey());
    assertTrue(history.getMsgBody() == null || history.getMsgBody().isEmpty(), String.valueOf(history.getMsgBody()));
    assertEquals(TencentMessageCommands.MSG_FLAG_RECALLED, history.getMsgFlagBits());

    AdminMsgWithdrawResult twice = sdk.message.msgWithdraw(AdminMsgWithdrawRequest.builder().fromAccount("wd-erin")
        .toAccount("wd-frank").msgKey(key).build());
    assertEquals("OK", twice.getActionStatus(), "withdrawing again is not an error");
  }

  @Test
  @DisplayName("admin_msgwithdraw of a MsgKey that names no message of the pair is 20022")
  void withdrawUnknown() throws Exception {
    String key = send("wd-gina", "wd-hal", List.of(new TIMTextMsgElement("kept")), null).getMsgKey();
    AdminMsgWithdrawResult other = sdk.message.msgWithdraw(AdminMsgWithdrawRequest.builder().fromAccount("wd-gina")
        .toAccount("wd-ivy").msgKey(key).build());
    assertEquals("FAIL", other.getActionStatus());
    assertEquals(20022, other.getErrorCode());
    assertTrue(other.getErrorInfo().contains(key), other.getErrorInfo());
    assertEquals("kept", text(roam("wd-gina", "wd-hal", 1, null).getMsgList().get(0)));
  }

  @Test
  @DisplayName("batchsendmsg reaches every online recipient")
  void batchsendmsg() throws Exception {
    Recorder jo = new Recorder();
    Recorder kim = new Recorder();
    try (ParleyClient j = online("batch-jo", jo); ParleyClient k = online("batch-kim", kim)) {
      BatchSendMsgResult r = sdk.message.batchSendMsg(BatchSendMsgRequest.builder().fromAccount("batch-boss")
          .toAccount(List.of("batch-jo", "batch-kim")).msgRandom(RANDOM.incrementAndGet())
          .msgBody(List.of(new TIMTextMsgElement("to all"))).build());
      assertEquals("OK", r.getActionStatus(), r.toString());
      assertTrue(r.getErrorList() == null || r.getErrorList().isEmpty(), String.valueOf(r.getErrorList()));
      await().atMost(10, TimeUnit.SECONDS).until(() -> jo.count() == 1 && kim.count() == 1);
      assertEquals("to all", jo.messages().get(0).elements().get(0).getText().getText());
      assertEquals("batch-boss", kim.messages().get(0).fromUserId());
    }
  }

  @Test
  @DisplayName("importmsg puts the message in the history and pushes it to nobody")
  void importmsg() throws Exception {
    Recorder lee = new Recorder();
    Recorder mo = new Recorder();
    try (ParleyClient l = online("imp-lee", lee); ParleyClient m = online("imp-mo", mo)) {
      ImportMsgResult r = sdk.message.importMsg(ImportMsgRequest.builder().syncFromOldSystem(1).fromAccount("imp-lee")
          .toAccount("imp-mo").msgRandom(RANDOM.incrementAndGet())
          .msgTimeStamp((int) (System.currentTimeMillis() / 1000)).msgBody(List.of(new TIMTextMsgElement("old")))
          .build());
      assertEquals("OK", r.getActionStatus(), r.toString());
      assertEquals("old", text(roam("imp-mo", "imp-lee", 10, null).getMsgList().get(0)));
      // A message sent after the import is the first either client receives: nothing of the import came before it.
      send("imp-lee", "imp-mo", List.of(new TIMTextMsgElement("new")), null);
      await().atMost(10, TimeUnit.SECONDS).until(() -> mo.count() == 1 && lee.count() == 1);
      assertEquals("new", mo.messages().get(0).elements().get(0).getText().getText());
      assertEquals("new", lee.messages().get(0).elements().get(0).getText().getText());
    }
    assertEquals(1, running.server().store().newestSeq(Sandbox.TENCENT_APP_ID, "imp-mo"));
  }
}
