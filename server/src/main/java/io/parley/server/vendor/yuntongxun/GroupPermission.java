package io.parley.server.vendor.yuntongxun;

import io.parley.server.group.GroupKinds;
import java.util.Optional;

/**
 * A group's {@code permission} as the classic group REST API writes it, and the group kind it is: {@code "0"} public
 * (anyone joins directly, {@code yuntongxun.public}), {@code "1"} private (joining needs the owner's approval,
 * {@code yuntongxun.private}). The kind is the mode, fixed when the group is created. The classic API's {@code "2"}
 * (invite only) is not served: the notes know only public and private groups.
 */
final class GroupPermission {
  static final String PUBLIC = "0";
  static final String PRIVATE = "1";

  private GroupPermission() {}

  /** The kind for a permission; empty for one not served. */
  static Optional<String> kind(String permission) {
    switch (permission) {
      case PUBLIC:
        return Optional.of(GroupKinds.YUNTONGXUN_PUBLIC.id());
      case PRIVATE:
        return Optional.of(GroupKinds.YUNTONGXUN_PRIVATE.id());
      default:
        return Optional.empty();
    }
  }

  /** The permission of a group of this kind. */
  static String of(String kind) {
    return GroupKinds.YUNTONGXUN_PRIVATE.id().equals(kind) ? PRIVATE : PUBLIC;
  }
}
