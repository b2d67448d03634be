package io.parley.client;

import io.parley.protocol.v1.GroupMember;
import java.util.List;

/** One page of a group's members; {@code nextCursor} asks for the next page, empty when this was the last. */
public record GroupMemberPage(List<GroupMember> members, String nextCursor) {
  public GroupMemberPage {
    members = List.copyOf(members);
  }

  /** True when more members follow this page. */
  public boolean hasMore() {
    return !nextCursor.isEmpty();
  }
}
