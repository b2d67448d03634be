package io.parley.server.group;

import java.util.EnumSet;
import java.util.Set;

/** The sets of actors a rule column names; each is immutable. */
public final class Actors {
  /** Nobody at all, not even the app server: the kind does not have the operation. */
  public static final Set<Actor> NOBODY = Set.of();
  /** Only the app server, through the vendor's REST API. */
  public static final Set<Actor> APP_SERVER = Set.of(Actor.APP_SERVER);
  /** The owner (and the app server). */
  public static final Set<Actor> OWNER = Set.of(Actor.APP_SERVER, Actor.OWNER);
  /** Owner and admins (and the app server): NetEase's "managers", mode 0. */
  public static final Set<Actor> MANAGERS = Set.of(Actor.APP_SERVER, Actor.OWNER, Actor.ADMIN);
  /** Every member (and the app server): NetEase's mode 1. */
  public static final Set<Actor> EVERYONE = Set.of(Actor.APP_SERVER, Actor.OWNER, Actor.ADMIN, Actor.MEMBER);

  private Actors() {}

  /** An immutable set of the given actors. */
  public static Set<Actor> of(Actor first, Actor... rest) {
    return Set.copyOf(EnumSet.of(first, rest));
  }
}
