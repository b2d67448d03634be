package io.parley.server.configfile;

import io.parley.server.config.ConfigException;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;

import io.parley.server.app.SecretSettings;
import io.parley.server.vendor.Vendor;
import io.parley.server.vendor.Vendors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.CallbackSettings;
import io.parley.server.app.VendorKind;
import io.parley.server.store.MessageWriter;
import io.parley.server.store.SyncPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    n.allowOnly("bind", "dataDir", "ports", "store", "limits", "heartbeat", "loginThrottle", "tls", "apps");
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
    limits.allowOnly("maxFrameBytes", "loginTimeoutMs", "slowConsumerMs", "groupWriteFanOut");
    int fanOut = limits.positiveInt("groupWriteFanOut", d.limits().groupWriteFanOut());
    if (fanOut > MessageWriter.MAX_TIMELINES) {
      throw new ConfigException("limits.groupWriteFanOut", "must be at most " + MessageWriter.MAX_TIMELINES
          + " (larger groups are read from their own timeline), not " + fanOut);
    }
    ServerConfig.Limits l = new ServerConfig.Limits(
        limits.positiveInt("maxFrameBytes", d.limits().maxFrameBytes()),
        limits.positiveInt("loginTimeoutMs", d.limits().loginTimeoutMs()),
        limits.positiveInt("slowConsumerMs", d.limits().slowConsumerMs()), fanOut);

    Node throttle = n.object("loginThrottle");
    throttle.allowOnly("addressBurst", "addressPerMinute", "userBurst", "userPerMinute");
    ServerConfig.LoginThrottle dt = d.loginThrottle();
    ServerConfig.LoginThrottle t = new ServerConfig.LoginThrottle(
        throttle.positiveInt("addressBurst", dt.addressBurst()),
        throttle.positiveInt("addressPerMinute", dt.addressPerMinute()),
        throttle.positiveInt("userBurst", dt.userBurst()),
        throttle.positiveInt("userPerMinute", dt.userPerMinute()));

    Node hb = n.object("heartbeat");
    hb.allowOnly("minMs", "maxMs", "graceMs");
    ServerConfig.Heartbeat h = new ServerConfig.Heartbeat(
        hb.positiveInt("minMs", d.heartbeat().minMs()),
        hb.positiveInt("maxMs", d.heartbeat().maxMs()),
        hb.positiveInt("graceMs", d.heartbeat().graceMs()));
    if (h.maxMs() < h.minMs()) {
      throw new ConfigException("heartbeat.maxMs", "must not be smaller than heartbeat.minMs");
    }

    List<App> apps = apps(n, l);
    return new ServerConfig(n.string("bind", d.bind()), Path.of(n.string("dataDir", d.dataDir().toString())), p, policy,
        l, h, t, apps, false, tls(n));
  }

  /** {@code tls: {certificate: PATH, privateKey: PATH}} (PEM files); absent, a deployment serves no HTTPS. */
  private static Optional<ServerConfig.Tls> tls(Node root) throws ConfigException {
    if (root.node.get("tls") == null || root.node.get("tls").isNull()) {
      return Optional.empty();
    }
    Node tls = root.object("tls");
    tls.allowOnly("certificate", "privateKey");
    return Optional.of(new ServerConfig.Tls(tls.readableFile("certificate"), tls.readableFile("privateKey")));
  }

  private static List<App> apps(Node root, ServerConfig.Limits serverLimits) throws ConfigException {
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
      if (!list.get(i).isObject()) {
        throw new ConfigException("apps[" + i + "]", "must be a mapping with at least id and vendor");
      }
      Node a = new Node("apps[" + i + "].", list.get(i));
      App app = app(a, serverLimits);
      if (!ids.add(app.id())) {
        throw new ConfigException(a.key("id"), "app '" + app.id() + "' is listed twice");
      }
      apps.add(app);
    }
    return apps;
  }

  private static App app(Node a, ServerConfig.Limits serverLimits) throws ConfigException {
    String vendorName = a.required("vendor");
    VendorKind vendor = Arrays.stream(VendorKind.values())
        .filter(v -> v.configName().equals(vendorName.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new ConfigException(a.key("vendor"),
            "must be one of tencent, rongcloud, netease, yuntongxun, not '" + vendorName + "'"));
    Vendor v = Vendors.of(vendor);
    List<String> allowed = new ArrayList<>(List.of("id", "vendor", "limits", "callback"));
    allowed.addAll(v.secretKeys());
    a.allowOnly(allowed.toArray(String[]::new));
    String id = a.required("id");
    Optional<String> idProblem = vendor.idProblem(id);
    if (idProblem.isPresent()) {
      throw new ConfigException(a.key("id"), idProblem.get());
    }
    AppSecrets secrets = v.secrets(a);

    Node limits = a.object("limits");
    limits.allowOnly("maxMessageBytes", "maxGroupMembers", "sendsPerSecond", "sendBurst");
    AppLimits dl = Sandbox.APP_LIMITS;
    AppLimits l = new AppLimits(
        limits.positiveInt("maxMessageBytes", dl.maxMessageBytes()),
        limits.positiveInt("maxGroupMembers", dl.maxGroupMembers()),
        limits.positiveInt("sendsPerSecond", dl.sendsPerSecond()),
        limits.positiveInt("sendBurst", dl.sendBurst()));
    if (l.maxMessageBytes() >= serverLimits.maxFrameBytes()) {
      throw new ConfigException(limits.key("maxMessageBytes"), "must be smaller than limits.maxFrameBytes");
    }

    Node cb = a.object("callback");
    cb.allowOnly("url", "token", "commands", "beforeTimeoutMs", "failOpen");
    String url = cb.string("url", null);
    Optional<URI> uri = Optional.empty();
    if (url != null) {
      try {
        uri = Optional.of(new URI(url));
      } catch (URISyntaxException e) {
        throw new ConfigException(cb.key("url"), "is not a valid URL");
      }
      if (!"http".equals(uri.get().getScheme()) && !"https".equals(uri.get().getScheme())) {
        throw new ConfigException(cb.key("url"), "must be an http or https URL");
      }
    }
    CallbackSettings callback = new CallbackSettings(uri, Optional.ofNullable(cb.string("token", null)),
        cb.stringList("commands").map(Set::copyOf),
        Duration.ofMillis(cb.positiveInt("beforeTimeoutMs", (int) CallbackSettings.DEFAULT_BEFORE_TIMEOUT.toMillis())),
        cb.bool("failOpen", true));
    return new App(id, vendor, secrets, l, callback);
  }

  /** A position in the YAML tree that knows its dotted key for error messages. */
  private record Node(String prefix, JsonNode node) implements SecretSettings<ConfigException> {
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

    @Override
    public String string(String field, String dflt) throws ConfigException {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return dflt;
      }
      if (!v.isValueNode() || v.asText().isBlank()) {
        throw new ConfigException(key(field), "must be a non-empty value");
      }
      return v.asText();
    }

    /** A list of non-empty strings, or empty when the key is absent. */
    Optional<List<String>> stringList(String field) throws ConfigException {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (!v.isArray()) {
        throw new ConfigException(key(field), "must be a list");
      }
      List<String> values = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
          throw new ConfigException(key(field) + "[" + i + "]", "must be a non-empty value");
        }
        values.add(item.asText());
      }
      return Optional.of(values);
    }

    @Override
    public String required(String field) throws ConfigException {
      String v = string(field, null);
      if (v == null) {
        throw new ConfigException(key(field), "is required");
      }
      return v;
    }

    Path readableFile(String field) throws ConfigException {
      Path file = Path.of(required(field));
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new ConfigException(key(field), "cannot read the file " + file.toAbsolutePath().normalize());
      }
      return file;
    }

    @Override
    public boolean bool(String field, boolean dflt) throws ConfigException {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return dflt;
      }
      if (!v.isBoolean()) {
        throw new ConfigException(key(field), "must be true or false, not '" + v.asText() + "'");
      }
      return v.asBoolean();
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
