package io.parley.server.vendor.tencent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.doocs.im.ImClient;
import io.github.doocs.im.model.request.AccountCheckItem;
import io.github.doocs.im.model.request.AccountCheckRequest;
import io.github.doocs.im.model.request.AccountDeleteItem;
import io.github.doocs.im.model.request.AccountDeleteRequest;
import io.github.doocs.im.model.request.AccountImportRequest;
import io.github.doocs.im.model.request.KickRequest;
import io.github.doocs.im.model.request.MultiAccountImportRequest;
import io.github.doocs.im.model.request.QueryOnlineStatusRequest;
import io.github.doocs.im.model.response.AccountCheckResult;
import io.github.doocs.im.model.response.AccountCheckResultItem;
import io.github.doocs.im.model.response.AccountDeleteResult;
import io.github.doocs.im.model.response.AccountImportResult;
import io.github.doocs.im.model.response.KickResult;
import io.github.doocs.im.model.response.MultiAccountImportResult;
import io.github.doocs.im.model.response.QueryOnlineStatusResult;
import io.github.doocs.im.model.response.QueryResultItem;
import io.parley.client.ParleyClient;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.KickReason;
import io.parley.server.vendor.tencent.TencentAccount;
import io.parley.server.config.DataDir;
import io.parley.server.config.Sandbox;
import io.parley.server.http.SandboxCertificate;
import io.parley.server.support.Clients;
import io.parley.server.support.RawConnection;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The vendor's own REST SDK (doocs im-server-sdk-java 0.3.43), unchanged, over HTTPS against a running server, as an
 * app server would use it: only the domain points at Parley.
 *
 * <p>The SDK has no TLS hook; it trusts the JVM's default trust store. It builds a new OkHttp client for every call,
 * and OkHttp asks the platform's TrustManagerFactory each time, which reads {@code javax.net.ssl.trustStore} as it is
 * then. So setting the properties for this class (and restoring them after) is enough, whether or not the JVM's
 * default SSLContext was initialized earlier in this fork: that context is never used by the SDK.
 */
@DisplayName("The doocs Tencent REST SDK against Parley over HTTPS")
class TencentRestSdkTest {
  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  private static final String[] TRUST_PROPERTIES = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword"};
  private static final Map<String, String> saved = new java.util.HashMap<>();
  private static ImClient sdk;

  @BeforeAll
  static void trustTheSandboxCertificate() {
    for (String p : TRUST_PROPERTIES) {
      saved.put(p, System.getProperty(p));
    }
    SandboxCertificate.TlsFiles tls = SandboxCertificate.files(DataDir.tls(running.server().config().dataDir()));
    System.setProperty("javax.net.ssl.trustStore", tls.trustStore().toAbsolutePath().toString());
    System.setProperty("javax.net.ssl.trustStorePassword", SandboxCertificate.TRUST_STORE_PASSWORD);
    sdk = ImClient.getInstance(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_ADMIN, Sandbox.TENCENT_KEY,
        "127.0.0.1:" + running.server().httpsPort().getAsInt());
  }

  @AfterAll
  static void restoreTrust() {
    saved.forEach((p, v) -> {
      if (v == null) {
        System.clearProperty(p);
      } else {
        System.setProperty(p, v);
      }
    });
  }

  private static io.parley.server.app.App app() {
    return running.server().services().app(Sandbox.TENCENT_APP_ID);
  }

  @Test
  @DisplayName("account_import creates the account with its nick and face URL; importing again updates them")
  void accountImport() throws Exception {
    AccountImportResult first = sdk.account.accountImport(new AccountImportRequest("imp-1", "Imp", "https://x/imp.png"));
    assertEquals("OK", first.getActionStatus());
    assertEquals(0, first.getErrorCode());
    assertEquals("Imp", stored("imp-1").nick());
    assertEquals("https://x/imp.png", stored("imp-1").faceUrl());

    AccountImportResult again = sdk.account.accountImport(AccountImportRequest.builder().userId("imp-1").nick("Imp 2").build());
    assertEquals("OK", again.getActionStatus());
    assertEquals("Imp 2", stored("imp-1").nick());
    assertEquals("https://x/imp.png", stored("imp-1").faceUrl(), "a field left out keeps its value");
  }

  @Test
  @DisplayName("multiaccount_import imports the valid UserIDs and lists the invalid ones in FailAccounts")
  void multiAccountImport() throws Exception {
    String tooLong = "y".repeat(33);
    MultiAccountImportResult r = sdk.account.multiAccountImport(new MultiAccountImportRequest(List.of("multi-1", "multi-2", tooLong)));
    assertEquals("OK", r.getActionStatus());
    assertEquals(List.of(tooLong), r.getFailAccounts());
    assertEquals(Map.of("multi-1", "Imported", "multi-2", "Imported", "multi-3", "NotImported"),
        check("multi-1", "multi-2", "multi-3"));
  }

  @Test
  @DisplayName("account_check answers Imported or NotImported per UserID, each with ResultCode 0")
  void accountCheck() throws Exception {
    sdk.account.accountImport(new AccountImportRequest("chk-1"));
    AccountCheckResult r = sdk.account.accountCheck(new AccountCheckRequest(
        List.of(new AccountCheckItem("chk-1"), new AccountCheckItem("chk-never"))));
    assertEquals("OK", r.getActionStatus());
    assertEquals(2, r.getResultItems().size());
    for (AccountCheckResultItem item : r.getResultItems()) {
      assertEquals(0, item.getResultCode());
      assertEquals(item.getUserId().equals("chk-1") ? "Imported" : "NotImported", item.getAccountStatus());
    }
  }

  @Test
  @DisplayName("account_delete deletes imported accounts and answers 70107 for one that was not imported")
  void accountDelete() throws Exception {
    sdk.account.accountImport(new AccountImportRequest("del-1"));
    AccountDeleteResult r = sdk.account.accountDelete(new AccountDeleteRequest(
        List.of(new AccountDeleteItem("del-1"), new AccountDeleteItem("del-never"))));
    assertEquals("OK", r.getActionStatus());
    Map<String, Integer> codes = r.getResultItems().stream()
        .collect(Collectors.toMap(i -> i.getUserId(), i -> i.getResultCode()));
    assertEquals(Map.of("del-1", 0, "del-never", 70107), codes);
    assertEquals(Map.of("del-1", "NotImported"), check("del-1"));
  }

  @Test
  @DisplayName("kick sends the user's live session a Kick (CREDENTIAL_REVOKED) and the server closes it")
  void kick() throws Exception {
    try (RawConnection carol = new RawConnection(running.server().tcpPort())) {
      assertTrue(carol.login(RawConnection.login("carol")).hasLoginResult());
      assertEquals("Online", status("carol").getStatus());

      KickResult r = sdk.account.kick(new KickRequest("carol"));
      assertEquals("OK", r.getActionStatus());
      assertEquals(0, r.getErrorCode());

      Frame kick = carol.read();
      while (!kick.hasKick()) {
        kick = carol.read(); // anything the session had queued first
      }
      assertEquals(KickReason.CREDENTIAL_REVOKED, kick.getKick().getReason());
      assertTrue(carol.closedByServer());
    }
    await().atMost(10, TimeUnit.SECONDS).until(() -> status("carol").getStatus().equals("Offline"));
  }

  @Test
  @DisplayName("kick of a user with no session is fine")
  void kickNobody() throws Exception {
    assertEquals("OK", sdk.account.kick(new KickRequest("nobody-online")).getActionStatus());
  }

  @Test
  @DisplayName("query_online_status follows a real client: Offline, Online with a PC Detail when asked, Offline again")
  void onlineStatus() throws Exception {
    assertEquals("Offline", status("dave").getStatus());
    Recorder events = new Recorder();
    try (ParleyClient dave = Clients.tcp(running.server(), "dave", events).build()) {
      dave.connect().get(10, TimeUnit.SECONDS);
      QueryOnlineStatusResult r = sdk.account.queryOnlineStatus(new QueryOnlineStatusRequest(1, List.of("dave", "erin")));
      assertEquals("OK", r.getActionStatus());
      QueryResultItem dave1 = r.getQueryResult().get(0);
      QueryResultItem erin = r.getQueryResult().get(1);
      assertEquals("dave", dave1.getToAccount());
      assertEquals("Online", dave1.getStatus());
      assertEquals(1, dave1.getDetail().size());
      assertEquals("PC", dave1.getDetail().get(0).getPlatform(), "a Linux client is a PC to the vendor");
      assertEquals("Online", dave1.getDetail().get(0).getStatus());
      assertEquals("erin", erin.getToAccount());
      assertEquals("Offline", erin.getStatus());
      assertNull(erin.getDetail(), "only online accounts have a Detail");

      assertNull(status("dave").getDetail(), "no Detail unless IsNeedDetail is 1");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> status("dave").getStatus().equals("Offline"));
  }

  @Test
  @DisplayName("an SDK with the wrong key gets FAIL 70009 in the envelope (HTTP 200, so it does not retry)")
  void wrongKey() throws Exception {
    ImClient forger = ImClient.getInstance(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_ADMIN, "not-the-key",
        "127.0.0.1:" + running.server().httpsPort().getAsInt());
    AccountImportResult r = forger.account.accountImport(new AccountImportRequest("forged"));
    assertEquals("FAIL", r.getActionStatus());
    assertEquals(70009, r.getErrorCode());
    assertEquals(Map.of("forged", "NotImported"), check("forged"));
  }

  private static QueryResultItem status(String user) throws Exception {
    QueryOnlineStatusResult r = sdk.account.queryOnlineStatus(new QueryOnlineStatusRequest(List.of(user)));
    assertEquals("OK", r.getActionStatus(), r.toString());
    return r.getQueryResult().get(0);
  }

  private static Map<String, String> check(String... users) throws Exception {
    AccountCheckResult r = sdk.account.accountCheck(new AccountCheckRequest(
        java.util.Arrays.stream(users).map(AccountCheckItem::new).toList()));
    return r.getResultItems().stream().collect(Collectors.toMap(i -> i.getUserId(), i -> i.getAccountStatus()));
  }

  private static TencentAccount stored(String user) {
    return running.server().services().accounts().tencentAccount(app(), user).orElseThrow();
  }
}
