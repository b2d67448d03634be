package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.client.CredentialKind;
import io.parley.client.ParleyClient;
import io.parley.protocol.credential.rongcloud.RongcloudToken;
import io.parley.protocol.credential.tencent.UserSig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where and as whom to connect: defaults to the sandbox's ports and its Tencent dev app. Any app of any vendor works
 * with {@code --credential}; for the sandbox's dev apps a credential is minted when none is given.
 */
public final class Target {
  /** The sandbox's dev apps (DESIGN §9) and the secret that mints their credentials. */
  private static final Map<String, String> DEV_SECRETS = Map.of(
      "1400000000", "parley-dev-tencent-key",
      "parley-dev-rong", "parley-dev-rong-secret",
      "parley-dev-nim", "",
      "parleydevappid", "parleydevapptoken");

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "server address (default ${DEFAULT-VALUE})") String host;
  @Option(names = "--port", defaultValue = "9100", description = "client TCP port (default ${DEFAULT-VALUE})") int port;
  @Option(names = "--ws", description = "use WebSocket at this URL instead of TCP, e.g. ws://127.0.0.1:9200/ws") URI ws;
  @Option(names = "--app", defaultValue = "1400000000",
      description = "app id: a Tencent SDKAppID, Rongcloud/NetEase App Key or Yuntongxun AppID (default: the Tencent dev app)")
  String app;
  @Option(names = "--key", description = "the secret that mints credentials: a Tencent key or Rongcloud App Secret"
      + " (default: the dev app's)") String key;
  @Option(names = {"--credential", "--usersig"}, description = "log in with this credential instead of minting one") String credential;
  @Option(names = "--kind", description = "the credential's kind: tencent-usersig, rongcloud-token, netease-token,"
      + " yuntongxun-voip or yuntongxun-app-token (default: from the app)") String kind;
  @Option(names = "--server-data-dir", description = "mint NetEase tokens and Yuntongxun sub-accounts through the server"
      + " running over this data directory (its admin port; default ./parley-data)") Path serverDataDir;

  /** A copy of this target that connects over TCP to {@code host:port} instead. */
  Target tcp(String host, int port) {
    Target t = new Target();
    t.host = host;
    t.port = port;
    t.app = app;
    t.key = key;
    t.credential = credential;
    t.kind = kind;
    t.serverDataDir = serverDataDir;
    return t;
  }

  /** The options that give a worker process this same target. */
  List<String> args() {
    List<String> a = new ArrayList<>(List.of("--host", host, "--port", Integer.toString(port), "--app", app));
    if (key != null) {
      a.addAll(List.of("--key", key));
    }
    if (ws != null) {
      a.addAll(List.of("--ws", ws.toString()));
    }
    if (credential != null) {
      a.addAll(List.of("--credential", credential));
    }
    if (kind != null) {
      a.addAll(List.of("--kind", kind));
    }
    if (serverDataDir != null) {
      a.addAll(List.of("--server-data-dir", serverDataDir.toString()));
    }
    return a;
  }

  /** Who logs in with what: the Login's user id (a Yuntongxun sub-account logs in as its voipAccount), kind, secret. */
  public record Login(String userId, CredentialKind kind, String credential) {}

  /** The login of {@code user}: the given credential, or one minted for the app. */
  public Login login(String user) {
    CredentialKind k = kind != null ? CredentialKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_')) : appKind();
    if (credential != null) {
      return new Login(user, k, credential);
    }
    String secret = key != null ? key : DEV_SECRETS.get(app);
    long now = System.currentTimeMillis();
    return switch (k) {
      case TENCENT_USERSIG -> new Login(user, k, UserSig.generate(Long.parseLong(app), requireSecret(secret), user, 86_400, null, now / 1000));
      case RONGCLOUD_TOKEN -> new Login(user, k, RongcloudToken.issue(app, user, now, RongcloudToken.signingKey(requireSecret(secret))));
      case YUNTONGXUN_APP_TOKEN -> new Login(user, k, requireSecret(secret));
      case NETEASE_TOKEN, YUNTONGXUN_VOIP -> minted(user);
    };
  }

  private CredentialKind appKind() {
    if (app.matches("[0-9]+")) {
      return CredentialKind.TENCENT_USERSIG;
    }
    return switch (app) {
      case "parley-dev-rong" -> CredentialKind.RONGCLOUD_TOKEN;
      case "parley-dev-nim" -> CredentialKind.NETEASE_TOKEN;
      case "parleydevappid" -> CredentialKind.YUNTONGXUN_APP_TOKEN;
      default -> throw new IllegalArgumentException("app " + app + " is not a sandbox dev app: give --kind and --credential");
    };
  }

  private String requireSecret(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("no secret to mint a credential for app " + app + ": give --key or --credential");
    }
    return secret;
  }

  /** Asks the running server's admin port for a credential (it creates the account or sub-account as needed). */
  private Login minted(String user) {
    Path dir = serverDataDir != null ? serverDataDir : Path.of("parley-data");
    try {
      ObjectMapper json = new ObjectMapper();
      JsonNode ports = json.readTree(Files.readString(dir.resolve("ports.json")));
      String token = Files.readString(dir.resolve("admin.token")).trim();
      String form = "app=" + URLEncoder.encode(app, StandardCharsets.UTF_8) + "&user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
      HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + ports.get("admin").asInt() + "/admin/credential"))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = json.readTree(res.body());
      if (res.statusCode() != 200) {
        throw new IllegalStateException("the server refused to mint a credential: " + body.path("error").asText());
      }
      return new Login(body.get("userId").asText(), CredentialKind.valueOf(body.get("kind").asText()),
          body.get("credential").asText());
    } catch (IOException e) {
      throw new IllegalStateException("cannot mint a credential through the server over " + dir.toAbsolutePath()
          + " (" + e.getMessage() + "); give --credential, or --server-data-dir", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A client builder pointed at this target, logged in as {@code user}. */
  public ParleyClient.Builder client(String user) {
    Login login = login(user);
    ParleyClient.Builder b = ParleyClient.builder().appId(app).userId(login.userId())
        .credential(login.kind(), login::credential);
    return ws != null ? b.webSocket(ws) : b.tcp(host, port);
  }
}
