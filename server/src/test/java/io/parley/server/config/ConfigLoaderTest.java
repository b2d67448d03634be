package io.parley.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.server.store.SyncPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
    assertEquals("administrator", c.apps().get(0).adminIdentifier());
  }

  @Test
  @DisplayName("every setting can be given")
  void full() throws Exception {
    ServerConfig c = ConfigLoader.parse("""
        bind: 0.0.0.0
        dataDir: /var/lib/parley
        ports: {tcp: 1, ws: 2, http: 3, https: 4, admin: 0}
        store: {sync: none}
        limits: {maxFrameBytes: 100000, maxMessageBytes: 5000, sendsPerSecond: 10, sendBurst: 20, loginTimeoutMs: 500}
        heartbeat: {minMs: 1000, maxMs: 2000, graceMs: 10}
        """ + APP);
    assertEquals("0.0.0.0", c.bind());
    assertEquals(new ServerConfig.Ports(1, 2, 3, 4, 0), c.ports());
    assertEquals(SyncPolicy.NONE, c.syncPolicy());
    assertEquals(new ServerConfig.Limits(100000, 5000, 10, 20, 500), c.limits());
    assertEquals(new ServerConfig.Heartbeat(1000, 2000, 10), c.heartbeat());
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
    assertEquals("limits.maxMessageBytes: must be a positive whole number, not '-1'",
        problem("limits: {maxMessageBytes: -1}\n" + APP));
    assertEquals("heartbeat.maxMs: must not be smaller than heartbeat.minMs",
        problem("heartbeat: {minMs: 5000, maxMs: 1000}\n" + APP));
    assertEquals("colour: unknown key (expected one of bind, dataDir, ports, store, limits, heartbeat, apps)",
        problem("colour: blue\n" + APP));
    assertEquals("apps[1].id: app '1400123456' is listed twice", problem(APP + "  - id: \"1400123456\"\n    vendor: tencent\n    key: x\n"));
    assertEquals("(file): not valid YAML at line 1", problem("apps: [\n"));
  }

  @Test
  @DisplayName("secrets never show in an app's printed form")
  void secretsHidden() throws Exception {
    ServerConfig c = ConfigLoader.parse("apps:\n  - id: \"1400123456\"\n    vendor: tencent\n    key: super-secret-key\n");
    assertFalse(c.apps().get(0).toString().contains("super-secret-key"));
  }
}
