package io.parley.server.store;

import java.util.List;

/** One page of a group's members in user id order; {@code next} is the cursor for the following page, null at the end. */
public record MemberPage(List<MemberRecord> members, String next) {

  /** Copies the list. */
  public MemberPage {
    members = List.copyOf(members);
  }
}
