package io.parley.server.cli;

import io.parley.protocol.credential.tencent.UserSig;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.VendorKind;
import io.parley.server.config.ConfigException;
import io.parley.server.config.ServerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley-server usersig}: prints a Tencent UserSig for the dev app or a configured app. */
@Command(name = "usersig", mixinStandardHelpOptions = true,
    description = "Prints a UserSig (TLSSigAPIv2) for a user of the sandbox's Tencent app or of --config's app.")
public final class UserSigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOption configOption;

  @Option(names = "--user", required = true, description = "the user id (Tencent: identifier)") String user;
  @Option(names = "--expire", defaultValue = "86400", description = "seconds of validity (default ${DEFAULT-VALUE})") long expire;
  @Option(names = "--app", description = "the SDKAppID when the config has several Tencent apps") String appId;

  @Override
  public Integer call() throws ConfigException {
    if (expire <= 0) {
      throw new ConfigException("--expire", "must be a positive number of seconds");
    }
    ServerConfig config = configOption.load();
    App app = config.apps().stream()
        .filter(a -> a.vendor() == VendorKind.TENCENT && (appId == null || a.id().equals(appId)))
        .findFirst()
        .orElseThrow(() -> new ConfigException("--app", appId == null ? "the config has no Tencent app" : "no Tencent app '" + appId + "' in the config"));
    spec.commandLine().getOut().println(UserSig.generate(app.sdkAppId(), app.secrets(AppSecrets.Tencent.class).key(), user, expire, null,
        System.currentTimeMillis() / 1000));
    return 0;
  }
}
