package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.Platform;
import io.parley.client.SendReceipt;
import io.parley.protocol.v1.CreateGroup;
import io.parley.protocol.v1.GroupInfo;
import io.parley.protocol.v1.NewGroupMember;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley-bench group}: one group of N members ({@code <run>-m0} owns it and creates it through its SDK client,
 * inviting the rest in batches), {@code --online} of them logged in over {@code --workers} child processes, and a few
 * senders (in this process, as other devices of the first members) sending at a fixed total rate. Measures send→push
 * latency of every delivery to every online member (from the intended send time: no coordinated omission), how long
 * each message took to reach its last online member (one message alone first, then under load), and how much the
 * server's store grew per member per message.
 */
@Command(name = "group", mixinStandardHelpOptions = true,
    description = "A group of --members members, --online of them logged in over --workers processes, messages at"
        + " --rate/s from --senders senders: send→push latency to every online member, time to the last member, and"
        + " store bytes per member per message.")
public final class GroupScenario implements Callable<Integer> {
  /** Members named in one create or invite request (well under the 1 MiB frame limit). */
  static final int MEMBERS_PER_REQUEST = 5_000;

  @Mixin Target target;
  @Option(names = "--members", defaultValue = "1000", description = "group members, owner included (default ${DEFAULT-VALUE})") int members;
  @Option(names = "--online", defaultValue = "-1", description = "members logged in (default: all)") int online;
  @Option(names = "--workers", defaultValue = "1", description = "client processes holding the online members (at most 8)") int workers;
  @Option(names = "--senders", defaultValue = "3", description = "members that send (default ${DEFAULT-VALUE})") int senders;
  @Option(names = "--rate", defaultValue = "100", description = "messages/s, all senders together (default ${DEFAULT-VALUE})") int rate;
  @Option(names = "--duration", defaultValue = "20", description = "seconds of sending (default ${DEFAULT-VALUE})") int duration;
  @Option(names = "--size", defaultValue = "100", description = "characters of text per message (default ${DEFAULT-VALUE})") int size;
  @Option(names = "--group-kind", defaultValue = "tencent.Community", description = "the group's kind (default ${DEFAULT-VALUE})") String groupKind;
  @Option(names = "--login-concurrency", defaultValue = "500", description = "logins in flight per worker") int loginConcurrency;
  @Option(names = "--drain-timeout", defaultValue = "60", description = "seconds allowed for the last deliveries after sending (default ${DEFAULT-VALUE})") int drainTimeout;
  @Option(names = "--catch-up", defaultValue = "3", description = "offline members that log in after the messages, one"
      + " at a time, to measure what catching up costs (default ${DEFAULT-VALUE}; at most the offline members)") int catchUp;
  @Option(names = "--ports-file", defaultValue = "parley-data/ports.json", description = "the server's ports.json, for its metrics") Path portsFile;
  @Option(names = "--data-dir", description = "the server's data directory, whose store/ is measured (default: the ports file's directory)") Path dataDir;
  @Option(names = "--online-members", defaultValue = "first", description = "which members are online: first (those"
      + " in the create request first) or last (those invited last; default ${DEFAULT-VALUE})") String onlineMembers;
  @Option(names = "--warmup-messages", defaultValue = "5", description = "messages sent one at a time before anything"
      + " is measured, not counted (the JIT of the server and of fresh worker JVMs; default ${DEFAULT-VALUE})")
  int warmupMessages;
  @Option(names = "--out", defaultValue = "bench-results") Path out;

  @Override
  public Integer call() throws Exception {
    int onlineCount = online < 0 ? members : online;
    String invalid = GroupFigures.invalid(members, onlineCount, workers, senders, rate, duration);
    if (invalid == null && !onlineMembers.equals("first") && !onlineMembers.equals("last")) {
      invalid = "--online-members must be first or last";
    }
    if (invalid != null) {
      throw new IllegalArgumentException(invalid);
    }
    boolean onlineLast = onlineMembers.equals("last");
    List<Integer> offline = GroupFigures.offline(members, onlineCount, senders, onlineLast, Math.max(0, catchUp) + 1);
    Path storeDir = storeDir();
    ServerProbe probe = ServerProbe.ifPresent(portsFile);
    String run = "grp" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    List<ParleyClient> own = new ArrayList<>();
    try {
      ParleyClient owner = client(run + "-m0", "bench-owner", own);
      owner.connect().get(60, TimeUnit.SECONDS);
      long t0 = System.nanoTime();
      GroupInfo g = create(owner, run);
      double setupSeconds = (System.nanoTime() - t0) / 1e9;
      System.err.printf("group %s of %,d members created in %.1f s%n", g.getGroupId(), g.getMemberCount(), setupSeconds);
      List<ParleyClient> sending = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        sending.add(i == 0 ? owner : client(run + "-m" + i, "bench-sender", own));
      }
      CompletableFuture.allOf(sending.stream().map(ParleyClient::connect).toArray(CompletableFuture[]::new))
          .get(60, TimeUnit.SECONDS);
      long l0 = System.nanoTime();
      try (Workers w = Workers.launch(workerArgs(run, g.getGroupId(), onlineCount,
          GroupFigures.firstOnline(members, onlineCount, onlineLast)))) {
        w.awaitReady(900);
        double loginSeconds = (System.nanoTime() - l0) / 1e9;
        System.err.printf("%,d members online over %d worker%s in %.1f s; go%n", onlineCount, workers,
            workers > 1 ? "s" : "", loginSeconds);
        warmUp(g.getGroupId(), sending);
        // Logins' catch-up and the warm-up's deliveries (in read fan-out, every online member pulls each message)
        // finish before anything is measured.
        long settledMs = settle(probe);
        List<GroupCatchUp.Member> baseline = catchUp(run, g.getGroupId(), offline.size() > 1 && catchUp > 0
            ? offline.subList(0, 1) : List.of(), 0);
        List<Integer> later = baseline.isEmpty() ? offline.subList(0, Math.min(offline.size(), Math.max(0, catchUp)))
            : offline.subList(1, offline.size());
        long bytesBefore = GroupFigures.directoryBytes(storeDir);
        JsonNode before = probe == null ? null : probe.metrics();
        w.go();
        Sent sent = send(run, g.getGroupId(), sending, probe);
        w.tell("expect " + sent.acked());
        List<JsonNode> results = w.awaitResults(drainTimeout + 60L);
        Thread.sleep(1_000);
        long bytesAfter = GroupFigures.directoryBytes(storeDir);
        JsonNode after = probe == null ? null : probe.metrics();
        List<GroupCatchUp.Member> caughtUp = catchUp(run, g.getGroupId(), later, sent.acked());
        ObjectNode report = report(g, onlineCount, setupSeconds, loginSeconds, sent, results, bytesBefore, bytesAfter,
            storeDir, before, after);
        report.put("onlineMembers", onlineMembers);
        report.put("settleSeconds", settledMs / 1e3);
        report.set("catchUp", catchUpReport(baseline, caughtUp, sent.acked(), g.getMemberCount()));
        Path file = Report.write(out, report);
        summary(report, file);
      }
    } finally {
      own.forEach(ParleyClient::close);
    }
    return 0;
  }

  /**
   * Waits until the server has used under 5 % of a core for a whole second (at most 120 s), or 2 s without a probe;
   * returns the milliseconds waited.
   */
  private static long settle(ServerProbe probe) throws InterruptedException {
    long t0 = System.nanoTime();
    if (probe == null || probe.awaitIdle(0.05, 1_000, 120_000) < 0) {
      Thread.sleep(2_000);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.err.printf("server settled in %.1f s%n", ms / 1e3);
    return ms;
  }

  /**
   * Sends {@code --warmup-messages} messages, each once the one before was acknowledged and 200 ms later; their cloud
   * custom data does not carry the bench's stamp, so no member counts them.
   */
  private void warmUp(String groupId, List<ParleyClient> sending) throws Exception {
    for (int i = 0; i < warmupMessages; i++) {
      sending.get(i % sending.size()).sendToGroup("warmup-" + i + "-" + System.nanoTime(), groupId,
          List.of(Elements.text("warm-up " + i)), "warmup").get(60, TimeUnit.SECONDS);
      Thread.sleep(200);
    }
  }

  /** These offline members ({@code m<index>}) log in, one at a time, and catch up on {@code messages}. */
  private List<GroupCatchUp.Member> catchUp(String run, String groupId, List<Integer> indexes, long messages)
      throws Exception {
    if (indexes.isEmpty() || target.ws != null) {
      return List.of();
    }
    List<String> users = new ArrayList<>();
    for (int i : indexes) {
      users.add(run + "-m" + i);
    }
    System.err.printf("%d offline member%s catching up on %,d messages%n", users.size(), users.size() > 1 ? "s" : "",
        messages);
    return new GroupCatchUp(target, groupId).run(users, messages, drainTimeout);
  }

  private static ObjectNode member(ObjectNode e, GroupCatchUp.Member m) {
    e.put("userId", m.userId());
    e.put("messages", m.distinct());
    e.put("deliveries", m.deliveries());
    e.put("bytesFromServer", m.bytes());
    e.put("seconds", m.seconds());
    return e;
  }

  private static ObjectNode catchUpReport(List<GroupCatchUp.Member> baseline, List<GroupCatchUp.Member> caughtUp,
      long messages, int groupMembers) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("members", caughtUp.size());
    n.put("messagesWaiting", messages);
    n.put("groupMembers", groupMembers);
    var list = n.putArray("each");
    long bytes = 0;
    for (GroupCatchUp.Member m : caughtUp) {
      member(list.addObject(), m);
      bytes += m.bytes();
    }
    if (caughtUp.isEmpty()) {
      n.put("skipped", "no offline member to log in (or --ws: the byte-counting proxy speaks TCP)");
      return n;
    }
    double perMember = (double) bytes / caughtUp.size();
    n.put("bytesFromServerPerMember", perMember);
    Report.ratio(n, "bytesFromServerPerMessage", perMember, messages);
    if (!baseline.isEmpty()) {
      // The same login with no message waiting: what a catch-up costs besides the messages (tips, group list, login).
      member(n.putObject("baseline"), baseline.get(0));
      n.put("bytesPerMessageOverBaseline", (perMember - baseline.get(0).bytes()) / messages);
    }
    Report.ratio(n, "bytesFromServerPerMessagePerGroupMember", perMember, messages * (long) groupMembers);
    n.put("everyMessageOnce", caughtUp.stream().allMatch(m -> m.distinct() == messages && m.deliveries() == messages));
    return n;
  }

  private Path storeDir() {
    Path dir = dataDir != null ? dataDir : portsFile.toAbsolutePath().getParent();
    Path store = dir.resolve("store");
    return Files.isDirectory(store) ? store : dir;
  }

  /**
   * A device of this process. The members' own devices in the workers log in as {@link Platform#LINUX}; these log in
   * as another platform, since a second login of a user on the same platform kicks the first.
   */
  private ParleyClient client(String user, String device, List<ParleyClient> own) {
    ParleyClient c = target.client(user).deviceId(device).platform(Platform.WINDOWS).build();
    own.add(c);
    return c;
  }

  /** The owner creates the group with the first members and invites the rest, a request's worth at a time. */
  private GroupInfo create(ParleyClient owner, String run) throws Exception {
    CreateGroup.Builder create = CreateGroup.newBuilder().setKind(groupKind).setName(run);
    int i = 1;
    for (; i < members && i <= MEMBERS_PER_REQUEST; i++) {
      create.addMembers(NewGroupMember.newBuilder().setUserId(run + "-m" + i));
    }
    GroupInfo g = owner.groups().create(create.build()).get(120, TimeUnit.SECONDS);
    while (i < members) {
      List<String> batch = new ArrayList<>();
      for (; i < members && batch.size() < MEMBERS_PER_REQUEST; i++) {
        batch.add(run + "-m" + i);
      }
      owner.groups().invite(g.getGroupId(), batch, "bench").get(120, TimeUnit.SECONDS);
    }
    return owner.groups().get(List.of(g.getGroupId())).get(60, TimeUnit.SECONDS).get(0);
  }

  private List<List<String>> workerArgs(String run, String groupId, int onlineCount, int firstOnline) {
    List<List<String>> args = new ArrayList<>();
    for (int k = 0; k < workers; k++) {
      List<String> a = new ArrayList<>(target.args());
      a.addAll(List.of("--scenario", "group", "--local-address", Workers.sourceAddress(k), "--run", run,
          "--group", groupId, "--first", Integer.toString(firstOnline + Workers.firstOf(onlineCount, workers, k)),
          "--count", Integer.toString(Workers.share(onlineCount, workers, k)),
          "--concurrency", Integer.toString(loginConcurrency), "--duration", Integer.toString(duration),
          "--warmup", "0", "--timeout", "300", "--drain", Integer.toString(drainTimeout)));
      args.add(a);
    }
    return args;
  }

  /** What the senders did: messages acknowledged, refused, their send→ack latency and intended send times by id. */
  record Sent(long acked, long failed, Histogram ack, Histogram pacerLateness, Map<String, Long> stamps,
      String probeId, double seconds) {}

  /**
   * One message alone first (its time to the last member is measured without load), then the paced load: message i is
   * due at start + i/rate and stamped with that time.
   */
  private Sent send(String run, String groupId, List<ParleyClient> sending, ServerProbe server) throws Exception {
    Map<String, Long> stamps = new ConcurrentHashMap<>();
    Recorder ack = new Recorder(3);
    Recorder late = new Recorder(3);
    AtomicLong failed = new AtomicLong();
    List<CompletableFuture<SendReceipt>> pending = new ArrayList<>();
    String text = "x".repeat(Math.max(1, size));
    String probeId = run + "-probe";
    pending.add(sendOne(sending.get(0), probeId, groupId, text, GroupFigures.epochNanos(), System.nanoTime(), stamps,
        ack, failed));
    pending.get(0).get(60, TimeUnit.SECONDS);
    settle(server); // the probe reaches everyone before the load starts
    long total = (long) rate * duration;
    long startNanos = System.nanoTime();
    long startEpoch = GroupFigures.epochNanos();
    for (long i = 0; i < total; i++) {
      long offset = i * 1_000_000_000L / rate;
      long due = startNanos + offset;
      for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
        LockSupport.parkNanos(left);
      }
      late.recordValue(Math.max(0, System.nanoTime() - due));
      pending.add(sendOne(sending.get((int) (i % sending.size())), run + "-g" + i, groupId, text, startEpoch + offset,
          due, stamps, ack, failed));
      if ((i + 1) % rate == 0) {
        System.err.printf("  %d s: %,d sent%n", (i + 1) / rate, i + 1);
      }
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long acked = 0;
    for (Iterator<CompletableFuture<SendReceipt>> it = pending.iterator(); it.hasNext(); ) {
      try {
        it.next().get(drainTimeout, TimeUnit.SECONDS);
        acked++;
      } catch (java.util.concurrent.ExecutionException refused) {
        // counted in failed
      }
    }
    return new Sent(acked, failed.get(), ack.getIntervalHistogram(), late.getIntervalHistogram(), stamps, probeId,
        seconds);
  }

  private static CompletableFuture<SendReceipt> sendOne(ParleyClient c, String id, String groupId, String text,
      long stampEpoch, long dueNanos, Map<String, Long> stamps, Recorder ack, AtomicLong failed) {
    stamps.put(id, stampEpoch);
    return c.sendToGroup(id, groupId, List.of(Elements.text(text)), GroupReceivers.STAMP + stampEpoch)
        .whenComplete((r, e) -> {
          if (e != null) {
            failed.incrementAndGet();
          } else {
            ack.recordValue(Math.max(0, System.nanoTime() - dueNanos));
          }
        });
  }

  private ObjectNode report(GroupInfo g, int onlineCount, double setupSeconds, double loginSeconds, Sent sent,
      List<JsonNode> results, long bytesBefore, long bytesAfter, Path storeDir, JsonNode before, JsonNode after) {
    long deliveries = 0;
    long notInOrder = 0;
    long readOnPull = 0;
    int complete = 0;
    List<Histogram> push = new ArrayList<>();
    List<Map<String, GroupFigures.Arrivals>> parts = new ArrayList<>();
    for (JsonNode r : results) {
      deliveries += r.get("deliveries").asLong();
      notInOrder += r.get("notInOrder").asLong();
      readOnPull += r.get("readOnPull").asLong();
      complete += r.get("membersComplete").asInt();
      push.add(HistogramCodec.decode(r.get("push").asText()));
      Map<String, GroupFigures.Arrivals> part = new HashMap<>();
      r.get("arrivals").fields().forEachRemaining(e -> part.put(e.getKey(),
          new GroupFigures.Arrivals(e.getValue().get(0).asLong(), e.getValue().get(1).asLong())));
      parts.add(part);
    }
    Map<String, GroupFigures.Arrivals> arrivals = GroupFigures.merge(parts);
    Histogram toLast = new Histogram(3);
    long messagesReachingAll = 0;
    for (Map.Entry<String, Long> e : sent.stamps().entrySet()) {
      GroupFigures.Arrivals a = arrivals.get(e.getKey());
      if (a != null && !e.getKey().equals(sent.probeId())) {
        toLast.recordValue(Math.max(0, a.lastEpochNanos() - e.getValue()));
      }
      if (a != null && a.deliveries() >= onlineCount) {
        messagesReachingAll++;
      }
    }
    ObjectNode report = Report.start("group");
    report.put("ceiling", "n/a: the raw relay has no groups (nothing to fan out, no history to read)");
    report.put("groupId", g.getGroupId());
    report.put("groupKind", g.getKind());
    report.put("members", g.getMemberCount());
    report.put("online", onlineCount);
    report.put("workers", workers);
    report.put("senders", senders);
    report.put("warmupMessages", warmupMessages);
    report.put("targetRate", rate);
    report.put("durationSeconds", duration);
    report.put("sendSeconds", sent.seconds());
    report.put("textChars", size);
    report.put("fanOut", readOnPull == 0 ? "write" : readOnPull == deliveries ? "read" : "mixed");
    report.put("setupSeconds", setupSeconds);
    report.put("loginSeconds", loginSeconds);
    report.put("messagesSent", sent.acked());
    report.put("sendFailures", sent.failed());
    report.put("deliveries", deliveries);
    report.put("expectedDeliveries", sent.acked() * onlineCount);
    report.put("membersWithEveryMessage", complete);
    report.put("messagesReachingEveryOnlineMember", messagesReachingAll);
    report.put("deliveriesNotInGroupOrder", notInOrder);
    report.put("deliveriesPerSecond", deliveries / Math.max(1e-9, sent.seconds()));
    report.set("sendToPush", Report.latency(HistogramCodec.merge(push)));
    report.set("sendToAck", Report.latency(sent.ack()));
    report.set("pacerLateness", Report.latency(sent.pacerLateness()));
    report.set("sendToLastMember", Report.latency(toLast));
    GroupFigures.Arrivals probe = arrivals.get(sent.probeId());
    if (probe != null) {
      report.put("singleMessageToLastMemberMs", (probe.lastEpochNanos() - sent.stamps().get(sent.probeId())) / 1e6);
      report.put("singleMessageDeliveries", probe.deliveries());
    } else {
      report.putNull("singleMessageToLastMemberMs");
    }
    report.put("storeDir", storeDir.toString());
    report.put("storeBytesBefore", bytesBefore);
    report.put("storeBytesAfter", bytesAfter);
    Report.ratio(report, "storeBytesPerMessage", bytesAfter - bytesBefore, sent.acked());
    double perMember = GroupFigures.bytesPerMemberPerMessage(bytesBefore, bytesAfter, g.getMemberCount(), sent.acked());
    if (Double.isFinite(perMember)) {
      report.put("storeBytesPerMemberPerMessage", perMember);
    } else {
      report.putNull("storeBytesPerMemberPerMessage");
    }
    if (after != null && before != null) {
      report.put("syncPolicy", after.path("syncPolicy").asText());
      report.put("serverJvmArgs", after.path("jvmArgs").asText());
      report.put("storeAppends", after.at("/store/appends").asLong() - before.at("/store/appends").asLong());
      report.put("storeBatches", after.at("/store/batches").asLong() - before.at("/store/batches").asLong());
    }
    return report;
  }

  private static void summary(ObjectNode r, Path file) {
    System.out.printf("group %s (%s, fan-out on %s): %,d members, %,d online over %d worker(s), %d senders at %d msg/s"
            + " for %d s%n", r.get("groupId").asText(), r.get("groupKind").asText(), r.get("fanOut").asText(),
        r.get("members").asInt(), r.get("online").asInt(), r.get("workers").asInt(), r.get("senders").asInt(),
        r.get("targetRate").asInt(), r.get("durationSeconds").asInt());
    System.out.printf("  setup %.1f s, logins %.1f s; %,d messages sent (%d refused), %,d of %,d deliveries"
            + " (%,.0f/s), %,d not in group order, %,d members got every message%n",
        r.get("setupSeconds").asDouble(), r.get("loginSeconds").asDouble(), r.get("messagesSent").asLong(),
        r.get("sendFailures").asLong(), r.get("deliveries").asLong(), r.get("expectedDeliveries").asLong(),
        r.get("deliveriesPerSecond").asDouble(), r.get("deliveriesNotInGroupOrder").asLong(),
        r.get("membersWithEveryMessage").asInt());
    line("send→push       ", r.get("sendToPush"));
    line("send→last member", r.get("sendToLastMember"));
    line("send→ack        ", r.get("sendToAck"));
    System.out.printf("  one message alone reached its last online member in %s ms%n",
        r.get("singleMessageToLastMemberMs").isNumber()
            ? String.format("%.1f", r.get("singleMessageToLastMemberMs").asDouble()) : "n/a");
    System.out.printf("  store: %,d → %,d bytes; %s bytes per member per message%n", r.get("storeBytesBefore").asLong(),
        r.get("storeBytesAfter").asLong(), r.get("storeBytesPerMemberPerMessage").isNumber()
            ? String.format("%.2f", r.get("storeBytesPerMemberPerMessage").asDouble()) : "n/a");
    JsonNode c = r.get("catchUp");
    if (c.has("bytesFromServerPerMember")) {
      System.out.printf("  catch-up of %d offline member(s) on %,d messages: %,.0f bytes each from the server (%s per"
              + " message), %s%n", c.get("members").asInt(), c.get("messagesWaiting").asLong(),
          c.get("bytesFromServerPerMember").asDouble(), c.get("bytesFromServerPerMessage").isNumber()
              ? String.format("%.1f", c.get("bytesFromServerPerMessage").asDouble()) : "n/a",
          c.get("everyMessageOnce").asBoolean() ? "every message once" : "NOT every message once");
      if (c.has("baseline")) {
        System.out.printf("    baseline (same login, no message waiting): %,d bytes; %.1f bytes per message over it%n",
            c.at("/baseline/bytesFromServer").asLong(), c.get("bytesPerMessageOverBaseline").asDouble());
      }
    }
    System.out.println("  report: " + file);
  }

  private static void line(String name, JsonNode l) {
    System.out.printf("  %s p50 %.1f p99 %.1f max %.1f ms (%,d)%n", name, l.get("p50_ms").asDouble(),
        l.get("p99_ms").asDouble(), l.get("max_ms").asDouble(), l.get("count").asLong());
  }
}
