package io.parley.server.sync;

import io.parley.protocol.v1.GroupPull;
import io.parley.protocol.v1.GroupPullResult;
import io.parley.protocol.v1.GroupSeq;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupKinds;
import io.parley.server.group.History;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.GroupStore;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read side of groups read from their own timeline (large groups): where each of a user's such groups stands at
 * login, pages of a group's history for its members, and members' read cursors. A member's read position is its
 * saved cursor, but never before the group's switch to read fan-out (what came before reached its timeline). Every
 * method but {@link #ack} blocks on the store: call them off the event loops.
 */
public final class GroupTimelineSync {

  /** Why a pull was refused: the user is not a member of the group. */
  public static final class NotAMember extends RuntimeException {
    NotAMember(String userId, String groupId) {
      super(userId + " is not a member of the group " + groupId, null, false, false);
    }
  }

  private final Store store;
  private final GroupStore groups;
  private final GroupFanOut fanOut;
  private final int pageSize;

  public GroupTimelineSync(Store store, GroupFanOut fanOut, int pageSize) {
    this.store = store;
    this.groups = store.groups();
    this.fanOut = fanOut;
    this.pageSize = pageSize;
  }

  /** The user's groups read on pull, each with its newest seq and the user's read position (LoginResult). */
  public List<GroupSeq> readGroups(String appId, String userId) {
    List<GroupSeq> out = new ArrayList<>();
    for (String groupId : groups.groupsOf(appId, userId)) {
      if (fanOut.readsOnPull(appId, groupId)) {
        out.add(GroupSeq.newBuilder().setGroupId(groupId).setNewestSeq(store.newestGroupSeq(appId, groupId))
            .setReadSeq(readSeq(appId, userId, groupId)).build());
      }
    }
    return out;
  }

  /** The member's read position in a group read on pull. */
  public long readSeq(String appId, String userId, String groupId) {
    long first = store.firstReadSeq(appId, groupId);
    return Math.max(store.groupCursor(appId, userId, groupId), first == 0 ? 0 : first - 1);
  }

  /**
   * A page of the group's history after {@code pull.after_seq}, oldest first, at most the page size and about
   * {@link PushFrames#MAX_PUSH_BYTES} of entries, for one of its members. In a kind
   * whose new members see only what came after they joined, older events are left out (the page still moves on).
   *
   * @throws NotAMember when the user is not a member
   */
  public GroupPullResult page(String appId, String userId, GroupPull pull) {
    String groupId = pull.getGroupId();
    Optional<MemberRecord> member = groups.member(appId, groupId, userId);
    Optional<GroupRecord> group = groups.group(appId, groupId);
    if (member.isEmpty() || group.isEmpty()) {
      throw new NotAMember(userId, groupId);
    }
    int limit = pull.getLimit() == 0 ? pageSize : Math.min(pull.getLimit(), pageSize);
    long newest = store.newestGroupSeq(appId, groupId);
    List<TimelineEntry> page = store.readGroup(appId, groupId, pull.getAfterSeq(), limit + 1);
    int fit = fitting(page, limit);
    boolean hasMore = page.size() > fit;
    page = page.subList(0, fit);
    History history = GroupKinds.byId(group.get().kind()).map(GroupKind::storage).map(s -> s.history())
        .orElse(History.SINCE_JOIN);
    GroupPullResult.Builder out = GroupPullResult.newBuilder().setGroupId(groupId).setHasMore(hasMore)
        .setNewestSeq(Math.max(newest, page.isEmpty() ? 0 : page.get(page.size() - 1).getSeq()));
    long joined = member.get().joinMillis();
    for (TimelineEntry e : page) {
      if (history == History.BEFORE_JOIN || timeOf(e) >= joined) {
        out.addEntries(e);
      }
    }
    if (!page.isEmpty() && out.getEntriesCount() == 0) {
      // Everything on this page came before the member joined: say where it ended so the client moves past it.
      out.setNewestSeq(Math.max(out.getNewestSeq(), page.get(page.size() - 1).getSeq()));
    }
    return out.build();
  }

  /**
   * How many of the page's first entries make an answer of at most {@code limit} entries and about
   * {@link PushFrames#MAX_PUSH_BYTES} (at least one): a tip naming thousands of invitees is large, and pages of them
   * must neither trip a client's frame limit nor, thousands of logins at once, fill the heap.
   */
  private static int fitting(List<TimelineEntry> page, int limit) {
    int fit = Math.min(page.size(), limit);
    long bytes = 0;
    for (int i = 0; i < fit; i++) {
      bytes += page.get(i).getSerializedSize() + 8;
      if (i > 0 && bytes > PushFrames.MAX_PUSH_BYTES) {
        return i;
      }
    }
    return fit;
  }

  /** Records the member's read position (coalesced, never moves back). Does not block. */
  public void ack(String appId, String userId, String groupId, long seq) {
    store.writer().saveGroupCursor(appId, userId, groupId, seq);
  }

  /** Starts a new member's read position at the group's newest seq, so that it reads from its joining on. */
  public void joined(String appId, String userId, String groupId) {
    store.writer().saveGroupCursor(appId, userId, groupId, store.newestGroupSeq(appId, groupId));
  }

  private static long timeOf(TimelineEntry e) {
    return switch (e.getEventCase()) {
      case MESSAGE -> e.getMessage().getServerTimeMs();
      case GROUP_TIP -> e.getGroupTip().getServerTimeMs();
      case GROUP_NOTIFICATION -> e.getGroupNotification().getServerTimeMs();
      case RECALL -> e.getRecall().getMessage().getServerTimeMs();
      case EVENT_NOT_SET -> 0;
    };
  }
}
