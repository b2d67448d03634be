package io.parley.server.group;

/** A member's role in a group, ranked as Tencent ranks them (MEMBER 200, ADMIN 300, owner "SUPER" 400). */
public enum Role {
  MEMBER(200),
  ADMIN(300),
  OWNER(400);

  private final int rank;

  Role(int rank) {
    this.rank = rank;
  }

  /** Tencent's number for the role; a higher rank may act on a lower one. */
  public int rank() {
    return rank;
  }
}
