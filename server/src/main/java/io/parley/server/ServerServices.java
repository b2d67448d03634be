package io.parley.server;

import io.parley.server.vendor.Vendors;

import io.parley.server.vendor.Accounts;
import io.parley.server.account.SecretBox;
import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.auth.AuthService;
import io.parley.server.auth.CredentialIssuer;
import io.parley.server.auth.LoginThrottle;
import io.parley.server.config.DataDir;
import io.parley.server.config.ServerConfig;
import io.parley.server.doctor.CredentialDoctor;
import io.parley.server.session.SessionRegistry;
import io.parley.server.store.CommitListener;
import io.parley.server.store.Store;
import io.parley.server.store.StoreOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The account services over one data directory: vendor accounts, the credential issuer and the credential doctor.
 * The server builds them over its open store; the command-line tools open the store themselves when no server runs.
 */
public final class ServerServices implements AutoCloseable {
  /** A throttle for the doctor's own checks, which must never count against real users. */
  private static final ServerConfig.LoginThrottle UNTHROTTLED =
      new ServerConfig.LoginThrottle(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

  private final AppRegistry apps;
  private final Accounts accounts;
  private final CredentialIssuer issuer;
  private final CredentialDoctor doctor;
  private final Store ownedStore;

  private ServerServices(AppRegistry apps, Accounts accounts, Store ownedStore) {
    Clock clock = Clock.systemUTC();
    this.apps = apps;
    this.accounts = accounts;
    this.ownedStore = ownedStore;
    this.issuer = Vendors.issuer(accounts, clock);
    AuthService unthrottled = Vendors.authService(apps, new LoginThrottle(UNTHROTTLED, clock), accounts, Runnable::run,
        clock, 1_000);
    this.doctor = new CredentialDoctor(apps, unthrottled, Vendors.doctors(accounts), clock, ZoneId.systemDefault());
  }

  /** The services of a running server, over its store, sessions and live app registry. */
  static ServerServices forServer(ServerConfig config, Store store, SessionRegistry sessions, AppRegistry apps)
      throws IOException {
    Accounts accounts = new Accounts(store.accounts(), SecretBox.openOrCreate(DataDir.accountKey(config.dataDir())),
        sessions, Clock.systemUTC());
    return new ServerServices(apps, accounts, null);
  }

  /**
   * Services for a command-line tool that needs no account (Tencent UserSigs, Rongcloud tokens, Yuntongxun
   * any-account logins): nothing is opened, and Rongcloud revocations are not looked at.
   */
  public static ServerServices withoutStore(ServerConfig config) {
    return new ServerServices(new AppRegistry(config.apps()), null, null);
  }

  /** Opens the config's data directory for a command-line tool; closing the services closes the store. */
  public static ServerServices openForTools(ServerConfig config) throws IOException {
    Store store = Store.open(DataDir.store(config.dataDir()), StoreOptions.defaults(), CommitListener.NONE);
    try {
      Accounts accounts = new Accounts(store.accounts(), SecretBox.openOrCreate(DataDir.accountKey(config.dataDir())),
          new SessionRegistry(), Clock.systemUTC());
      return new ServerServices(new AppRegistry(config.apps()), accounts, store);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The hosted app with this id. @throws IllegalArgumentException when there is none */
  public App app(String appId) {
    return apps.find(appId).orElseThrow(() -> new IllegalArgumentException("no app \"" + appId + "\" is hosted here"));
  }

  public Accounts accounts() {
    return accounts;
  }

  public CredentialIssuer issuer() {
    return issuer;
  }

  public CredentialDoctor doctor() {
    return doctor;
  }

  @Override
  public void close() {
    if (ownedStore != null) {
      ownedStore.close();
    }
  }
}
