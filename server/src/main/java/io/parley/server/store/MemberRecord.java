package io.parley.server.store;

import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import java.util.Map;
import java.util.Objects;

/** One member of a group; {@code muteUntilMillis} 0 means not muted. */
public record MemberRecord(
    String userId,
    Role role,
    long joinMillis,
    long muteUntilMillis,
    String nameCard,
    Map<String, String> custom,
    ReceiveOption receive) {

  /** The user id must be a valid key segment; the map is copied. */
  public MemberRecord {
    Keys.requireId("userId", userId);
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(nameCard, "nameCard");
    Objects.requireNonNull(receive, "receive");
    custom = Map.copyOf(custom);
  }

  /** The same member with another mute deadline. */
  public MemberRecord withMuteUntil(long millis) {
    return new MemberRecord(userId, role, joinMillis, millis, nameCard, custom, receive);
  }
}
