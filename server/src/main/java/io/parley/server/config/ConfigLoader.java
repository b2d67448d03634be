package io.parley.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.parley.server.auth.App;
import io.parley.server.auth.VendorKind;
import io.parley.server.store.SyncPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a deployment's YAML config. Keys left out take the sandbox defaults, except apps: a real
 * deployment must name its own. Every problem names its key.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  public static ServerConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("--config", "cannot read " + file + " (" + e.getMessage() + ")");
    }
    return parse(text);
  }

  public static ServerConfig parse(String yaml) throws ConfigException {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new ConfigException("(file)", "not valid YAML" + where);
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException("(file)", "must be a YAML mapping with at least an 'apps' list");
    }
    Node n = new Node("", root);
    n.allowOnly("bind", "dataDir", "ports", "store", "limits", "heartbeat", "apps");
    ServerConfig d = Sandbox.config();

    Node ports = n.object("ports");
    ports.allowOnly("tcp", "ws", "http", "https", "admin");
    ServerConfig.Ports p = new ServerConfig.Ports(
        ports.port("tcp", d.ports().tcp()), ports.port("ws", d.ports().ws()), ports.port("http", d.ports().http()),
        ports.port("https", d.ports().https()), ports.port("admin", d.ports().admin()));

    Node store = n.object("store");
    store.allowOnly("sync");
    String sync = store.string("sync", "fsync");
    SyncPolicy policy = switch (sync.toLowerCase(Locale.ROOT)) {
      case "fsync" -> SyncPolicy.FSYNC;
      case "none" -> SyncPolicy.NONE;
      default -> throw new ConfigException("store.sync", "must be 'fsync' or 'none', not '" + sync + "'");
    };

    Node limits = n.object("limits");
    limits.allowOnly("maxFrameBytes", "maxMessageBytes", "sendsPerSecond", "sendBurst", "loginTimeoutMs");
    ServerConfig.Limits dl = d.limits();
    ServerConfig.Limits l = new ServerConfig.Limits(
        limits.positiveInt("maxFrameBytes", dl.maxFrameBytes()),
        limits.positiveInt("maxMessageBytes", dl.maxMessageBytes()),
        limits.positiveInt("sendsPerSecond", dl.sendsPerSecond()),
        limits.positiveInt("sendBurst", dl.sendBurst()),
        limits.positiveInt("loginTimeoutMs", dl.loginTimeoutMs()));
    if (l.maxMessageBytes() >= l.maxFrameBytes()) {
      throw new ConfigException("limits.maxMessageBytes", "must be smaller than limits.maxFrameBytes");
    }

    Node hb = n.object("heartbeat");
    hb.allowOnly("minMs", "maxMs", "graceMs");
    ServerConfig.Heartbeat h = new ServerConfig.Heartbeat(
        hb.positiveInt("minMs", d.heartbeat().minMs()),
        hb.positiveInt("maxMs", d.heartbeat().maxMs()),
        hb.positiveInt("graceMs", d.heartbeat().graceMs()));
    if (h.maxMs() < h.minMs()) {
      throw new ConfigException("heartbeat.maxMs", "must not be smaller than heartbeat.minMs");
    }

    List<App> apps = apps(n);
    return new ServerConfig(
        n.string("bind", d.bind()), Path.of(n.string("dataDir", d.dataDir().toString())), p, policy, l, h, apps, false);
  }

  private static List<App> apps(Node root) throws ConfigException {
    JsonNode list = root.node.get("apps");
    if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
      throw new ConfigException("apps", "a deployment needs at least one app (the sandbox's dev apps exist only without --config)");
    }
    if (!list.isArray()) {
      throw new ConfigException("apps", "must be a list");
    }
    List<App> apps = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Node a = new Node("apps[" + i + "].", list.get(i));
      if (!list.get(i).isObject()) {
        throw new ConfigException("apps[" + i + "]", "must be a mapping with id, vendor and key");
      }
      a.allowOnly("id", "vendor", "key", "adminIdentifier");
      String id = a.required("id");
      String vendorName = a.required("vendor");
      VendorKind vendor;
      try {
        vendor = VendorKind.valueOf(vendorName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(a.key("vendor"), "must be one of tencent, rongcloud, netease, yuntongxun, not '" + vendorName + "'");
      }
      if (vendor != VendorKind.TENCENT) {
        throw new ConfigException(a.key("vendor"), "'" + vendorName + "' apps are not supported yet (only tencent)");
      }
      if (!id.matches("[1-9][0-9]{0,18}")) {
        throw new ConfigException(a.key("id"), "a Tencent app id is its SDKAppID, a positive number");
      }
      String key = a.required("key");
      if (!ids.add(id)) {
        throw new ConfigException(a.key("id"), "app '" + id + "' is listed twice");
      }
      apps.add(new App(id, vendor, key, a.string("adminIdentifier", Sandbox.TENCENT_ADMIN)));
    }
    return apps;
  }

  /** A position in the YAML tree that knows its dotted key for error messages. */
  private record Node(String prefix, JsonNode node) {
    String key(String field) {
      return prefix + field;
    }

    void allowOnly(String... fields) throws ConfigException {
      Set<String> allowed = Set.of(fields);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!allowed.contains(f)) {
          throw new ConfigException(key(f), "unknown key (expected one of " + String.join(", ", fields) + ")");
        }
      }
    }

    Node object(String field) throws ConfigException {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return new Node(key(field) + ".", YAML.createObjectNode());
      }
      if (!v.isObject()) {
        throw new ConfigException(key(field), "must be a mapping");
      }
      return new Node(key(field) + ".", v);
    }

    String string(String field, String dflt) throws ConfigException {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return dflt;
      }
      if (!v.isValueNode() || v.asText().isBlank()) {
        throw new ConfigException(key(field), "must be a non-empty value");
      }
      return v.asText();
    }

    String required(String field) throws ConfigException {
      String v = string(field, null);
      if (v == null) {
        throw new ConfigException(key(field), "is required");
      }
      return v;
    }

    int positiveInt(String field, int dflt) throws ConfigException {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return dflt;
      }
      if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() <= 0) {
        throw new ConfigException(key(field), "must be a positive whole number, not '" + v.asText() + "'");
      }
      return v.asInt();
    }

    int port(String field, int dflt) throws ConfigException {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return dflt;
      }
      if (!v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > 65535) {
        throw new ConfigException(key(field), "must be a port number 0-65535 (0 picks a free port), not '" + v.asText() + "'");
      }
      return v.asInt();
    }
  }
}
