package io.parley.server.group;

import java.util.Optional;

/**
 * Who asks for an operation: the app server (a vendor REST call), a member in one of its roles, or a user who is not
 * a member. The app server outranks every member but the owner.
 */
public enum Actor {
  APP_SERVER(null, 350),
  OWNER(Role.OWNER, Role.OWNER.rank()),
  ADMIN(Role.ADMIN, Role.ADMIN.rank()),
  MEMBER(Role.MEMBER, Role.MEMBER.rank()),
  OUTSIDER(null, 0);

  private final Role role;
  private final int rank;

  Actor(Role role, int rank) {
    this.role = role;
    this.rank = rank;
  }

  /** The actor for a member of the given role. */
  public static Actor of(Role role) {
    return switch (role) {
      case OWNER -> OWNER;
      case ADMIN -> ADMIN;
      case MEMBER -> MEMBER;
    };
  }

  /** The member role this actor acts in; empty for the app server and for outsiders. */
  public Optional<Role> role() {
    return Optional.ofNullable(role);
  }

  /** True when this actor may act on a member of the target role: strictly higher rank. */
  public boolean outranks(Role target) {
    return rank > target.rank();
  }
}
