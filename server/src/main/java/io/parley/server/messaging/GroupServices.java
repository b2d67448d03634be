package io.parley.server.messaging;

import io.parley.server.app.AppRegistry;
import io.parley.server.app.VendorKind;
import io.parley.server.callback.Callbacks;
import io.parley.server.groupops.Caller;
import io.parley.server.groupops.GroupFrames;
import io.parley.server.groupops.GroupService;
import io.parley.server.groupops.GroupSettings;
import io.parley.server.groupops.VendorAppKinds;
import io.parley.server.session.SessionRegistry;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.Store;
import io.parley.server.sync.GroupFanOut;
import io.parley.server.sync.GroupTimelineSync;
import io.parley.server.sync.StoredGroupEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything groups need, wired once per server: the operations service (with its tips and notifications over the
 * store), the send path, the app server's recalls, the fan-out, the read side of large groups, the protocol mapping,
 * and the lane their blocking work runs on (group writes fsync; none of it may run on an event loop).
 */
public record GroupServices(GroupService service, GroupSends sends, GroupRecalls recalls, GroupFanOut fanOut,
    GroupTimelineSync sync, GroupFrames frames, ExecutorService lane) implements AutoCloseable {

  /** Members of a group read in pages of this size when the fan-out lists them all. */
  private static final int MEMBER_PAGE = 1000;
  private static final int LANE_THREADS = 16;

  /** {@code writeFanOutLimit}: the most members a group may have and still be fanned out on write. */
  public static GroupServices create(Store store, SessionRegistry sessions, AppRegistry apps, int writeFanOutLimit,
      int pageSize, Clock clock, Callbacks callbacks, Map<VendorKind, MessageFormat> formats) {
    AtomicReference<GroupService> service = new AtomicReference<>();
    GroupFanOut fanOut = new GroupFanOut(store, (app, group) -> allMembers(service.get(), app, group), sessions,
        writeFanOutLimit);
    GroupTimelineSync sync = new GroupTimelineSync(store, fanOut, pageSize);
    GroupService groups = new GroupService(store.groups(), new StoredGroupEvents(store, fanOut, sync),
        new VendorAppKinds(apps), clock, GroupSettings.DEFAULTS, new AppGroupHooks(apps, callbacks));
    service.set(groups);
    ExecutorService lane = new ThreadPoolExecutor(LANE_THREADS, LANE_THREADS, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(65_536), r -> {
          Thread t = new Thread(r, "parley-group");
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    return new GroupServices(groups, new GroupSends(store.writer(), groups, fanOut, lane, clock, callbacks, formats),
        new GroupRecalls(store, fanOut), fanOut, sync,
        new GroupFrames(groups), lane);
  }

  private static List<MemberRecord> allMembers(GroupService service, String appId, String groupId) {
    List<MemberRecord> out = new ArrayList<>();
    String cursor = "";
    do {
      MemberPage page = service.members(appId, Caller.APP_SERVER, groupId, Optional.empty(), cursor, MEMBER_PAGE);
      out.addAll(page.members());
      cursor = page.next();
    } while (cursor != null && !cursor.isEmpty());
    return out;
  }

  @Override
  public void close() {
    lane.shutdown();
  }
}
