package io.parley.server.vendor.yuntongxun;

import static io.parley.server.vendor.yuntongxun.YuntongxunRestCall.body;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.client.CredentialKind;
import io.parley.client.Elements;
import io.parley.client.KickReason;
import io.parley.client.ParleyClient;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Frame;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.RawConnection;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Yuntongxun REST sub-accounts, signed as the vendor's guide shows")
class YuntongxunRestTest {
  static final String APP = Sandbox.YUNTONGXUN_APP_ID;

  @RegisterExtension final ServerExtension running = new ServerExtension();

  YuntongxunRestCall call(String function) {
    return YuntongxunRestCall.to(running.server().httpPort(), function);
  }

  JsonNode ok(String function, String body) throws Exception {
    JsonNode answer = call(function).send(body);
    assertEquals("000000", answer.path("statusCode").asText(), answer.toString());
    return answer;
  }

  JsonNode create(String name) throws Exception {
    return ok("SubAccounts", body("friendlyName", name)).path("SubAccount");
  }

  ParleyClient client(JsonNode sub, Recorder rec) {
    return Clients.tcp(running.server(), sub.path("voipAccount").asText(), rec).appId(APP)
        .credential(CredentialKind.YUNTONGXUN_VOIP, () -> sub.path("voipPwd").asText()).build();
  }

  Frame login(JsonNode sub) throws Exception {
    return RawConnection.attempt(running.server().tcpPort(), RawConnection.login(APP, sub.path("voipAccount").asText(),
        io.parley.protocol.v1.CredentialKind.YUNTONGXUN_VOIP, sub.path("voipPwd").asText()));
  }

  @Test
  @DisplayName("SubAccounts answers the vendor's fields; the voipAccount logs a real client in and two such clients talk")
  void createdSubAccountLogsIn() throws Exception {
    JsonNode alice = create("alice");
    JsonNode bob = create("bob");

    assertTrue(alice.path("subAccountSid").asText().matches("[0-9a-z]{32}"), alice.toString());
    assertTrue(alice.path("subToken").asText().matches("[0-9a-z]{32}"), alice.toString());
    assertTrue(alice.path("voipAccount").asText().matches("[0-9]{14}"), alice.toString());
    assertEquals(8, alice.path("voipPwd").asText().length(), alice.toString());
    assertTrue(alice.path("dateCreated").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), alice.toString());
    alice.fields().forEachRemaining(f -> assertTrue(f.getValue().isTextual(), "all values are strings: " + alice));

    Recorder bobInbox = new Recorder();
    try (ParleyClient a = client(alice, new Recorder()); ParleyClient b = client(bob, bobInbox)) {
      a.connect().get(10, TimeUnit.SECONDS);
      b.connect().get(10, TimeUnit.SECONDS);
      a.send(bob.path("voipAccount").asText(), Elements.text("你好 bob")).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> bobInbox.count() == 1);
      assertEquals("你好 bob", bobInbox.messages().get(0).elements().get(0).getText().getText());
      assertEquals(alice.path("voipAccount").asText(), bobInbox.messages().get(0).fromUserId());
    }
  }

  @Test
  @DisplayName("a friendlyName already used in the app is refused with 110011")
  void nameUsed() throws Exception {
    create("carol");
    JsonNode again = call("SubAccounts").send(body("friendlyName", "carol"));
    assertEquals("110011", again.path("statusCode").asText(), again.toString());
    assertTrue(again.path("statusMsg").asText().contains("already used"), again.toString());
  }

  @Test
  @DisplayName("GetSubAccounts pages in creation order with totalCount; startNo and offset default to 0 and 100")
  void list() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      names.add("user" + i);
      create("user" + i);
    }
    JsonNode all = ok("GetSubAccounts", body());
    assertEquals("5", all.path("totalCount").asText());
    List<String> listed = new ArrayList<>();
    all.path("SubAccount").forEach(s -> listed.add(s.path("friendlyName").asText()));
    assertEquals(names, listed);

    JsonNode page = ok("GetSubAccounts", body("startNo", "1", "offset", "2"));
    assertEquals("5", page.path("totalCount").asText());
    assertEquals(2, page.path("SubAccount").size());
    assertEquals("user1", page.path("SubAccount").path(0).path("friendlyName").asText());
    assertEquals("user2", page.path("SubAccount").path(1).path("friendlyName").asText());
    assertEquals(0, ok("GetSubAccounts", body("startNo", "5")).path("SubAccount").size());

    for (String bad : List.of("0", "101", "-1", "ten")) {
      JsonNode refused = call("GetSubAccounts").send(body("offset", bad));
      assertEquals("110141", refused.path("statusCode").asText(), "offset " + bad + ": " + refused);
    }
  }

  @Test
  @DisplayName("QuerySubAccountByName finds a sub-account with its VoIP account; an unknown name is 110015")
  void queryByName() throws Exception {
    JsonNode dave = create("dave");
    JsonNode found = ok("QuerySubAccountByName", body("friendlyName", "dave")).path("SubAccount");
    assertEquals(dave.path("subAccountSid"), found.path("subAccountSid"));
    assertEquals(dave.path("voipAccount"), found.path("voipAccount"));
    assertEquals(dave.path("voipPwd"), found.path("voipPwd"));
    assertEquals("dave", found.path("friendlyName").asText());

    JsonNode none = call("QuerySubAccountByName").send(body("friendlyName", "nobody"));
    assertEquals("110015", none.path("statusCode").asText(), none.toString());
  }

  @Test
  @DisplayName("CloseSubAccount kicks the live session, and from then on it cannot log in, be found or be closed again")
  void close() throws Exception {
    JsonNode erin = create("erin");
    Recorder rec = new Recorder();
    try (ParleyClient e = client(erin, rec)) {
      e.connect().get(10, TimeUnit.SECONDS);

      ok("CloseSubAccount", YuntongxunRestCall.JSON.createObjectNode()
          .put("subAccountSid", erin.path("subAccountSid").asText()).toString());

      await().atMost(Duration.ofSeconds(10)).until(() -> rec.kicks.contains(KickReason.CREDENTIAL_REVOKED));
    }
    Frame refused = login(erin);
    assertTrue(refused.hasError(), refused.toString());
    assertEquals(ErrorCodes.YUNTONGXUN_SUBACCOUNT_NOT_FOUND, refused.getError().getCode(), refused.toString());
    assertEquals("110015", call("QuerySubAccountByName").send(body("friendlyName", "erin")).path("statusCode").asText());
    assertEquals("110015", call("CloseSubAccount").send("{\"subAccountSid\":\"" + erin.path("subAccountSid").asText()
        + "\"}").path("statusCode").asText());
    assertEquals("0", ok("GetSubAccounts", body()).path("totalCount").asText());
    assertEquals("000000", call("SubAccounts").send(body("friendlyName", "erin")).path("statusCode").asText(),
        "the name is free again");
  }
}
