package io.parley.server.cli;

import io.parley.server.config.ConfigException;
import io.parley.server.configfile.ConfigLoader;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by every command: the sandbox when absent. */
public final class ConfigOption {
  @Option(names = "--config", paramLabel = "FILE", description = "YAML config of a deployment (default: the sandbox)")
  Path file;

  ServerConfig load() throws ConfigException {
    return file == null ? Sandbox.config() : ConfigLoader.load(file);
  }
}
