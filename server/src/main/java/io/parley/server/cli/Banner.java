package io.parley.server.cli;

import io.parley.server.vendor.Vendor;
import io.parley.server.vendor.Vendors;

import io.parley.server.ParleyServer;
import io.parley.server.admin.AdminToken;
import io.parley.server.app.App;
import io.parley.server.config.DataDir;
import io.parley.server.config.ServerConfig;
import io.parley.server.http.SandboxCertificate;
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
    printRest(out, server);
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

  /** The REST listeners, and how a client comes to trust the HTTPS one (or why there is none). */
  private static void printRest(PrintStream out, ParleyServer server) {
    ServerConfig c = server.config();
    out.printf("  vendor REST       http://%s:%d/%s%n", c.bind(), server.httpPort(),
        server.httpsPort().isPresent() ? " and https://" + c.bind() + ":" + server.httpsPort().getAsInt() + "/" : "");
    for (Vendor v : Vendors.all()) {
      out.printf("                    %-10s %s%n", v.kind().configName(), v.restPaths());
    }
    if (c.tls().isPresent()) {
      out.printf("  HTTPS certificate %s%n", c.tls().get().certificate().toAbsolutePath().normalize());
    } else if (c.sandbox()) {
      SandboxCertificate.TlsFiles tls = SandboxCertificate.files(DataDir.tls(c.dataDir()));
      out.printf("  HTTPS certificate %s (self-signed for 127.0.0.1, ::1 and localhost)%n",
          tls.certificate().toAbsolutePath().normalize());
      out.printf("                    Java clients trust it with: %s%n", tls.javaTrustFlags());
    } else {
      out.println("  HTTPS             off: the config names no tls: {certificate: PEM, privateKey: PEM}");
    }
  }
}
