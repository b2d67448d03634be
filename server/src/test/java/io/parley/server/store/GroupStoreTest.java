package io.parley.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.group.Actor;
import io.parley.server.group.Admission;
import io.parley.server.group.Consent;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.MuteAll;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

class GroupStoreTest {

  private static final String APP = "1400000000";

  @TempDir
  Path dir;

  @Test
  @DisplayName("every field of a group and its members reads back as written, odd Unicode included")
  void roundTrip() {
    GroupOptions options = GroupOptions.DEFAULTS.withApply(Admission.APPROVAL).withInvite(Admission.DISABLED)
        .withInviters(Set.of(Actor.OWNER, Actor.ADMIN)).withInviteeConsent(Consent.NEEDED)
        .withInfoEditors(Set.of()).withCustomEditors(Set.of(Actor.APP_SERVER)).withMemberLimit(321)
        .withMuteAll(MuteAll.MEMBERS);
    GroupRecord group = new GroupRecord(APP, "@TGS#é𝄞", "tencent.Public", "名前 \uD83D\uDE00 \u202Eevil",
        "intro\nline two\t", "", "https://x.test/ü.png", "öwner", options, 2000,
        Map.of("Tag", "值", "", "empty key", "e\u0301", "combining"), 1_700_000_000_123L);
    MemberRecord owner = new MemberRecord("öwner", Role.OWNER, 1_700_000_000_123L, 0, "", Map.of(),
        ReceiveOption.NOTIFY);
    MemberRecord member = new MemberRecord("ユーザー\uD83D\uDC4D", Role.ADMIN, 42L, 1_800_000_000_000L, "カード 🃏",
        Map.of("k", "v\u0000ok"), ReceiveOption.DISCARD);
    try (Store store = open()) {
      assertTrue(store.groups().create(group, List.of(owner, member)));
      assertEquals(Optional.of(group), store.groups().group(APP, group.groupId()));
      assertEquals(MuteAll.MEMBERS, store.groups().group(APP, group.groupId()).orElseThrow().muteAll());
      assertEquals(Optional.of(owner), store.groups().member(APP, group.groupId(), "öwner"));
      assertEquals(Optional.of(member), store.groups().member(APP, group.groupId(), member.userId()));
    }
  }

  @Test
  @DisplayName("a second group with an id the app already has is refused and the first one is untouched")
  void duplicateRefused() {
    try (Store store = open()) {
      GroupRecord first = group("g1", "first");
      assertTrue(store.groups().create(first, List.of(member("a"))));
      assertFalse(store.groups().create(group("g1", "second"), List.of(member("b"), member("c"))));
      assertEquals("first", store.groups().group(APP, "g1").orElseThrow().name());
      assertEquals(1, store.groups().memberCount(APP, "g1"));
      assertEquals(List.of(), store.groups().groupsOf(APP, "b"));
    }
  }

  @Test
  @DisplayName("members come back in user id order, page after page, each once")
  void pagedInOrder() {
    List<MemberRecord> members = new ArrayList<>();
    for (int i = 24; i >= 0; i--) {
      members.add(member("u" + (char) ('a' + i)));
    }
    members.add(member("u"));
    members.add(member("ua1"));
    try (Store store = open()) {
      store.groups().create(group("g", "paged"), members);
      List<String> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        MemberPage page = store.groups().members(APP, "g", cursor, 10);
        assertTrue(page.members().size() <= 10);
        page.members().forEach(m -> seen.add(m.userId()));
        cursor = page.next();
        pages++;
      } while (cursor != null);
      List<String> expected = members.stream().map(MemberRecord::userId).sorted().toList();
      assertEquals(expected, seen);
      assertEquals(3, pages);
    }
  }

  @Test
  @DisplayName("the member count follows adds, re-adds, removes and removes of non-members")
  void countStaysRight() {
    try (Store store = open()) {
      GroupStore groups = store.groups();
      groups.create(group("g", "count"), List.of(member("a"), member("b")));
      assertEquals(2, groups.memberCount(APP, "g"));
      assertTrue(groups.putMember(APP, "g", member("c")));
      assertFalse(groups.putMember(APP, "g", member("c")));
      assertEquals(3, groups.memberCount(APP, "g"));
      assertTrue(groups.removeMember(APP, "g", "a"));
      assertFalse(groups.removeMember(APP, "g", "a"));
      assertFalse(groups.removeMember(APP, "g", "nobody"));
      assertEquals(2, groups.memberCount(APP, "g"));
      assertEquals(2, groups.members(APP, "g", null, 100).members().size());
    }
  }

  @Test
  @DisplayName("a user's group list holds exactly the groups the user is in")
  void userGroups() {
    try (Store store = open()) {
      GroupStore groups = store.groups();
      groups.create(group("g1", "one"), List.of(member("a"), member("b")));
      groups.create(group("g2", "two"), List.of(member("a")));
      groups.create(group("g3", "three"), List.of(member("b")));
      groups.putMember(APP, "g3", member("a"));
      groups.removeMember(APP, "g2", "a");
      assertEquals(List.of("g1", "g3"), groups.groupsOf(APP, "a"));
      assertEquals(List.of("g1", "g3"), groups.groupsOf(APP, "b"));
      assertEquals(List.of(), groups.groupsOf(APP, "c"));
    }
  }

  @Test
  @DisplayName("deleting a group leaves no key of it behind")
  void deleteRemovesEverything() throws Exception {
    try (Store store = open()) {
      GroupStore groups = store.groups();
      groups.create(group("keep", "keep"), List.of(member("a")));
      groups.create(group("gone", "gone"), List.of(member("a"), member("b").withMuteUntil(99)));
      groups.removeMember(APP, "gone", "b");
      assertTrue(groups.delete(APP, "gone"));
      assertFalse(groups.delete(APP, "gone"));
      assertEquals(Optional.empty(), groups.group(APP, "gone"));
      assertEquals(0, groups.memberCount(APP, "gone"));
      assertEquals(List.of("keep"), groups.groupsOf(APP, "a"));
      assertEquals(List.of(), groups.groupsOf(APP, "b"));
    }
    for (String key : rawGroupKeys()) {
      assertFalse(key.contains("gone"), key);
    }
  }

  @Test
  @DisplayName("groups, members, counts and generated ids survive closing and reopening the store")
  void survivesReopen() {
    String firstId;
    try (Store store = open()) {
      store.groups().create(group("g", "durable"), List.of(member("a"), member("b")));
      store.groups().removeMember(APP, "g", "b");
      firstId = store.groups().nextGroupId(APP);
    }
    try (Store store = open()) {
      assertEquals("durable", store.groups().group(APP, "g").orElseThrow().name());
      assertEquals(1, store.groups().memberCount(APP, "g"));
      assertEquals(Optional.of(member("a")), store.groups().member(APP, "g", "a"));
      assertEquals(List.of("g"), store.groups().groupsOf(APP, "a"));
      String secondId = store.groups().nextGroupId(APP);
      assertNotEquals(firstId, secondId);
      assertNotEquals(secondId, store.groups().nextGroupId(APP));
    }
  }

  @Test
  @DisplayName("a muted member who leaves and rejoins is still muted")
  void muteSurvivesRejoin() {
    try (Store store = open()) {
      GroupStore groups = store.groups();
      groups.create(group("g", "mute"), List.of(member("a")));
      groups.putMember(APP, "g", member("a").withMuteUntil(1_900_000_000_000L));
      assertTrue(groups.removeMember(APP, "g", "a"));
      assertEquals(Optional.empty(), groups.member(APP, "g", "a"));
      assertTrue(groups.putMember(APP, "g", member("a")));
      assertEquals(1_900_000_000_000L, groups.member(APP, "g", "a").orElseThrow().muteUntilMillis());
      groups.putMember(APP, "g", member("a").withMuteUntil(0));
      assertEquals(0, groups.member(APP, "g", "a").orElseThrow().muteUntilMillis());
    }
  }

  @Test
  @DisplayName("a data dir from before the groups column family opens, gains it and stores groups")
  void olderDataDirOpens() throws Exception {
    try (Store store = open()) {
      store.accounts().put(AccountStore.key(APP).str("a").build(), new byte[] {1});
    }
    try (Options options = new Options(); DBOptions dbOptions = new DBOptions()) {
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : RocksDB.listColumnFamilies(options, dataDir().toString())) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (RocksDB db = RocksDB.open(dbOptions, dataDir().toString(), descriptors, handles)) {
        for (ColumnFamilyHandle handle : handles) {
          if (new String(handle.getName(), StandardCharsets.US_ASCII).equals("groups")) {
            db.dropColumnFamily(handle);
          }
        }
        handles.forEach(ColumnFamilyHandle::close);
      }
      assertFalse(families().contains("groups"));
    }
    try (Store store = open()) {
      assertEquals(1, store.accounts().get(AccountStore.key(APP).str("a").build())[0]);
      assertEquals(Optional.empty(), store.groups().group(APP, "g"));
      assertTrue(store.groups().create(group("g", "new"), List.of(member("a"))));
    }
    assertTrue(families().contains("groups"));
    try (Store store = open()) {
      assertEquals("new", store.groups().group(APP, "g").orElseThrow().name());
    }
  }

  private static GroupRecord group(String id, String name) {
    return new GroupRecord(APP, id, "tencent.Work", name, "", "", "", "a", GroupOptions.DEFAULTS, 200, Map.of(),
        1L);
  }

  private static MemberRecord member(String userId) {
    return new MemberRecord(userId, Role.MEMBER, 5L, 0, "", Map.of(), ReceiveOption.NOTIFY);
  }

  private List<String> families() throws Exception {
    try (Options options = new Options()) {
      return RocksDB.listColumnFamilies(options, dataDir().toString()).stream()
          .map(n -> new String(n, StandardCharsets.US_ASCII)).toList();
    }
  }

  /** Every key of the groups family, read raw with the store closed; bytes shown as ISO-8859-1. */
  private List<String> rawGroupKeys() throws Exception {
    List<String> out = new ArrayList<>();
    try (DBOptions dbOptions = new DBOptions(); Options options = new Options()) {
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : RocksDB.listColumnFamilies(options, dataDir().toString())) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (RocksDB db = RocksDB.openReadOnly(dbOptions, dataDir().toString(), descriptors, handles)) {
        for (ColumnFamilyHandle handle : handles) {
          if (new String(handle.getName(), StandardCharsets.US_ASCII).equals("groups")) {
            try (RocksIterator it = db.newIterator(handle)) {
              for (it.seekToFirst(); it.isValid(); it.next()) {
                out.add(new String(it.key(), StandardCharsets.ISO_8859_1));
              }
            }
          }
        }
        handles.forEach(ColumnFamilyHandle::close);
      }
    }
    assertFalse(out.isEmpty());
    return out;
  }

  private Path dataDir() {
    return dir.resolve("data");
  }

  private Store open() {
    return Store.open(dataDir(), StoreOptions.defaults(), CommitListener.NONE);
  }
}
