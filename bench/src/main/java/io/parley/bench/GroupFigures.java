package io.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The group scenario's arithmetic: option checks, store bytes per member per message, per-message last arrivals. */
final class GroupFigures {
  /** Sockets one worker process may hold (ephemeral ports of one source address, with room to spare). */
  static final int MAX_SOCKETS_PER_WORKER = 19_999;

  private GroupFigures() {}

  /** Why these options cannot run, or null when they can. */
  static String invalid(int members, int online, int workers, int senders, int rate, int duration) {
    if (members < 2) {
      return "--members must be at least 2";
    }
    if (online < 1 || online > members) {
      return "--online must be between 1 and --members";
    }
    if (workers < 1 || workers > 8 || workers > online) {
      return "--workers must be between 1 and 8, and at most --online";
    }
    if ((online + workers - 1) / workers > MAX_SOCKETS_PER_WORKER) {
      return "each worker would hold more than " + MAX_SOCKETS_PER_WORKER + " sockets: raise --workers";
    }
    if (senders < 1 || senders > members) {
      return "--senders must be between 1 and --members";
    }
    if (rate < 1 || duration < 1) {
      return "--rate and --duration must be at least 1";
    }
    return null;
  }

  /**
   * The index of the first online member: the online members are {@code m<first>} to {@code m<first+online-1>}, the
   * first ones or, with {@code onlineLast}, the last ones (those invited last).
   */
  static int firstOnline(int members, int online, boolean onlineLast) {
    return onlineLast ? members - online : 0;
  }

  /**
   * The indexes of up to {@code n} offline members, lowest first: members neither online nor among the senders
   * ({@code m0} to {@code m<senders-1>}, whose other devices are online).
   */
  static List<Integer> offline(int members, int online, int senders, boolean onlineLast, int n) {
    int from = onlineLast ? senders : Math.max(online, senders);
    int to = onlineLast ? members - online : members;
    List<Integer> out = new ArrayList<>();
    for (int i = from; i < to && out.size() < n; i++) {
      out.add(i);
    }
    return out;
  }

  /** Store growth per member per message: {@code (after - before) / (members * messages)}; NaN without messages. */
  static double bytesPerMemberPerMessage(long before, long after, int members, long messages) {
    if (members <= 0 || messages <= 0) {
      return Double.NaN;
    }
    return (double) (after - before) / ((double) members * messages);
  }

  /** The bytes of every regular file under {@code dir} (0 when it does not exist); files vanishing meanwhile count 0. */
  static long directoryBytes(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    UncheckedIOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try (Stream<Path> files = Files.walk(dir)) {
        return files.mapToLong(GroupFigures::regularFileBytes).sum();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (UncheckedIOException e) {
        last = e; // a directory vanished mid-walk (RocksDB at work): walk again
      }
    }
    throw last;
  }

  private static long regularFileBytes(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return a.isRegularFile() ? a.size() : 0;
    } catch (IOException gone) {
      return 0; // a file RocksDB deleted while we walked (compaction)
    }
  }

  /** One message as the online members got it: how many deliveries, and when (epoch ns) the last one came. */
  record Arrivals(long deliveries, long lastEpochNanos) {
    Arrivals plus(Arrivals o) {
      return new Arrivals(deliveries + o.deliveries, Math.max(lastEpochNanos, o.lastEpochNanos));
    }
  }

  /** The workers' arrivals per message id, summed and the latest of each kept. */
  static Map<String, Arrivals> merge(List<Map<String, Arrivals>> parts) {
    Map<String, Arrivals> out = new HashMap<>();
    for (Map<String, Arrivals> p : parts) {
      p.forEach((id, a) -> out.merge(id, a, Arrivals::plus));
    }
    return out;
  }

  /** Epoch nanoseconds now, from the wall clock (comparable across this machine's processes). */
  static long epochNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
