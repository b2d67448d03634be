package io.parley.bench;

import io.parley.client.CredentialKind;
import io.parley.client.ParleyClient;
import io.parley.protocol.credential.tencent.UserSig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where and as whom to connect: defaults to the sandbox's ports and its Tencent dev app. */
public final class Target {
  @Option(names = "--host", defaultValue = "127.0.0.1", description = "server address (default ${DEFAULT-VALUE})") String host;
  @Option(names = "--port", defaultValue = "9100", description = "client TCP port (default ${DEFAULT-VALUE})") int port;
  @Option(names = "--ws", description = "use WebSocket at this URL instead of TCP, e.g. ws://127.0.0.1:9200/ws") URI ws;
  @Option(names = "--app", defaultValue = "1400000000", description = "app id (Tencent SDKAppID; default: the sandbox dev app)") String app;
  @Option(names = "--key", defaultValue = "parley-dev-tencent-key", description = "app key used to mint UserSigs (default: the sandbox dev key)") String key;
  @Option(names = "--usersig", description = "log in with this UserSig instead of minting one") String userSig;

  /** A copy of this target that connects over TCP to {@code host:port} instead. */
  Target tcp(String host, int port) {
    Target t = new Target();
    t.host = host;
    t.port = port;
    t.app = app;
    t.key = key;
    t.userSig = userSig;
    return t;
  }

  /** The options that give a worker process this same target. */
  List<String> args() {
    List<String> a = new ArrayList<>(List.of("--host", host, "--port", Integer.toString(port), "--app", app, "--key", key));
    if (ws != null) {
      a.addAll(List.of("--ws", ws.toString()));
    }
    if (userSig != null) {
      a.addAll(List.of("--usersig", userSig));
    }
    return a;
  }

  /** A UserSig for {@code user}: the given one, or one minted from the app key, valid for a day. */
  public String credential(String user) {
    return userSig != null ? userSig
        : UserSig.generate(Long.parseLong(app), key, user, 86_400, null, System.currentTimeMillis() / 1000);
  }

  /** A client builder pointed at this target, logged in as {@code user}. */
  public ParleyClient.Builder client(String user) {
    String sig = credential(user);
    ParleyClient.Builder b = ParleyClient.builder().appId(app).userId(user)
        .credential(CredentialKind.TENCENT_USERSIG, () -> sig);
    return ws != null ? b.webSocket(ws) : b.tcp(host, port);
  }
}
