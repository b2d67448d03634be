package io.parley.server.groupops;

import io.parley.server.group.GroupOptions;
import io.parley.server.group.Role;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A group to create. {@code groupId} empty: generated; {@code kind} empty: the app's usual kind; {@code owner}: for a
 * user caller empty or the caller (the caller becomes the owner where the kind has one), for the app server the
 * owner, or empty for a group without one. {@code members} come besides the owner.
 */
public record NewGroup(
    String groupId,
    String kind,
    String owner,
    String name,
    String introduction,
    String notification,
    String faceUrl,
    GroupOptions options,
    Map<String, String> custom,
    List<Member> members) {

  /** One initial member; role null means a plain member. */
  public record Member(String userId, Role role, String nameCard, Map<String, String> custom) {
    public Member {
      Objects.requireNonNull(userId, "userId");
      role = role == null ? Role.MEMBER : role;
      nameCard = nameCard == null ? "" : nameCard;
      custom = custom == null ? Map.of() : Map.copyOf(custom);
    }

    /** A plain member. */
    public static Member of(String userId) {
      return new Member(userId, Role.MEMBER, "", Map.of());
    }

    /** A member with a role. */
    public static Member of(String userId, Role role) {
      return new Member(userId, role, "", Map.of());
    }
  }

  /** Nulls become empty. */
  public NewGroup {
    groupId = groupId == null ? "" : groupId;
    kind = kind == null ? "" : kind;
    owner = owner == null ? "" : owner;
    name = name == null ? "" : name;
    introduction = introduction == null ? "" : introduction;
    notification = notification == null ? "" : notification;
    faceUrl = faceUrl == null ? "" : faceUrl;
    options = options == null ? GroupOptions.DEFAULTS : options;
    custom = custom == null ? Map.of() : Map.copyOf(custom);
    members = members == null ? List.of() : List.copyOf(members);
  }

  /** A group with only an id, a kind, an owner, a name and members; everything else as the kind says. */
  public static NewGroup of(String groupId, String kind, String owner, String name, List<Member> members) {
    return new NewGroup(groupId, kind, owner, name, "", "", "", GroupOptions.DEFAULTS, Map.of(), members);
  }

  /** This group with other options. */
  public NewGroup withOptions(GroupOptions o) {
    return new NewGroup(groupId, kind, owner, name, introduction, notification, faceUrl, o, custom, members);
  }
}
