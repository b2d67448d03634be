package io.parley.server.vendor;

import io.parley.server.account.SecretBox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.KickReason;
import io.parley.protocol.v1.Platform;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.CallbackSettings;
import io.parley.server.config.Sandbox;
import io.parley.server.session.Session;
import io.parley.server.session.SessionRegistry;
import io.parley.server.session.UserKey;
import io.parley.server.store.CommitListener;
import io.parley.server.store.Store;
import io.parley.server.store.StoreOptions;
import io.parley.server.support.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * A real store in a temp dir with its master key beside it, a real session registry and a test clock: what
 * {@link Accounts} runs on in the server. Reopening keeps the sessions and the clock.
 */
final class Harness implements AutoCloseable {

  static final Instant START = Instant.parse("2024-03-01T16:30:05Z");

  final Path dir;
  final SessionRegistry sessions = new SessionRegistry();
  final MutableClock clock = new MutableClock(START);
  private final AtomicLong sessionIds = new AtomicLong();
  Store store;
  SecretBox box;
  Accounts accounts;

  Harness(Path dir) {
    this.dir = dir;
    open();
  }

  Path dataDir() {
    return dir.resolve("data");
  }

  Path keyFile() {
    return dir.resolve("keys").resolve("accounts.key");
  }

  /** Closes the store and opens it again, with the SecretBox read back from the same key file. */
  void reopen() {
    close();
    open();
  }

  /** A live session of {@code userId} in {@code app}, over an embedded channel. */
  EmbeddedChannel login(App app, String userId) {
    EmbeddedChannel channel = new EmbeddedChannel();
    sessions.register(new Session(sessionIds.incrementAndGet(), app, new UserKey(app.id(), userId),
        userId + "-phone", Platform.ANDROID, channel, null));
    return channel;
  }

  /** Every key and value of every column family, read raw from RocksDB with the store closed (then reopened). */
  List<byte[]> rawBytes() throws RocksDBException {
    close();
    List<byte[]> out = new ArrayList<>();
    try (Options options = new Options(); DBOptions dbOptions = new DBOptions()) {
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : RocksDB.listColumnFamilies(options, dataDir().toString())) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (RocksDB db = RocksDB.openReadOnly(dbOptions, dataDir().toString(), descriptors, handles)) {
        for (ColumnFamilyHandle handle : handles) {
          try (RocksIterator it = db.newIterator(handle)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
              out.add(it.key());
              out.add(it.value());
            }
          }
          handle.close();
        }
      }
    }
    open();
    return out;
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  private void open() {
    store = Store.open(dataDir(), StoreOptions.defaults(), CommitListener.NONE);
    try {
      box = SecretBox.openOrCreate(keyFile());
    } catch (IOException e) {
      store.close();
      throw new UncheckedIOException(e);
    }
    accounts = new Accounts(store.accounts(), box, sessions, clock);
  }

  /** A second app of the same vendor as {@code app}, with its own id and the same kind of secrets. */
  static App otherApp(App app) {
    AppSecrets secrets = app.secrets();
    String id = switch (app.vendor()) {
      case TENCENT -> "1400000001";
      case RONGCLOUD -> "other-rong";
      case NETEASE -> "other-nim";
      case YUNTONGXUN -> "otherappid";
    };
    return new App(id, app.vendor(), secrets, Sandbox.APP_LIMITS, CallbackSettings.NONE);
  }

  /** Runs the channel's pending tasks, then asserts it was sent one Kick with {@code reason} and was closed. */
  static void assertKicked(EmbeddedChannel channel, KickReason reason) {
    channel.runPendingTasks();
    Frame frame = channel.readOutbound();
    assertNotNull(frame, "the session received no frame");
    assertTrue(frame.hasKick(), "expected a Kick, got " + frame);
    assertEquals(reason, frame.getKick().getReason());
    assertFalse(frame.getKick().getMessage().isEmpty(), "a kick says why");
    assertFalse(channel.isOpen(), "the kicked session's channel is closed");
  }

  /** Runs the channel's pending tasks, then asserts nothing was sent and the channel is still open. */
  static void assertNotKicked(EmbeddedChannel channel) {
    channel.runPendingTasks();
    assertNull(channel.readOutbound(), "the session received a frame");
    assertTrue(channel.isOpen(), "the session's channel is still open");
  }
}
