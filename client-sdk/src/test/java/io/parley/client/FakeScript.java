package io.parley.client;

import com.google.protobuf.ByteString;
import io.parley.protocol.v1.Error;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.GroupNotification;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupPullResult;
import io.parley.protocol.v1.GroupResult;
import io.parley.protocol.v1.GroupSeq;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import io.parley.protocol.v1.LoginResult;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.Pong;
import io.parley.protocol.v1.PullResult;
import io.parley.protocol.v1.Push;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SendResult;
import io.parley.protocol.v1.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How the fake server answers, by default like the real one for a single user: a timeline whose
 * entry with seq n is at index n-1, login streams the entries after the client's last ack, sends
 * are stored (idempotently) and pushed back, pulls page through the timeline, pings get pongs. Groups: a group send
 * is stored like any send with the group's next seq, login announces {@link #readGroups}, group pulls page through
 * {@link #groupHistories} (entries whose seq is the group seq), group requests get {@link #groupResult}.
 * Tests override the method for the step they script. Runs on the server's single event loop.
 */
class FakeScript {
  final List<TimelineEntry> timeline = new CopyOnWriteArrayList<>();
  int heartbeatMinMs = 60_000;
  int heartbeatMaxMs = 120_000;
  int pullPageSize = 200;
  /** The large groups' histories, by group id: the entry with group seq n at index n-1. */
  final Map<String, List<TimelineEntry>> groupHistories = new ConcurrentHashMap<>();
  /** The GroupSeqs a login announces as read_groups. */
  final List<GroupSeq> readGroups = new CopyOnWriteArrayList<>();
  /** Page size of a group pull (a GroupPull's limit 0 means this). */
  int groupPullPageSize = 200;
  /** The answer to every group request. */
  volatile GroupResult groupResult = GroupResult.getDefaultInstance();
  private final Map<String, Long> groupSeqs = new ConcurrentHashMap<>();

  static TimelineEntry entry(long seq, String from, String to, String text) {
    return TimelineEntry.newBuilder()
        .setSeq(seq)
        .setMessage(
            Message.newBuilder()
                .setServerMsgId(1000 + seq)
                .setClientMsgId("c-" + seq)
                .setFromUserId(from)
                .setToUserId(to)
                .setFromDeviceId(from + "-phone")
                .setServerTimeMs(1_700_000_000_000L + seq)
                .setContentType("text")
                .setContent(ByteString.copyFrom(text, StandardCharsets.UTF_8)))
        .build();
  }

  /** Fills the timeline with {@code count} incoming messages from bob to alice. */
  FakeScript withIncoming(int count) {
    for (int i = 0; i < count; i++) {
      timeline.add(entry(timeline.size() + 1, "bob", "alice", "hello " + (timeline.size() + 1)));
    }
    return this;
  }

  /** A message of group {@code group} at {@code groupSeq}, as the timeline entry {@code seq}. */
  static TimelineEntry groupMessage(long seq, String group, long groupSeq, String text) {
    TimelineEntry e = entry(seq, "bob", "", text);
    return e.toBuilder().setMessage(e.getMessage().toBuilder().setGroupId(group).setGroupSeq(groupSeq)
        .setServerMsgId(9000 + groupSeq)).build();
  }

  /** A tip of group {@code group} at {@code groupSeq}, as the timeline entry {@code seq}. */
  static TimelineEntry groupTip(long seq, String group, long groupSeq, GroupTipType type) {
    return TimelineEntry.newBuilder().setSeq(seq)
        .setGroupTip(GroupTip.newBuilder().setGroupId(group).setGroupSeq(groupSeq).setType(type).setOperator("bob")
            .addUsers("carol").setMemberCount(3))
        .build();
  }

  static TimelineEntry groupNotification(long seq, String group, GroupNotificationType type) {
    return TimelineEntry.newBuilder().setSeq(seq)
        .setGroupNotification(GroupNotification.newBuilder().setGroupId(group).setType(type).setOperator("bob")
            .setUserId("alice").setReason("join us"))
        .build();
  }

  /** Fills group {@code group}'s history up to {@code count} entries: messages, every third one a tip. */
  FakeScript withGroupHistory(String group, int count) {
    List<TimelineEntry> history = groupHistories.computeIfAbsent(group, g -> new CopyOnWriteArrayList<>());
    while (history.size() < count) {
      long gs = history.size() + 1;
      history.add(gs % 3 == 0 ? groupTip(gs, group, gs, GroupTipType.GROUP_TIP_JOINED)
          : groupMessage(gs, group, gs, group + " says " + gs));
    }
    return this;
  }

  /** A push that only says where groups stand. */
  static Frame groupHint(String group, long newestSeq) {
    return Frame.newBuilder()
        .setPush(Push.newBuilder().addGroups(GroupSeq.newBuilder().setGroupId(group).setNewestSeq(newestSeq)))
        .build();
  }

  static Frame push(List<TimelineEntry> entries, long newestSeq) {
    return Frame.newBuilder().setPush(Push.newBuilder().addAllEntries(entries).setNewestSeq(newestSeq)).build();
  }

  static Frame error(int requestId, int code, String message) {
    return Frame.newBuilder().setRequestId(requestId).setError(Error.newBuilder().setCode(code).setMessage(message)).build();
  }

  void onFrame(FakeConnection c, Frame f) {
    switch (f.getBodyCase()) {
      case LOGIN -> onLogin(c, f);
      case SEND -> onSend(c, f);
      case PULL -> onPull(c, f);
      case PING -> onPing(c, f);
      case GROUP_REQUEST -> onGroupRequest(c, f);
      case GROUP_PULL -> onGroupPull(c, f);
      default -> {}
    }
  }

  Frame loginResult(Frame login) {
    return Frame.newBuilder()
        .setRequestId(login.getRequestId())
        .setLoginResult(
            LoginResult.newBuilder()
                .setSessionId(77)
                .setServerTimeMs(1_700_000_000_000L)
                .setHeartbeatMinMs(heartbeatMinMs)
                .setHeartbeatMaxMs(heartbeatMaxMs)
                .setNewestSeq(timeline.size())
                .setMaxMessageBytes(8192)
                .addAllReadGroups(readGroups))
        .build();
  }

  void onLogin(FakeConnection c, Frame f) {
    c.send(loginResult(f));
    long after = f.getLogin().getLastAckedSeq();
    for (TimelineEntry entry : timeline) {
      if (entry.getSeq() > after) {
        c.send(push(List.of(entry), timeline.size()));
      }
    }
  }

  /** The stored entry of a send with this client message id, or null. */
  TimelineEntry stored(String clientMsgId) {
    return timeline.stream()
        .filter(e -> e.getMessage().getClientMsgId().equals(clientMsgId))
        .findFirst()
        .orElse(null);
  }

  /** Stores the send unless its id is already stored; returns whether it was a duplicate. */
  boolean store(FakeConnection c, Send send) {
    if (stored(send.getClientMsgId()) != null) {
      return true;
    }
    long seq = timeline.size() + 1;
    timeline.add(
        TimelineEntry.newBuilder()
            .setSeq(seq)
            .setMessage(
                Message.newBuilder()
                    .setServerMsgId(5000 + seq)
                    .setClientMsgId(send.getClientMsgId())
                    .setFromUserId(c.login().getUserId())
                    .setToUserId(send.getToUserId())
                    .setFromDeviceId(c.login().getDeviceId())
                    .setServerTimeMs(1_700_000_000_000L + seq)
                    .setContentType(send.getContentType())
                    .setContent(send.getContent())
                    .addAllElements(send.getElementsList())
                    .setGroupId(send.getGroupId())
                    .setGroupSeq(send.getGroupId().isEmpty() ? 0 : groupSeqs.merge(send.getGroupId(), 1L, Long::sum)))
            .build());
    return false;
  }

  Frame sendResult(int requestId, String clientMsgId, boolean duplicate) {
    TimelineEntry entry = stored(clientMsgId);
    return Frame.newBuilder()
        .setRequestId(requestId)
        .setSendResult(
            SendResult.newBuilder()
                .setClientMsgId(clientMsgId)
                .setServerMsgId(entry.getMessage().getServerMsgId())
                .setSeq(entry.getSeq())
                .setServerTimeMs(entry.getMessage().getServerTimeMs())
                .setDuplicate(duplicate)
                .setGroupSeq(entry.getMessage().getGroupSeq()))
        .build();
  }

  void onSend(FakeConnection c, Frame f) {
    Send send = f.getSend();
    boolean duplicate = store(c, send);
    c.send(sendResult(f.getRequestId(), send.getClientMsgId(), duplicate));
    if (!duplicate) {
      c.send(push(List.of(stored(send.getClientMsgId())), timeline.size()));
    }
  }

  void onPull(FakeConnection c, Frame f) {
    long after = f.getPull().getAfterSeq();
    int limit = Math.min(f.getPull().getLimit(), pullPageSize);
    List<TimelineEntry> page =
        timeline.stream().filter(e -> e.getSeq() > after).limit(limit).toList();
    long last = page.isEmpty() ? after : page.get(page.size() - 1).getSeq();
    c.send(
        Frame.newBuilder()
            .setRequestId(f.getRequestId())
            .setPullResult(
                PullResult.newBuilder()
                    .addAllEntries(page)
                    .setHasMore(last < timeline.size())
                    .setNewestSeq(timeline.size()))
            .build());
  }

  void onPing(FakeConnection c, Frame f) {
    c.send(Frame.newBuilder().setRequestId(f.getRequestId()).setPong(Pong.newBuilder().setServerTimeMs(1)).build());
  }

  void onGroupRequest(FakeConnection c, Frame f) {
    c.send(Frame.newBuilder().setRequestId(f.getRequestId()).setGroupResult(groupResult).build());
  }

  void onGroupPull(FakeConnection c, Frame f) {
    c.send(groupPullResult(f));
  }

  /** The page a GroupPull asks for. */
  Frame groupPullResult(Frame f) {
    String group = f.getGroupPull().getGroupId();
    List<TimelineEntry> history = groupHistories.getOrDefault(group, List.of());
    long after = f.getGroupPull().getAfterSeq();
    int limit = f.getGroupPull().getLimit() == 0 ? groupPullPageSize : Math.min(f.getGroupPull().getLimit(), groupPullPageSize);
    List<TimelineEntry> page = history.stream().filter(e -> e.getSeq() > after).limit(limit).toList();
    long last = page.isEmpty() ? after : page.get(page.size() - 1).getSeq();
    return Frame.newBuilder()
        .setRequestId(f.getRequestId())
        .setGroupPullResult(
            GroupPullResult.newBuilder()
                .setGroupId(group)
                .addAllEntries(page)
                .setHasMore(last < history.size())
                .setNewestSeq(history.size()))
        .build();
  }
}
