package io.parley.server.vendor.yuntongxun;

import static io.parley.server.vendor.yuntongxun.YuntongxunRestCall.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.client.CredentialKind;
import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyException;
import io.parley.server.config.Sandbox;
import io.parley.server.group.GroupCodes;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Yuntongxun ForbidSpeak: a member the owner forbids cannot send from its client until allowed again")
class YuntongxunForbidSpeakTest {
  @RegisterExtension final ServerExtension running = new ServerExtension();

  JsonNode subAccount(String name) throws Exception {
    JsonNode answer = YuntongxunRestCall.to(running.server().httpPort(), "SubAccounts").send(body("friendlyName", name));
    assertEquals("000000", answer.path("statusCode").asText(), answer.toString());
    return answer.path("SubAccount");
  }

  JsonNode call(JsonNode sub, String function, String json) throws Exception {
    return YuntongxunGroupCall.as(running.server().httpPort(), sub, function).send(json);
  }

  JsonNode ok(JsonNode sub, String function, String json) throws Exception {
    JsonNode answer = call(sub, function, json);
    assertEquals("000000", answer.path("statusCode").asText(), answer.toString());
    return answer;
  }

  ParleyClient client(JsonNode sub) {
    return Clients.tcp(running.server(), sub.path("voipAccount").asText(), new Recorder())
        .appId(Sandbox.YUNTONGXUN_APP_ID)
        .credential(CredentialKind.YUNTONGXUN_VOIP, () -> sub.path("voipPwd").asText()).build();
  }

  static int refusal(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ParleyException, e.getCause().toString());
    return ((ParleyException) e.getCause()).code();
  }

  static String fields(String... pairs) {
    return YuntongxunGroupCall.fields(pairs).toString();
  }

  @Test
  @DisplayName("forbidden (operation 1), the member's send is refused as muted and QueryMember shows isBan 1; "
      + "allowed (operation 0), it sends again; only the owner may forbid")
  void forbidAndAllow() throws Exception {
    JsonNode alice = subAccount("forbid-alice");
    JsonNode bob = subAccount("forbid-bob");
    String bobId = bob.path("voipAccount").asText();
    String id = ok(alice, "Group/CreateGroup", fields("name", "quiet", "permission", "0")).path("groupId").asText();
    ok(bob, "Group/JoinGroup", fields("groupId", id));
    try (ParleyClient cb = client(bob)) {
      cb.connect().get(10, TimeUnit.SECONDS);
      assertTrue(cb.sendToGroup(id, Elements.text("before")).get(20, TimeUnit.SECONDS).groupSeq() > 0);

      ok(alice, "Member/ForbidSpeak", fields("groupId", id, "member", bobId, "operation", "1"));
      assertEquals(GroupCodes.MUTED, refusal(cb.sendToGroup(id, Elements.text("while forbidden"))));
      JsonNode members = ok(alice, "Member/QueryMember", fields("groupId", id)).path("members");
      boolean banned = false;
      for (JsonNode m : members) {
        banned |= m.path("member").asText().equals(bobId) && m.path("isBan").asText().equals("1");
      }
      assertTrue(banned, members.toString());
      assertEquals("590014", call(bob, "Member/ForbidSpeak",
          fields("groupId", id, "member", alice.path("voipAccount").asText(), "operation", "1"))
          .path("statusCode").asText(), "a member may not forbid the owner");

      ok(alice, "Member/ForbidSpeak", fields("groupId", id, "member", bobId, "operation", "0"));
      assertTrue(cb.sendToGroup(id, Elements.text("allowed again")).get(20, TimeUnit.SECONDS).groupSeq() > 0);
    }
    assertEquals("590013", call(alice, "Member/ForbidSpeak",
        fields("groupId", id, "member", subAccount("forbid-outsider").path("voipAccount").asText(), "operation", "1"))
        .path("statusCode").asText(), "only a member can be forbidden");
  }
}
