package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.server.app.VendorKind;
import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.Role;
import io.parley.server.store.CommitListener;
import io.parley.server.store.GroupStore;
import io.parley.server.store.Store;
import io.parley.server.store.StoreOptions;
import io.parley.server.support.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** A real store in a temp dir, a recording event sink, a clock that moves when told, and one app per vendor. */
abstract class GroupsFixture {
  static final String TENCENT = "1400000000";
  static final String NETEASE = "ne-app";
  static final String RONGCLOUD = "rc-app";
  static final String YUNTONGXUN = "ytx-app";

  static final AppKinds KINDS = new AppKinds() {
    private final Map<String, VendorKind> vendors = Map.of(TENCENT, VendorKind.TENCENT, NETEASE, VendorKind.NETEASE,
        RONGCLOUD, VendorKind.RONGCLOUD, YUNTONGXUN, VendorKind.YUNTONGXUN);

    @Override
    public List<GroupKind> kindsOf(String appId) {
      VendorKind v = vendors.get(appId);
      return v == null ? List.of() : VendorAppKinds.kindsOf(v);
    }

    @Override
    public GroupKind usualKind(String appId) {
      return VendorAppKinds.usualKind(vendors.get(appId));
    }
  };

  @TempDir
  Path dir;

  Store store;
  GroupStore groups;
  final RecordingEvents events = new RecordingEvents();
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  GroupService service;

  @BeforeEach
  void openStore() {
    store = Store.open(dir.resolve("data"), StoreOptions.defaults(), CommitListener.NONE);
    groups = store.groups();
    service = new GroupService(groups, events, KINDS, clock, GroupSettings.DEFAULTS);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** A group created by the app server with this owner (empty: none) and plain members, then events cleared. */
  GroupView group(String app, String id, String kind, String owner, String... members) {
    return group(app, id, kind, GroupOptions.DEFAULTS, owner, members);
  }

  GroupView group(String app, String id, String kind, GroupOptions options, String owner, String... members) {
    GroupView v = service.create(app, Caller.APP_SERVER, NewGroup.of(id, kind, owner, "G " + id,
        Arrays.stream(members).map(NewGroup.Member::of).toList()).withOptions(options));
    events.clear();
    return v;
  }

  static Caller user(String id) {
    return Caller.user(id);
  }

  Role roleOf(String app, String group, String user) {
    return groups.member(app, group, user).orElseThrow(() -> new AssertionError(user + " not a member")).role();
  }

  boolean isMember(String app, String group, String user) {
    return groups.member(app, group, user).isPresent();
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  static GroupRefused refused(int code, Executable op) {
    GroupRefused e = assertThrows(GroupRefused.class, op);
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }
}
