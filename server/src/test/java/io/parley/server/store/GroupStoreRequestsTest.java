package io.parley.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.group.GroupOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupStoreRequestsTest {
  private static final String APP = "1400000000";

  @TempDir
  Path dir;

  private Store open() {
    return Store.open(dir.resolve("data"), StoreOptions.defaults(), CommitListener.NONE);
  }

  private static GroupRecord group(String id) {
    return new GroupRecord(APP, id, "tencent.Public", "", "", "", "", "o", GroupOptions.DEFAULTS, 2000, Map.of(), 1L);
  }

  private static PendingRequest req(String group, String user, PendingRequest.Kind kind) {
    return new PendingRequest(APP, group, user, kind, kind == PendingRequest.Kind.APPLICATION ? "" : "inv",
        "reason ü", 10L, 20L);
  }

  @Test
  @DisplayName("a request reads back as written, survives reopening, and is removed once")
  void roundTrip() {
    PendingRequest q = req("g", "u", PendingRequest.Kind.INVITATION_CONSENT);
    try (Store store = open()) {
      store.groups().create(group("g"), List.of());
      store.groups().putRequest(q);
    }
    try (Store store = open()) {
      assertEquals(Optional.of(q), store.groups().request(APP, "g", "u", PendingRequest.Kind.INVITATION_CONSENT));
      assertEquals(Optional.empty(), store.groups().request(APP, "g", "u", PendingRequest.Kind.APPLICATION));
      assertTrue(store.groups().removeRequest(APP, "g", "u", PendingRequest.Kind.INVITATION_CONSENT));
      assertFalse(store.groups().removeRequest(APP, "g", "u", PendingRequest.Kind.INVITATION_CONSENT));
    }
  }

  @Test
  @DisplayName("a group's requests are listed in user order, one per user and kind, and not another group's")
  void listByGroup() {
    try (Store store = open()) {
      store.groups().create(group("g"), List.of());
      store.groups().create(group("g2"), List.of());
      store.groups().putRequest(req("g", "b", PendingRequest.Kind.APPLICATION));
      store.groups().putRequest(req("g", "a", PendingRequest.Kind.APPLICATION));
      store.groups().putRequest(req("g", "a", PendingRequest.Kind.INVITATION_APPROVAL));
      store.groups().putRequest(req("g", "a", PendingRequest.Kind.APPLICATION));
      store.groups().putRequest(req("g2", "c", PendingRequest.Kind.APPLICATION));
      List<PendingRequest> listed = store.groups().requests(APP, "g");
      assertEquals(List.of("a", "a", "b"), listed.stream().map(PendingRequest::userId).toList());
    }
  }

  @Test
  @DisplayName("deleting a group removes its requests; a request for a missing group is refused")
  void deleteRemovesRequests() {
    try (Store store = open()) {
      store.groups().create(group("g"), List.of());
      store.groups().putRequest(req("g", "a", PendingRequest.Kind.APPLICATION));
      store.groups().delete(APP, "g");
      assertEquals(List.of(), store.groups().requests(APP, "g"));
      store.groups().create(group("g"), List.of());
      assertEquals(List.of(), store.groups().requests(APP, "g"));
      assertThrows(NoSuchElementException.class,
          () -> store.groups().putRequest(req("nope", "a", PendingRequest.Kind.APPLICATION)));
    }
  }
}
