package io.parley.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Cursor saves waiting for the writer, coalesced so that only the highest seq per cursor is written. */
final class PendingCursors {

  /** Whose cursor: a device's in its user's timeline, or a member's in a group read from the group's own timeline. */
  sealed interface Cursor {
    /** The cursor's key in the cursors column family. */
    byte[] key();
  }

  /** One device of one user. */
  record Device(String appId, String userId, String deviceId) implements Cursor {
    @Override
    public byte[] key() {
      return Keys.cursor(appId, userId, deviceId);
    }
  }

  /** One member's read position in one group's history. */
  record GroupReader(String appId, String userId, String groupId) implements Cursor {
    @Override
    public byte[] key() {
      return Keys.groupCursor(appId, userId, groupId);
    }
  }

  /** A cursor to write. */
  record Save(Cursor device, long seq) {
  }

  private final Map<Cursor, Long> pending = new ConcurrentHashMap<>();

  void save(Cursor device, long seq) {
    pending.merge(device, seq, Math::max);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Takes everything pending; a save racing with this stays pending for the next batch. */
  List<Save> drain() {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<Save> out = new ArrayList<>();
    for (Map.Entry<Cursor, Long> entry : pending.entrySet()) {
      Cursor device = entry.getKey();
      long seq = entry.getValue();
      pending.remove(device, seq);
      out.add(new Save(device, seq));
    }
    return out;
  }

  /** Puts back saves whose batch failed to write. */
  void restore(List<Save> saves) {
    for (Save save : saves) {
      save(save.device(), save.seq());
    }
  }
}
