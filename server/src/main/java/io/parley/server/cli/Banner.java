package io.parley.server.cli;

import io.parley.protocol.credential.tencent.UserSig;
import io.parley.server.ParleyServer;
import io.parley.server.auth.App;
import io.parley.server.config.ServerConfig;
import java.io.PrintStream;

/** The start-up banner: every address and default a newcomer needs, plus a ready credential in the sandbox. */
final class Banner {
  private Banner() {}

  static void print(PrintStream out, ParleyServer server, String transport) {
    ServerConfig c = server.config();
    out.println();
    out.println("Parley " + (c.sandbox() ? "sandbox" : "server") + " is up (" + transport + ", store sync: "
        + c.syncPolicy().name().toLowerCase() + ")");
    out.printf("  client TCP        %s:%d   (varint32 length + protobuf Frame)%n", c.bind(), server.tcpPort());
    out.printf("  client WebSocket  ws://%s:%d/ws%n", c.bind(), server.wsPort());
    out.printf("  vendor REST       %s:%d (HTTP), %d (HTTPS): not in this release yet%n", c.bind(), c.ports().http(), c.ports().https());
    out.printf("  admin             http://%s:%d/health, /metrics%n", c.bind(), server.adminPort());
    out.printf("  data directory    %s (ports in ports.json)%n", c.dataDir().toAbsolutePath().normalize());
    for (App app : c.apps()) {
      out.printf("  app %-12s  vendor %s, admin identifier '%s'%n", app.id(), app.vendor().name().toLowerCase(), app.adminIdentifier());
      if (c.sandbox()) {
        out.printf("    dev key         %s   (public by design: sandbox only)%n", app.secretKey());
        out.printf("    UserSig (alice, 24 h): %s%n",
            UserSig.generate(Long.parseLong(app.id()), app.secretKey(), "alice", 86400, null, System.currentTimeMillis() / 1000));
      }
    }
    out.println("  stop with Ctrl-C");
    out.flush();
  }
}
