package io.parley.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.internal.PlatformDependent;
import io.parley.protocol.v1.KickReason;
import io.parley.server.account.AccountException;
import io.parley.server.admin.AdminAction;
import io.parley.server.admin.AdminResponse;
import io.parley.server.admin.AdminServer;
import io.parley.server.admin.AdminToken;
import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.auth.AuthService;
import io.parley.server.auth.LoginThrottle;
import io.parley.server.config.ConfigException;
import io.parley.server.configfile.ConfigLoader;
import io.parley.server.config.ConfigReload;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;
import io.parley.server.gateway.Gateway;
import io.parley.server.gateway.GatewayContext;
import io.parley.server.gateway.IdleWatchdog;
import io.parley.server.gateway.GatewayCounters;
import io.parley.server.gateway.ReplyBudget;
import io.parley.server.gateway.StateCallbacks;
import io.parley.server.callback.CallbackOptions;
import io.parley.server.callback.CallbackStats;
import io.parley.server.callback.Callbacks;
import io.parley.server.app.VendorKind;
import io.parley.server.gateway.RequestLanes;
import io.parley.server.metrics.RateLimitedLog;
import io.parley.server.http.RestListeners;
import io.parley.server.vendor.RestContext;
import io.parley.server.vendor.Vendors;
import io.parley.server.messaging.GroupServices;
import io.parley.server.messaging.SendFlow;
import io.parley.server.messaging.SendService;
import io.parley.server.session.Session;
import io.parley.server.session.SessionRegistry;
import io.parley.server.store.Store;
import io.parley.server.store.StoreOptions;
import io.parley.server.store.StoreStats;
import io.parley.server.sync.PushDispatcher;
import io.parley.server.sync.TimelineDelivery;
import io.parley.server.sync.TimelineSync;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Parley server: wires the store, auth, sessions and listeners together, and stops them in order. */
public final class ParleyServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ParleyServer.class);

  private final ServerConfig config;
  private final Optional<Path> configFile;
  private final AuthService auth;
  private final ServerServices services;
  private final Store store;
  private final SessionRegistry sessions;
  private final RequestLanes lanes;
  private final SendService sends;
  private final GroupServices groups;
  private final ReplyBudget replies;
  private final GatewayCounters counters = new GatewayCounters();
  private final Callbacks callbacks = new Callbacks(Vendors.callbackFormats(), CallbackOptions.DEFAULTS);
  private final IdleWatchdog idle;
  private final Gateway gateway;
  private final AdminServer admin;
  private RestListeners rest;

  private ParleyServer(ServerConfig config, Optional<Path> configFile) throws Exception {
    this.config = config;
    this.configFile = configFile;
    Files.createDirectories(config.dataDir());
    this.sessions = new SessionRegistry();
    StoreOptions defaults = StoreOptions.defaults();
    this.store = Store.open(config.dataDir().resolve("store"),
        new StoreOptions(config.syncPolicy(), defaults.maxBatch(), defaults.maxQueuedAppends()),
        new PushDispatcher(sessions));
    this.lanes = RequestLanes.create();
    this.sends = new SendService(store.writer());
    this.replies = new ReplyBudget(GatewayContext.REPLY_BUDGET_BYTES);
    this.idle = new IdleWatchdog();
    AppRegistry apps = new AppRegistry(config.apps());
    this.services = ServerServices.forServer(config, store, sessions, apps);
    if (config.sandbox()) {
      seedSandbox();
    }
    this.auth = Vendors.authService(apps, new LoginThrottle(config.loginThrottle(), Clock.systemUTC()),
        services.accounts(), lanes.logins(), Clock.systemUTC(), 100_000);
    SendFlow sendFlow = new SendFlow(sends, callbacks, Vendors.messageFormats(), Clock.systemUTC());
    RateLimitedLog refusals = new RateLimitedLog();
    this.groups = GroupServices.create(store, sessions, apps, config.limits().groupWriteFanOut(),
        GatewayContext.PAGE, Clock.systemUTC(), callbacks, Vendors.messageFormats());
    GatewayContext ctx = new GatewayContext(config, auth, sendFlow, sessions, lanes, idle,
        refusals, replies, new TimelineSync(store, lanes.reads(), GatewayContext.PAGE, refusals), groups, counters,
        new StateCallbacks(callbacks, Clock.systemUTC()),
        new AtomicLong(System.currentTimeMillis() << 16));
    this.gateway = new Gateway(ctx);
    this.admin = new AdminServer(this::metricsJson, AdminToken.readOrCreate(config.dataDir()),
        adminActions(new CredentialActions(services)));
  }

  private Map<String, AdminAction> adminActions(CredentialActions credentials) {
    return Map.of("/admin/reload", params -> reloadAction(), "/admin/credential", credentials::issue,
        "/admin/doctor", credentials::doctor);
  }

  /** The sandbox's NetEase dev app gets alice with a known token, so that the banner can print a working login. */
  private void seedSandbox() {
    try {
      services.accounts().createNeteaseAccount(Sandbox.neteaseApp(), "alice", Optional.of(Sandbox.NETEASE_ALICE_TOKEN));
    } catch (AccountException alreadyThere) {
      // seeded by an earlier run (and perhaps changed since: that is the developer's business)
    }
  }

  /** Opens the store and binds every listener; ports of 0 are resolved by the time this returns. */
  public static ParleyServer start(ServerConfig config) throws Exception {
    return start(config, Optional.empty());
  }

  /**
   * Like {@link #start(ServerConfig)}, for a config read from {@code configFile}, which {@link #reloadConfig()}
   * reads again.
   */
  public static ParleyServer start(ServerConfig config, Optional<Path> configFile) throws Exception {
    ParleyServer s = new ParleyServer(config, configFile);
    try {
      s.gateway.start();
      s.admin.start(config.bind(), config.ports().admin());
      s.rest = RestListeners.start(config, Vendors.router(s.restContext()));
      s.writePortsFile();
    } catch (Exception e) {
      s.close();
      throw e;
    }
    return s;
  }

  private RestContext restContext() {
    return new RestContext(auth.apps(), services.accounts(), services.issuer(), sessions, store, callbacks, groups,
        Clock.systemUTC());
  }

  public ServerConfig config() {
    return config;
  }

  /**
   * Reads the config file again and applies its apps without a restart: new apps are hosted at once, changed ones
   * take effect for new logins, and the sessions of removed apps are kicked with APP_REMOVED. Other settings wait
   * for a restart and are reported as such.
   *
   * @throws ConfigException when the server runs without a config file or the file is invalid (nothing changes)
   */
  public synchronized ConfigReload reloadConfig() throws ConfigException {
    Path file = configFile.orElseThrow(() -> new ConfigException("--config",
        "this server runs the sandbox without a config file, so there is nothing to reload"));
    ServerConfig next = ConfigLoader.load(file);
    AppRegistry.Changes changes = auth.apps().replace(next.apps());
    auth.appsChanged(changes);
    int kicked = 0;
    for (App app : changes.removed()) {
      kicked += sessions.kickApp(app.id(), KickReason.APP_REMOVED, "app " + app.id() + " was removed from this server");
    }
    ConfigReload report = new ConfigReload(ids(changes.added()), ids(changes.changed()), ids(changes.removed()), kicked,
        ConfigReload.settingsNeedingRestart(config, next));
    LOG.info("config reloaded from {}: apps added {}, changed {}, removed {} ({} sessions kicked){}", file,
        report.added(), report.changed(), report.removed(), kicked,
        report.needRestart().isEmpty() ? "" : "; changed settings that need a restart: " + report.needRestart());
    return report;
  }

  private static List<String> ids(List<App> apps) {
    return apps.stream().map(App::id).toList();
  }

  private AdminResponse reloadAction() {
    ConfigReload r;
    try {
      r = reloadConfig();
    } catch (ConfigException e) {
      return AdminResponse.error(409, e.getMessage());
    }
    ObjectNode body = AdminResponse.object();
    body.putPOJO("added", r.added());
    body.putPOJO("changed", r.changed());
    body.putPOJO("removed", r.removed());
    body.put("kickedSessions", r.kickedSessions());
    body.putPOJO("needRestart", r.needRestart());
    return AdminResponse.ok(body);
  }

  public int tcpPort() {
    return gateway.tcpPort();
  }

  public int wsPort() {
    return gateway.wsPort();
  }

  public int adminPort() {
    return admin.port();
  }

  /** Vendor REST over HTTP. */
  public int httpPort() {
    return rest.httpPort();
  }

  /** Vendor REST over HTTPS, or empty for a deployment whose config names no {@code tls} files. */
  public OptionalInt httpsPort() {
    return rest.httpsPort();
  }

  /** Vendor accounts, the credential issuer and the doctor over this server's store. */
  public ServerServices services() {
    return services;
  }

  /** Bytes the server has written to client connections that their sockets have not taken yet. */
  public long queuedOutputBytes() {
    return gateway.queuedOutputBytes();
  }

  /** What the gateway did to protect itself (slow consumers kicked). */
  public GatewayCounters gatewayCounters() {
    return counters;
  }

  /** Timeline pages built for pulls and not yet written, server-wide. */
  public ReplyBudget replies() {
    return replies;
  }

  public SessionRegistry sessions() {
    return sessions;
  }

  public Store store() {
    return store;
  }

  /** {@code <data-dir>/ports.json}: the ports actually bound, for scripts and tests. */
  private void writePortsFile() throws IOException {
    String json = "{\"tcp\":" + tcpPort() + ",\"ws\":" + wsPort() + ",\"admin\":" + adminPort()
        + ",\"http\":" + httpPort() + ",\"https\":" + (httpsPort().isPresent() ? httpsPort().getAsInt() : "null")
        + ",\"bind\":\"" + config.bind() + "\",\"pid\":" + ProcessHandle.current().pid() + "}\n";
    Path tmp = config.dataDir().resolve("ports.json.tmp");
    Files.writeString(tmp, json);
    Files.move(tmp, config.dataDir().resolve("ports.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** This JVM's flags, JSON-escaped once, so that every bench report records how the server ran. */
  private static final String JVM_ARGS = String.join(" ",
          java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
      .replace("\\", "\\\\").replace("\"", "\\\"");

  private String metricsJson() {
    StoreStats s = store.stats();
    Runtime rt = Runtime.getRuntime();
    return "{\"sessions\":" + sessions.size()
        + ",\"store\":{\"appends\":" + s.appends() + ",\"duplicates\":" + s.duplicates()
        + ",\"batches\":" + s.batches() + ",\"syncs\":" + s.syncs() + "}"
        + ",\"deliveryStoreReads\":" + TimelineDelivery.storeReads()
        + ",\"pendingReplyBytes\":" + replies.usedBytes()
        + ",\"queuedOutputBytes\":" + gateway.queuedOutputBytes()
        + ",\"slowConsumerKicks\":" + counters.slowConsumerKicks()
        + callbacksJson()
        + ",\"heapUsedBytes\":" + (rt.totalMemory() - rt.freeMemory())
        + ",\"directMemoryBytes\":" + directMemoryBytes()
        + ",\"syncPolicy\":\"" + config.syncPolicy().name().toLowerCase() + "\""
        + ",\"jvmArgs\":\"" + JVM_ARGS + "\"}";
  }

  private String callbacksJson() {
    CallbackStats c = callbacks.stats();
    return ",\"callbacks\":{\"sent\":" + c.sent() + ",\"failed\":" + c.failed() + ",\"dropped\":" + c.dropped()
        + ",\"retried\":" + c.retried() + ",\"beforeUnanswered\":" + c.beforeUnanswered() + ",\"queued\":"
        + c.queued() + ",\"inFlight\":" + c.inFlight() + "}";
  }

  /** JDK direct buffers (the "direct" pool) plus Netty's own direct memory when it counts it. */
  private static long directMemoryBytes() {
    long used = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if ("direct".equals(pool.getName())) {
        used += Math.max(0, pool.getMemoryUsed());
      }
    }
    long netty = PlatformDependent.usedDirectMemory();
    return netty >= 0 ? used + netty : used;
  }

  /** Tells every device the server is going away, then stops listeners, drains the store and closes it. */
  @Override
  public void close() {
    for (Session s : sessions.all()) {
      s.kick(KickReason.SERVER_SHUTDOWN, "the server is shutting down");
    }
    gateway.close();
    admin.close();
    callbacks.close();
    if (rest != null) {
      rest.close();
    }
    idle.close();
    lanes.close();
    if (groups != null) {
      groups.close();
    }
    store.close();
  }
}
