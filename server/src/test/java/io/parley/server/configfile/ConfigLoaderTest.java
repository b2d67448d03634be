package io.parley.server.configfile;

import io.parley.server.config.ConfigException;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.CallbackSettings;
import io.parley.server.app.VendorKind;
import io.parley.server.store.SyncPolicy;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The deployment config")
class ConfigLoaderTest {
  private static final String APP = "apps:\n  - id: \"1400123456\"\n    vendor: tencent\n    key: k\n";

  private static String problem(String yaml) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml)).getMessage();
  }

  @Test
  @DisplayName("a minimal config takes the sandbox defaults for everything but its apps")
  void minimal() throws Exception {
    ServerConfig c = ConfigLoader.parse(APP);
    assertFalse(c.sandbox());
    assertEquals(9100, c.ports().tcp());
    assertEquals(SyncPolicy.FSYNC, c.syncPolicy());
    assertEquals("1400123456", c.apps().get(0).id());
    assertEquals(new AppSecrets.Tencent("k", "administrator"), c.apps().get(0).secrets());
    assertEquals(Sandbox.APP_LIMITS, c.apps().get(0).limits());
    assertEquals(CallbackSettings.NONE, c.apps().get(0).callback());
    assertEquals(Sandbox.LOGIN_THROTTLE, c.loginThrottle());
  }

  @Test
  @DisplayName("every setting can be given")
  void full() throws Exception {
    ServerConfig c = ConfigLoader.parse("""
        bind: 0.0.0.0
        dataDir: /var/lib/parley
        ports: {tcp: 1, ws: 2, http: 3, https: 4, admin: 0}
        store: {sync: none}
        limits: {maxFrameBytes: 100000, loginTimeoutMs: 500}
        heartbeat: {minMs: 1000, maxMs: 2000, graceMs: 10}
        loginThrottle: {addressBurst: 1, addressPerMinute: 2, userBurst: 3, userPerMinute: 4}
        apps:
          - id: "1400123456"
            vendor: tencent
            key: k
            adminIdentifier: root
            limits: {maxMessageBytes: 5000, maxGroupMembers: 200, sendsPerSecond: 10, sendBurst: 20}
            callback: {url: "https://app.example.com/im/callback", token: cb-token}
          - id: rong-key
            vendor: rongcloud
            appSecret: rong-secret
          - id: nim-key
            vendor: netease
            appSecret: nim-secret
          - id: ytxappid
            vendor: yuntongxun
            accountSid: sid
            authToken: auth
            appToken: apptoken
            anyAccountLogin: false
        """);
    assertEquals("0.0.0.0", c.bind());
    assertEquals(new ServerConfig.Ports(1, 2, 3, 4, 0), c.ports());
    assertEquals(SyncPolicy.NONE, c.syncPolicy());
    assertEquals(new ServerConfig.Limits(100000, 500, ServerConfig.Limits.DEFAULT_SLOW_CONSUMER_MS), c.limits());
    assertEquals(new ServerConfig.Heartbeat(1000, 2000, 10), c.heartbeat());
    assertEquals(new ServerConfig.LoginThrottle(1, 2, 3, 4), c.loginThrottle());
    App tencent = c.apps().get(0);
    assertEquals(new AppSecrets.Tencent("k", "root"), tencent.secrets());
    assertEquals(new AppLimits(5000, 200, 10, 20), tencent.limits());
    assertEquals(Optional.of(URI.create("https://app.example.com/im/callback")), tencent.callback().url());
    assertEquals(Optional.of("cb-token"), tencent.callback().token());
    assertEquals(new AppSecrets.Rongcloud("rong-secret"), c.apps().get(1).secrets());
    assertEquals(new AppSecrets.Netease("nim-secret"), c.apps().get(2).secrets());
    assertEquals(new AppSecrets.Yuntongxun("sid", "auth", "apptoken", false), c.apps().get(3).secrets());
    assertEquals(List.of(VendorKind.TENCENT, VendorKind.RONGCLOUD, VendorKind.NETEASE, VendorKind.YUNTONGXUN),
        c.apps().stream().map(App::vendor).toList());
  }

  @Test
  @DisplayName("each problem is one line naming the key")
  void problemsNameTheKey() {
    assertEquals("apps: a deployment needs at least one app (the sandbox's dev apps exist only without --config)",
        problem("bind: 127.0.0.1\n"));
    assertEquals("apps[0].key: is required", problem("apps:\n  - id: \"1400123456\"\n    vendor: tencent\n"));
    assertEquals("apps[0].vendor: must be one of tencent, rongcloud, netease, yuntongxun, not 'wechat'",
        problem("apps:\n  - id: \"1\"\n    vendor: wechat\n    key: k\n"));
    assertEquals("ports.tcp: must be a port number 0-65535 (0 picks a free port), not '70000'",
        problem("ports: {tcp: 70000}\n" + APP));
    assertEquals("store.sync: must be 'fsync' or 'none', not 'sometimes'", problem("store: {sync: sometimes}\n" + APP));
    assertEquals("apps[0].limits.maxMessageBytes: must be a positive whole number, not '-1'",
        problem(APP + "    limits: {maxMessageBytes: -1}\n"));
    assertEquals("apps[0].limits.maxMessageBytes: must be smaller than limits.maxFrameBytes",
        problem("limits: {maxFrameBytes: 1000}\n" + APP + "    limits: {maxMessageBytes: 1000}\n"));
    assertEquals("apps[0].appSecret: is required", problem("apps:\n  - id: nim\n    vendor: netease\n"));
    assertEquals("apps[0].key: unknown key (expected one of id, vendor, limits, callback, appSecret)",
        problem("apps:\n  - id: rong\n    vendor: rongcloud\n    key: k\n"));
    assertEquals("apps[0].anyAccountLogin: must be true or false, not 'maybe'", problem(
        "apps:\n  - {id: y, vendor: yuntongxun, accountSid: s, authToken: a, appToken: t, anyAccountLogin: maybe}\n"));
    assertEquals("apps[0].id: an app id must be 1-64 letters, digits, '_', '-' or '.', not \"a b\"",
        problem("apps:\n  - {id: \"a b\", vendor: netease, appSecret: s}\n"));
    assertEquals("apps[0].callback.url: must be an http or https URL",
        problem(APP + "    callback: {url: \"ftp://x\"}\n"));
    assertEquals("loginThrottle.userBurst: must be a positive whole number, not '0'",
        problem("loginThrottle: {userBurst: 0}\n" + APP));
    assertEquals("heartbeat.maxMs: must not be smaller than heartbeat.minMs",
        problem("heartbeat: {minMs: 5000, maxMs: 1000}\n" + APP));
    assertEquals("colour: unknown key (expected one of bind, dataDir, ports, store, limits, heartbeat, loginThrottle, tls, apps)",
        problem("colour: blue\n" + APP));
    assertEquals("apps[1].id: app '1400123456' is listed twice", problem(APP + "  - id: \"1400123456\"\n    vendor: tencent\n    key: x\n"));
    assertEquals("(file): not valid YAML at line 1", problem("apps: [\n"));
  }

  @Test
  @DisplayName("tls names a deployment's PEM certificate and key; without it a deployment serves no HTTPS")
  void tls(@TempDir Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("server.crt"), "pem");
    Path key = Files.writeString(dir.resolve("server.key"), "pem");
    ServerConfig c = ConfigLoader.parse("tls: {certificate: " + cert + ", privateKey: " + key + "}\n" + APP);
    assertEquals(Optional.of(new ServerConfig.Tls(cert, key)), c.tls());
    assertEquals(Optional.empty(), ConfigLoader.parse(APP).tls());
  }

  @Test
  @DisplayName("a tls file that cannot be read, or a tls key left out, is one line naming the key")
  void tlsProblems(@TempDir Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("server.crt"), "pem");
    Path missing = dir.resolve("nope.key");
    assertEquals("tls.privateKey: cannot read the file " + missing,
        problem("tls: {certificate: " + cert + ", privateKey: " + missing + "}\n" + APP));
    assertEquals("tls.certificate: cannot read the file " + dir,
        problem("tls: {certificate: " + dir + ", privateKey: " + cert + "}\n" + APP));
    assertEquals("tls.privateKey: is required", problem("tls: {certificate: " + cert + "}\n" + APP));
    assertEquals("tls.key: unknown key (expected one of certificate, privateKey)",
        problem("tls: {certificate: " + cert + ", key: " + cert + "}\n" + APP));
  }

  @Test
  @DisplayName("secrets never show in an app's printed form nor in a config error")
  void secretsHidden() throws Exception {
    ServerConfig c = ConfigLoader.parse("apps:\n  - id: \"1400123456\"\n    vendor: tencent\n    key: super-secret-key\n");
    assertFalse(c.toString().contains("super-secret-key"));
    String problem = problem("apps:\n  - {id: \"1\", vendor: tencent, key: super-secret-key, colour: blue}\n");
    assertFalse(problem.contains("super-secret-key"), problem);
  }

  @Test
  @DisplayName("callback settings default to every command, a 2 s Before timeout and fail-open")
  void callbackDefaults() throws Exception {
    CallbackSettings cb = ConfigLoader.parse(APP + "    callback: {url: \"http://127.0.0.1:8080/cb\"}\n").apps().get(0).callback();

    assertEquals(Optional.empty(), cb.commands());
    assertTrue(cb.enabled("State.StateChange"));
    assertEquals(Duration.ofSeconds(2), cb.beforeTimeout());
    assertTrue(cb.failOpen());
  }

  @Test
  @DisplayName("an app may name the commands it takes, its Before timeout and fail-closed")
  void callbackCommands() throws Exception {
    CallbackSettings cb = ConfigLoader.parse(APP + """
            callback:
              url: "http://127.0.0.1:8080/cb"
              commands: [C2C.CallbackBeforeSendMsg, State.StateChange]
              beforeTimeoutMs: 500
              failOpen: false
        """).apps().get(0).callback();

    assertEquals(Optional.of(Set.of("C2C.CallbackBeforeSendMsg", "State.StateChange")), cb.commands());
    assertTrue(cb.enabled("State.StateChange"));
    assertFalse(cb.enabled("C2C.CallbackAfterSendMsg"));
    assertEquals(Duration.ofMillis(500), cb.beforeTimeout());
    assertFalse(cb.failOpen());
  }

  @Test
  @DisplayName("each callback setting problem names its key")
  void callbackProblems() {
    assertEquals("apps[0].callback.commands: must be a list", problem(APP + "    callback: {commands: State.StateChange}\n"));
    assertEquals("apps[0].callback.commands[1]: must be a non-empty value",
        problem(APP + "    callback: {commands: [a, \"\"]}\n"));
    assertEquals("apps[0].callback.beforeTimeoutMs: must be a positive whole number, not '0'",
        problem(APP + "    callback: {beforeTimeoutMs: 0}\n"));
    assertEquals("apps[0].callback.failOpen: must be true or false, not 'sometimes'",
        problem(APP + "    callback: {failOpen: sometimes}\n"));
    assertEquals("apps[0].callback.retries: unknown key (expected one of url, token, commands, beforeTimeoutMs, failOpen)",
        problem(APP + "    callback: {retries: 3}\n"));
  }
}
