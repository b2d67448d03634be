package io.parley.server.config;

import java.nio.file.Path;

/** Where things live inside a server's data directory; the server and the command-line tools agree on this. */
public final class DataDir {
  private DataDir() {}

  /** The RocksDB store. */
  public static Path store(Path dataDir) {
    return dataDir.resolve("store");
  }

  /** The key that encrypts account secrets the vendors' APIs must be able to return. */
  public static Path accountKey(Path dataDir) {
    return dataDir.resolve("keys").resolve("accounts.key");
  }

  /** The sandbox's self-signed HTTPS certificate, its key and a trust store holding it. */
  public static Path tls(Path dataDir) {
    return dataDir.resolve("tls");
  }

  /** The ports the running server bound, its bind address and pid (JSON). */
  public static Path portsFile(Path dataDir) {
    return dataDir.resolve("ports.json");
  }
}
