package io.parley.server.cli;

import io.parley.protocol.v1.CredentialKind;
import io.parley.server.app.App;
import io.parley.server.app.VendorKind;
import io.parley.server.config.ConfigException;
import io.parley.server.config.ServerConfig;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley-server doctor}: explains why a credential would or would not log a user in, and how to fix it. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Explains a client credential: decodes it, runs the checks a login runs, prints the verdict",
        "(the same code and message a login gets) and how to fix it. Exit code 0 when it would log in, 1 when not."})
public final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ToolsOption tools;

  @Option(names = "--app", required = true, description = "the app id") String appId;
  @Option(names = "--user", description = "the user id the client logs in with (Rongcloud: may be left out)") String user;
  @Option(names = "--credential", required = true, description = "the credential, exactly as the client sends it") String credential;
  @Option(names = "--kind", description = "Yuntongxun: voip (sub-account, default) or app-token (any-account)") String kind;

  @Override
  public Integer call() throws ConfigException {
    ServerConfig config = tools.config();
    App app = config.apps().stream().filter(a -> a.id().equals(appId)).findFirst()
        .orElseThrow(() -> new ConfigException("--app", "no app '" + appId + "' in the config"));
    CredentialKind k = kind == null ? null : switch (kind.toLowerCase(Locale.ROOT)) {
      case "voip" -> CredentialKind.YUNTONGXUN_VOIP;
      case "app-token" -> CredentialKind.YUNTONGXUN_APP_TOKEN;
      default -> throw new ConfigException("--kind", "must be 'voip' or 'app-token', not '" + kind + "'");
    };
    PrintWriter out = spec.commandLine().getOut();
    try (CredentialTools t = tools.open(config, app.vendor() != VendorKind.TENCENT)) {
      CredentialTools.DoctorReport report = t.doctor(appId, user == null ? "" : user, k, credential);
      report.lines().forEach(out::println);
      out.flush();
      return report.ok() ? 0 : 1;
    } catch (CredentialTools.ToolException e) {
      spec.commandLine().getErr().println("parley-server doctor: " + e.getMessage());
      return 1;
    }
  }
}
