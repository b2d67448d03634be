package io.parley.server.cli;

import io.parley.server.ParleyServer;
import io.parley.server.admin.AdminToken;
import io.parley.server.auth.App;
import io.parley.server.config.ServerConfig;
import java.io.PrintStream;

/** The start-up banner: every address and default a newcomer needs, plus a ready credential per sandbox app. */
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
    out.printf("  admin             http://%s:%d/health, /metrics; POST /admin/reload, /admin/credential, /admin/doctor%n",
        c.bind(), server.adminPort());
    out.printf("                    (POST needs Authorization: Bearer <the token in %s>)%n",
        AdminToken.file(c.dataDir()).toAbsolutePath().normalize());
    out.printf("  data directory    %s (ports in ports.json)%n", c.dataDir().toAbsolutePath().normalize());
    for (App app : c.apps()) {
      out.printf("  app %-18s vendor %s%n", app.id(), app.vendor().configName());
      if (c.sandbox()) {
        for (String line : DevCredentials.describe(app)) {
          out.println("    " + line);
        }
      }
    }
    out.println("  stop with Ctrl-C");
    out.flush();
  }
}
