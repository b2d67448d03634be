package io.parley.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Cursor saves waiting for the writer, coalesced so that only the highest seq per device is written. */
final class PendingCursors {

  /** One device of one user. */
  record Device(String appId, String userId, String deviceId) {
  }

  /** A cursor to write. */
  record Save(Device device, long seq) {
  }

  private final Map<Device, Long> pending = new ConcurrentHashMap<>();

  void save(Device device, long seq) {
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
    for (Map.Entry<Device, Long> entry : pending.entrySet()) {
      Device device = entry.getKey();
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
