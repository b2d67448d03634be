package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.Elements;
import io.parley.client.GroupMemberPage;
import io.parley.client.ParleyClient;
import io.parley.client.SendReceipt;
import io.parley.protocol.v1.CreateGroup;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.GroupInfo;
import io.parley.protocol.v1.GroupMember;
import io.parley.protocol.v1.GroupPull;
import io.parley.protocol.v1.GroupPullResult;
import io.parley.protocol.v1.GroupRole;
import io.parley.protocol.v1.NewGroupMember;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.support.Clients;
import io.parley.server.support.RawConnection;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Groups stay whole through kill -9")
class GroupCrashTest {
  /** Kinds with an owner who cannot quit (Public, Community) and one whose owner may quit and leave none (Work). */
  private static final List<String> KINDS = List.of("tencent.Public", "tencent.Community", "tencent.Work");
  private static final Set<String> OWNER_MAY_QUIT = Set.of("tencent.Work");
  private static final List<String> USERS = List.of("u0", "u1", "u2", "u3", "u4", "u5");
  /** A member of every group whom the burst never touches: it reads members and history afterwards. */
  private static final String KEEPER = "keeper";
  private static final int GROUPS_PER_KIND = 2;
  private static final int OPS_PER_USER = 200;
  private static final int KILL_AFTER_OPS = 500;
  private static final int KILL_AFTER_ACKED = 40;
  private static final long OP_TIMEOUT_MS = 3_000;

  @TempDir Path dir;

  /** A group message the server acknowledged, with the group it went to. */
  private record Acked(String groupId, SendReceipt receipt) {}

  @Test
  @DisplayName("after kill -9 in a burst of membership changes and group sends, members, group lists, counts, owners"
      + " and acknowledged messages all agree on restart")
  void membershipAndHistoryAgreeAfterKill() throws Exception {
    Path data = dir.resolve("data");
    Map<String, String> kindOf = new LinkedHashMap<>();
    Map<String, Acked> acked = new ConcurrentHashMap<>();
    Map<String, String> ownerOf = new ConcurrentHashMap<>();
    ServerProcess server = ServerProcess.start(data);
    Map<String, ParleyClient> clients = new LinkedHashMap<>();
    ExecutorService workers = Executors.newFixedThreadPool(USERS.size());
    try {
      for (String u : USERS) {
        clients.put(u, connect(server.tcpPort(), u));
      }
      clients.put(KEEPER, connect(server.tcpPort(), KEEPER));
      int n = 0;
      for (String kind : KINDS) {
        for (int i = 0; i < GROUPS_PER_KIND; i++, n++) {
          String owner = USERS.get(n % USERS.size());
          CreateGroup.Builder create = CreateGroup.newBuilder().setKind(kind).setName("g" + n)
              .addMembers(NewGroupMember.newBuilder().setUserId(KEEPER))
              .addMembers(NewGroupMember.newBuilder().setUserId(USERS.get((n + 1) % USERS.size())))
              .addMembers(NewGroupMember.newBuilder().setUserId(USERS.get((n + 2) % USERS.size())));
          GroupInfo g = clients.get(owner).groups().create(create.build()).get(20, TimeUnit.SECONDS);
          kindOf.put(g.getGroupId(), kind);
          ownerOf.put(g.getGroupId(), owner);
        }
      }
      List<String> groupIds = List.copyOf(kindOf.keySet());
      Set<String> applications = ConcurrentHashMap.newKeySet();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger ops = new AtomicInteger();
      AtomicInteger finished = new AtomicInteger();
      for (int w = 0; w < USERS.size(); w++) {
        String user = USERS.get(w);
        ParleyClient c = clients.get(user);
        Random rnd = new Random(31L * w + 7);
        workers.submit(() -> {
          try {
            for (int i = 0; i < OPS_PER_USER && !stop.get(); i++) {
              step(c, user, i, rnd, groupIds, ownerOf, applications, acked);
              ops.incrementAndGet();
            }
          } finally {
            finished.incrementAndGet();
          }
          return null;
        });
      }
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
          .until(() -> (ops.get() >= KILL_AFTER_OPS && acked.size() >= KILL_AFTER_ACKED)
              || finished.get() == USERS.size());
      server.kill9();
      int finishedAtKill = finished.get();
      stop.set(true);
      clients.values().forEach(ParleyClient::close);
      clients.clear();
      workers.shutdown();
      assertTrue(workers.awaitTermination(20, TimeUnit.SECONDS), "the burst stopped after the kill");
      assertTrue(finishedAtKill < USERS.size(), "the kill came while the burst was still going");
      assertTrue(acked.size() >= KILL_AFTER_ACKED, "acknowledged group messages before the kill: " + acked.size());
    } finally {
      clients.values().forEach(ParleyClient::close);
      workers.shutdownNow();
      server.close();
    }

    ServerProcess again = ServerProcess.start(data);
    List<ParleyClient> readers = new ArrayList<>();
    try {
      Map<String, Set<String>> myGroups = new HashMap<>();
      ParleyClient keeper = null;
      for (String u : allUsers()) {
        ParleyClient c = connect(again.tcpPort(), u);
        readers.add(c);
        if (u.equals(KEEPER)) {
          keeper = c;
        }
        Set<String> mine = new TreeSet<>();
        c.groups().myGroups().get(20, TimeUnit.SECONDS).forEach(g -> mine.add(g.getGroupId()));
        assertTrue(kindOf.keySet().containsAll(mine), u + "'s group list names only groups that were created: " + mine);
        myGroups.put(u, mine);
      }
      for (Map.Entry<String, String> e : kindOf.entrySet()) {
        String groupId = e.getKey();
        List<GroupMember> members = allMembers(keeper, groupId);
        Set<String> listed = new HashSet<>();
        members.forEach(m -> listed.add(m.getUserId()));
        for (String u : allUsers()) {
          assertEquals(listed.contains(u), myGroups.get(u).contains(groupId),
              u + " is listed in group " + groupId + "'s members exactly when the group is in its own group list");
        }
        GroupInfo info = keeper.groups().get(List.of(groupId)).get(20, TimeUnit.SECONDS).get(0);
        assertEquals(members.size(), info.getMemberCount(), "group " + groupId + "'s count is its members listed");
        List<String> owners = members.stream().filter(m -> m.getRole() == GroupRole.GROUP_OWNER)
            .map(GroupMember::getUserId).toList();
        if (info.getOwner().isEmpty()) {
          assertTrue(OWNER_MAY_QUIT.contains(e.getValue()), "group " + groupId + " of " + e.getValue()
              + " has an owner");
          assertEquals(List.of(), owners, "ownerless group " + groupId + " lists no owner");
        } else {
          assertEquals(List.of(info.getOwner()), owners, "group " + groupId + " has exactly its one owner");
        }
      }
      readers.forEach(ParleyClient::close); // the raw reader below logs in as the keeper, on the same platform
      for (String groupId : kindOf.keySet()) {
        checkHistory(again.tcpPort(), groupId, acked);
      }
    } finally {
      readers.forEach(ParleyClient::close);
      again.close();
    }
  }

  /**
   * One membership change or group send by {@code user}; refusals (not permitted, not a member, …) are expected.
   * Changes only an owner may make go, when it can, to a group the user last owned ({@code ownerOf}, kept from the
   * answers), so that some of them pass.
   */
  private static void step(ParleyClient c, String user, int i, Random rnd, List<String> groupIds,
      Map<String, String> ownerOf, Set<String> applications, Map<String, Acked> acked) throws InterruptedException {
    int op = rnd.nextInt(10);
    List<String> owned = groupIds.stream().filter(g -> user.equals(ownerOf.get(g))).toList();
    String groupId = op >= 4 && !owned.isEmpty() && rnd.nextInt(4) > 0 ? owned.get(rnd.nextInt(owned.size()))
        : groupIds.get(rnd.nextInt(groupIds.size()));
    String target = other(user, rnd);
    String second = other(user, rnd);
    List<String> targets = target.equals(second) ? List.of(target) : List.of(target, second);
    CompletableFuture<?> f;
    switch (op) {
      case 0, 1, 2 -> {
        String id = user + "-" + i;
        f = c.sendToGroup(id, groupId, Elements.text(id))
            .thenAccept(r -> acked.put(id, new Acked(groupId, r)));
      }
      case 3 -> {
        applications.add(groupId + "/" + user);
        f = c.groups().apply(groupId, "let me in");
      }
      case 4 -> {
        String applicant = other(user, rnd);
        f = applications.remove(groupId + "/" + applicant)
            ? c.groups().answerApplication(groupId, applicant, true, "welcome")
            : c.groups().invite(groupId, targets, "join us");
      }
      case 5 -> f = c.groups().invite(groupId, targets, "join us");
      case 6 -> f = c.groups().kick(groupId, targets, "out");
      case 7 -> f = transfer(c, groupId, target, ownerOf);
      case 8 -> f = c.groups().setAdmin(groupId, target, rnd.nextBoolean());
      default -> f = rnd.nextBoolean()
          ? c.groups().quit(groupId).thenRun(() -> ownerOf.remove(groupId, user))
          : transfer(c, groupId, target, ownerOf);
    }
    try {
      f.get(OP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException refusedOrCut) {
      // refused by the rules, or cut off by the kill: either way the burst goes on
    }
  }

  private static CompletableFuture<Void> transfer(ParleyClient c, String groupId, String to,
      Map<String, String> ownerOf) {
    return c.groups().transferOwner(groupId, to).thenRun(() -> ownerOf.put(groupId, to));
  }

  private static String other(String user, Random rnd) {
    String u;
    do {
      u = USERS.get(rnd.nextInt(USERS.size()));
    } while (u.equals(user));
    return u;
  }

  private static List<String> allUsers() {
    List<String> all = new ArrayList<>(USERS);
    all.add(KEEPER);
    return all;
  }

  private static ParleyClient connect(int port, String user) throws Exception {
    ParleyClient c = Clients.tcp(port, user, new Recorder()).build();
    c.connect().get(20, TimeUnit.SECONDS);
    return c;
  }

  private static List<GroupMember> allMembers(ParleyClient reader, String groupId) throws Exception {
    List<GroupMember> out = new ArrayList<>();
    String cursor = "";
    for (int page = 0; page < 100; page++) {
      GroupMemberPage p = reader.groups().members(groupId, GroupRole.GROUP_ROLE_UNSPECIFIED, cursor, 0)
          .get(20, TimeUnit.SECONDS);
      out.addAll(p.members());
      if (!p.hasMore()) {
        return out;
      }
      cursor = p.nextCursor();
    }
    throw new AssertionError("group " + groupId + " lists more than 100 pages of members");
  }

  /** The group's history is seqs 1..N without a gap, and holds each acknowledged message once, at its acked seq. */
  private static void checkHistory(int port, String groupId, Map<String, Acked> acked) throws Exception {
    List<TimelineEntry> history = new ArrayList<>();
    try (RawConnection c = new RawConnection(port)) {
      assertTrue(c.login(RawConnection.login(KEEPER)).hasLoginResult());
      long after = 0;
      for (int page = 0; page < 1_000; page++) {
        Frame f = c.request(Frame.newBuilder().setGroupPull(GroupPull.newBuilder().setGroupId(groupId)
            .setAfterSeq(after).setLimit(200)));
        assertTrue(f.hasGroupPullResult(), f.toString());
        GroupPullResult r = f.getGroupPullResult();
        history.addAll(r.getEntriesList());
        if (!r.getHasMore() || r.getEntriesCount() == 0) {
          break;
        }
        after = r.getEntries(r.getEntriesCount() - 1).getSeq();
      }
    }
    Map<String, Long> seqOf = new HashMap<>();
    for (int i = 0; i < history.size(); i++) {
      TimelineEntry e = history.get(i);
      assertEquals(i + 1, e.getSeq(), "group " + groupId + "'s history has no gap");
      if (e.hasMessage()) {
        Long twice = seqOf.put(e.getMessage().getClientMsgId(), e.getSeq());
        assertEquals(null, twice, "message " + e.getMessage().getClientMsgId() + " is in the history once");
      }
    }
    for (Map.Entry<String, Acked> a : acked.entrySet()) {
      if (a.getValue().groupId().equals(groupId)) {
        assertEquals(a.getValue().receipt().groupSeq(), seqOf.getOrDefault(a.getKey(), -1L),
            "acknowledged message " + a.getKey() + " is in group " + groupId + " at its acknowledged seq");
      }
    }
    assertFalse(history.isEmpty(), "group " + groupId + " has a history");
  }
}
