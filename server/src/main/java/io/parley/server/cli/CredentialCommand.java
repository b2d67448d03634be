package io.parley.server.cli;

import io.parley.server.app.App;
import io.parley.server.auth.IssuedCredential;
import io.parley.server.app.VendorKind;
import io.parley.server.config.ConfigException;
import io.parley.server.config.ServerConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley-server credential}: prints a working client credential of the app's vendor kind for a user. */
@Command(name = "credential", mixinStandardHelpOptions = true,
    description = {"Prints a working login credential for a user of an app, of the app's vendor kind:",
        "  tencent: a UserSig; rongcloud: a token; netease: the account's token (the account is created, or its",
        "  token refreshed); yuntongxun: a sub-account's voipAccount + voipPwd (created if new), or with",
        "  --any-account the app-token login.",
        "Uses the running server's admin port when a server runs over the data directory, else the directory."})
public final class CredentialCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ToolsOption tools;

  @Option(names = "--app", required = true, description = "the app id (Tencent SDKAppID, Rongcloud/NetEase App Key, Yuntongxun AppID)")
  String appId;

  @Option(names = "--user", required = true, description = "the user id (Yuntongxun: the sub-account's friendlyName)")
  String user;

  @Option(names = "--expire", defaultValue = "86400", description = "UserSig validity in seconds (default ${DEFAULT-VALUE})")
  long expire;

  @Option(names = "--any-account", description = "Yuntongxun: the any-account login (APP TOKEN) instead of a sub-account")
  boolean anyAccount;

  @Option(names = {"-q", "--quiet"}, description = "print only the credential")
  boolean quiet;

  @Override
  public Integer call() throws ConfigException {
    if (expire <= 0) {
      throw new ConfigException("--expire", "must be a positive number of seconds");
    }
    ServerConfig config = tools.config();
    App app = config.apps().stream().filter(a -> a.id().equals(appId)).findFirst()
        .orElseThrow(() -> new ConfigException("--app", "no app '" + appId + "' in the config"));
    PrintWriter out = spec.commandLine().getOut();
    boolean needsAccounts = app.vendor() == VendorKind.NETEASE || app.vendor() == VendorKind.YUNTONGXUN && !anyAccount;
    try (CredentialTools t = tools.open(config, needsAccounts)) {
      IssuedCredential c = t.issue(app.id(), user, Duration.ofSeconds(expire), anyAccount);
      if (quiet) {
        out.println(c.credential());
      } else {
        out.println("app         " + c.appId() + " (" + app.vendor().configName() + ")");
        out.println("kind        " + c.kind());
        out.println("user id     " + c.userId());
        out.println("credential  " + c.credential());
        c.notes().forEach(n -> out.println("note        " + n));
      }
      out.flush();
      return 0;
    } catch (CredentialTools.ToolException e) {
      spec.commandLine().getErr().println("parley-server credential: " + e.getMessage());
      return 1;
    }
  }
}
