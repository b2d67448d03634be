package io.parley.server.store;

import io.parley.server.group.GroupOptions;
import io.parley.server.group.MuteAll;
import java.util.Map;
import java.util.Objects;

/**
 * One stored group. {@code kind} is a {@link io.parley.server.group.GroupKind#id()}; {@code owner} is empty for a
 * group without one; the whole-group mute is {@code options.muteAll()}.
 */
public record GroupRecord(
    String appId,
    String groupId,
    String kind,
    String name,
    String introduction,
    String notification,
    String faceUrl,
    String owner,
    GroupOptions options,
    int maxMembers,
    Map<String, String> custom,
    long createdMillis) {

  /** Ids must be valid key segments; the other strings may be empty but not null; the map is copied. */
  public GroupRecord {
    Keys.requireId("appId", appId);
    Keys.requireId("groupId", groupId);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(introduction, "introduction");
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(faceUrl, "faceUrl");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(options, "options");
    custom = Map.copyOf(custom);
  }

  /** The whole-group mute (kept in the options). */
  public MuteAll muteAll() {
    return options.muteAll();
  }
}
