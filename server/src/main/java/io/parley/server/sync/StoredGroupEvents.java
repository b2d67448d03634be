package io.parley.server.sync;

import io.parley.protocol.v1.GroupNotification;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupKinds;
import io.parley.server.group.History;
import io.parley.server.groupops.GroupEvents;
import io.parley.server.store.AppendRequest;
import io.parley.server.store.Conversation;
import io.parley.server.store.Event;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.Store;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Group tips and notifications over the store: a tip goes into the group's history and out as the group's fan-out
 * says (the membership change it tells of is already durable, so the fan-out's member list has it); a notification
 * goes to the listed users' timelines only. Blocks on the store for the group's kind and members: call it off the event loops.
 */
public final class StoredGroupEvents implements GroupEvents {
  private final Store store;
  private final GroupFanOut fanOut;
  private final GroupTimelineSync groupSync;

  public StoredGroupEvents(Store store, GroupFanOut fanOut, GroupTimelineSync groupSync) {
    this.store = store;
    this.fanOut = fanOut;
    this.groupSync = groupSync;
  }

  @Override
  public CompletableFuture<Void> tip(String appId, String groupId, GroupTip tip, Collection<String> alsoTell) {
    History history = store.groups().group(appId, groupId).map(GroupRecord::kind).flatMap(GroupKinds::byId)
        .map(GroupKind::storage).map(s -> s.history()).orElse(History.SINCE_JOIN);
    GroupFanOut.Plan plan = fanOut.plan(appId, groupId, history, "", alsoTell);
    if (plan.mode() == GroupFanOut.Mode.ONLINE_ONLY) {
      fanOut.broadcast(appId, plan, TimelineEntry.newBuilder()
          .setGroupTip(tip.toBuilder().setGroupId(groupId).setServerTimeMs(System.currentTimeMillis())).build());
      return CompletableFuture.completedFuture(null);
    }
    if (plan.readOnPull() && joins(tip)) {
      for (String user : tip.getUsersList()) {
        groupSync.joined(appId, user, groupId); // reads from here on, its own join tip included
      }
    }
    AppendRequest request = new AppendRequest(appId, new Conversation.Group(groupId), tip.getOperator(),
        new Event.Tip(tip), null, plan.timelines(), plan.readOnPull());
    return store.writer().append(request).thenAccept(r -> fanOut.delivered(appId, groupId, plan, r));
  }

  @Override
  public CompletableFuture<Void> notify(String appId, Collection<String> users, GroupNotification notification) {
    List<String> to = List.copyOf(new LinkedHashSet<>(users));
    if (to.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return store.writer().append(new AppendRequest(appId, new Conversation.Timelines(), notification.getOperator(),
        new Event.Notification(notification), null, to, false)).thenAccept(r -> { });
  }

  private static boolean joins(GroupTip tip) {
    return tip.getType() == GroupTipType.GROUP_TIP_JOINED || tip.getType() == GroupTipType.GROUP_TIP_INVITED;
  }
}
