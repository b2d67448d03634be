package io.parley.server.cli;

import io.parley.server.config.ConfigException;
import io.parley.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --data-dir} for the tools that read a server's accounts, and how to reach them. */
final class ToolsOption {
  @Mixin ConfigOption configOption;

  @Option(names = "--data-dir", description = "the server's data directory (default: the config's, ./parley-data)")
  Path dataDir;

  ServerConfig config() throws ConfigException {
    ServerConfig c = configOption.load();
    return dataDir == null ? c : c.withDataDir(dataDir);
  }

  /**
   * The running server's admin port if one answers over this data directory, else the directory itself; or
   * nothing at all when the credential involves no account (a UserSig), so that no data directory is created.
   */
  CredentialTools open(ServerConfig config, boolean needsAccounts) throws CredentialTools.ToolException {
    if (!needsAccounts) {
      return LocalTools.withoutStore(config);
    }
    Optional<RemoteTools> running = RemoteTools.find(config.dataDir());
    return running.isPresent() ? running.get() : LocalTools.open(config);
  }
}
