package io.parley.server.group;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The checks every group decision is built from; each reads only the row it is given. */
final class Checks {
  private Checks() {}

  /** The actor is the app server, or a member in a role the kind has. */
  static Decision actsIn(Actor actor, GroupKind row) {
    if (actor == Actor.APP_SERVER) {
      return Decision.allowed();
    }
    return member(actor, row);
  }

  /** The actor is a member in a role the kind has (the app server is not a member). */
  static Decision member(Actor actor, GroupKind row) {
    return actor.role()
        .map(role -> row.roles().contains(role)
            ? Decision.allowed()
            : Decision.refused(GroupCodes.ROLE_NOT_IN_KIND, row.id() + " has no " + name(role) + " role"))
        .orElseGet(() -> Decision.refused(GroupCodes.NOT_A_MEMBER,
            "not a member of the " + row.id() + " group"));
  }

  /** The kind has the operation and the actor is one of those who may do it. */
  static Decision may(Actor actor, Set<Actor> who, GroupKind row, String what) {
    if (who.isEmpty()) {
      return Decision.refused(GroupCodes.NOT_SUPPORTED, row.id() + ": nobody may " + what + " in this kind of group");
    }
    if (!who.contains(actor)) {
      return Decision.refused(GroupCodes.NOT_PERMITTED, row.id() + ": only " + describe(who) + " may " + what
          + ", not " + article(actor));
    }
    return Decision.allowed();
  }

  /** The target is a role the kind has, is not the owner, and ranks below the actor. */
  static Decision below(Actor actor, Role target, GroupKind row, String what) {
    return role(target, row).then(() -> {
      if (target == Role.OWNER) {
        return Decision.refused(GroupCodes.OWNER_PROTECTED, row.id() + ": nobody may " + what
            + " the owner; transfer ownership first");
      }
      if (!actor.outranks(target)) {
        return Decision.refused(GroupCodes.TARGET_OUTRANKS, row.id() + ": " + article(actor) + " may not " + what
            + " " + article(target) + "; only members of a lower role");
      }
      return Decision.allowed();
    });
  }

  /** The target's role is one the kind has. */
  static Decision role(Role target, GroupKind row) {
    return row.roles().contains(target)
        ? Decision.allowed()
        : Decision.refused(GroupCodes.ROLE_NOT_IN_KIND, row.id() + " has no " + name(target) + " role");
  }

  /** There is room for one more member. */
  static Decision room(GroupKind row, int members) {
    int limit = row.limit().defaultMembers();
    return members < limit
        ? Decision.allowed()
        : Decision.refused(GroupCodes.MEMBER_LIMIT_REACHED, row.id() + ": the group is full (" + members + " of "
            + limit + " members)");
  }

  /** "any member", "the owner and admins", "the owner", "the app server", or the list. */
  static String describe(Set<Actor> who) {
    if (who.equals(Actors.EVERYONE)) {
      return "any member";
    }
    if (who.equals(Actors.MANAGERS)) {
      return "the owner and admins";
    }
    if (who.equals(Actors.OWNER)) {
      return "the owner";
    }
    if (who.equals(Actors.APP_SERVER)) {
      return "the app server";
    }
    return who.stream().sorted().map(Checks::article).collect(Collectors.joining(", "));
  }

  static String article(Actor a) {
    return switch (a) {
      case APP_SERVER -> "the app server";
      case OWNER -> "the owner";
      case ADMIN -> "an admin";
      case MEMBER -> "a member";
      case OUTSIDER -> "a non-member";
    };
  }

  static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String article(Role r) {
    return r == Role.ADMIN ? "an admin" : "a " + name(r);
  }
}
