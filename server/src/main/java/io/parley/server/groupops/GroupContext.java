package io.parley.server.groupops;

import io.parley.protocol.v1.GroupInfoChange;
import io.parley.protocol.v1.GroupNotification;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupTipType;
import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.GroupActivity;
import io.parley.server.callback.Origin;
import io.parley.server.callback.Platform;
import io.parley.server.group.Actor;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupKinds;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.Membership;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.GroupStore;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.PendingRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What every group operation shares: the store, the event sink, the clock and settings, where a group's members are,
 * the per-group locks, the writes of several records at once ({@link GroupWrites}), and the small steps (load,
 * resolve the actor, add a member, send a tip) they are built from.
 */
final class GroupContext {
  private static final int STRIPES = 64;

  final GroupStore store;
  final GroupEvents events;
  final AppKinds kinds;
  final Clock clock;
  final GroupSettings settings;
  final GroupHooks hooks;
  final MemberBook stored;
  final RoomMembers rooms = new RoomMembers();
  final GroupWrites writes;
  private final Object[] locks = new Object[STRIPES];

  GroupContext(GroupStore store, GroupEvents events, AppKinds kinds, Clock clock, GroupSettings settings,
      GroupHooks hooks) {
    this.hooks = Objects.requireNonNull(hooks, "hooks");
    this.store = Objects.requireNonNull(store, "store");
    this.events = Objects.requireNonNull(events, "events");
    this.kinds = Objects.requireNonNull(kinds, "kinds");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.stored = new StoredMembers(store);
    this.writes = new GroupWrites(store, rooms);
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  GroupKind kindFor(String appId, String kindId) {
    if (kindId.isEmpty()) {
      return kinds.usualKind(appId);
    }
    GroupKind kind = GroupKinds.byId(kindId).orElseThrow(() ->
        new GroupRefused(GroupCodes.KIND_NOT_OF_VENDOR, "no group kind " + kindId));
    if (!kinds.kindsOf(appId).contains(kind)) {
      throw new GroupRefused(GroupCodes.KIND_NOT_OF_VENDOR, kindId + " is not a group kind of app " + appId
          + "'s vendor");
    }
    return kind;
  }

  Optional<LoadedGroup> find(String appId, String groupId) {
    return store.group(appId, groupId).map(r -> {
      GroupKind kind = GroupKinds.byId(r.kind()).orElseThrow(() ->
          new IllegalStateException("group " + groupId + " has an unknown kind " + r.kind()));
      return new LoadedGroup(r, kind, kind.storage().membership() == Membership.STORED ? stored : rooms);
    });
  }

  LoadedGroup load(String appId, String groupId) {
    Inputs.id("the app id", appId);
    Inputs.id("the group id", groupId);
    return find(appId, groupId).orElseThrow(() ->
        new GroupRefused(GroupCodes.NO_SUCH_GROUP, "no group " + groupId));
  }

  Object lock(String appId, String groupId) {
    return locks[Math.floorMod(Objects.hash(appId, groupId), STRIPES)];
  }

  /**
   * The caller's actor in the group. A room's owner is its owner even when not in the room (room members are in
   * memory and gone after a restart; the owner is in the stored record).
   */
  static Actor actorOf(LoadedGroup g, Caller caller) {
    if (caller.isAppServer()) {
      return Actor.APP_SERVER;
    }
    return g.member(caller.userId()).map(m -> Actor.of(m.role()))
        .orElse(g.kind().storage().membership() == Membership.NOT_STORED && caller.userId().equals(g.record().owner())
            ? Actor.OWNER : Actor.OUTSIDER);
  }

  static Caller inviterCaller(String inviter) {
    return inviter.isEmpty() ? Caller.APP_SERVER : Caller.user(inviter);
  }

  MemberRecord memberOrRefuse(LoadedGroup g, String userId) {
    return g.member(userId).orElseThrow(() -> new GroupRefused(GroupCodes.NOT_A_MEMBER,
        userId + " is not a member of group " + g.id()));
  }

  /** Adds a member; the limit was checked by the rule that let it in (rooms hold it again under their lock). */
  void join(LoadedGroup g, String userId, Role role) {
    writes.join(g, newMember(userId, role));
  }

  /** A member record for a user joining now, with no name card, mute or custom fields. */
  MemberRecord newMember(String userId, Role role) {
    return new MemberRecord(userId, role, clock.millis(), 0, "", Map.of(), ReceiveOption.NOTIFY);
  }

  /** The users an approval request goes to: the owner and admins where the kind's approvers include them. */
  List<String> approvers(LoadedGroup g) {
    Set<Actor> who = g.row().join().approvers();
    List<String> out = new ArrayList<>();
    if (who.contains(Actor.OWNER) && !g.record().owner().isEmpty()) {
      out.add(g.record().owner());
    }
    if (who.contains(Actor.ADMIN)) {
      String cursor = null;
      do {
        MemberPage page = g.book().page(g.app(), g.id(), cursor, GroupSettings.MAX_PAGE_SIZE);
        page.members().stream().filter(m -> m.role() == Role.ADMIN).forEach(m -> out.add(m.userId()));
        cursor = page.next();
      } while (cursor != null);
    }
    return out;
  }

  PendingRequest request(LoadedGroup g, String userId, PendingRequest.Kind kind, String inviter, String reason,
      long now) {
    return new PendingRequest(g.app(), g.id(), userId, kind, inviter, reason, now,
        deadline(now, settings.requestTtl().toSeconds()));
  }

  Optional<PendingRequest> pending(LoadedGroup g, String userId, PendingRequest.Kind kind) {
    return store.request(g.app(), g.id(), userId, kind);
  }

  GroupNotification invitation(LoadedGroup g, PendingRequest q, long now) {
    return Tips.notification(g.id(), g.record().name(), GroupNotificationType.GROUP_NOTIFICATION_INVITATION,
        q.inviter(), q.userId(), q.reason(), now).setExpiresAtMs(q.expiresMillis()).build();
  }

  /** Appends a membership tip, and tells the app of joins and exits. */
  void tip(LoadedGroup g, GroupTipType type, Caller operator, List<String> users, Collection<String> alsoTell) {
    events.tip(g.app(), g.id(), Tips.tip(g.id(), type, operator, users, clock.millis(), g.count()), alsoTell).join();
    GroupActivity.Way way = switch (type) {
      case GROUP_TIP_JOINED -> GroupActivity.Way.APPLIED;
      case GROUP_TIP_INVITED -> GroupActivity.Way.INVITED;
      case GROUP_TIP_QUIT -> GroupActivity.Way.QUIT;
      case GROUP_TIP_KICKED -> GroupActivity.Way.KICKED;
      default -> GroupActivity.Way.NONE;
    };
    if (way != GroupActivity.Way.NONE) {
      boolean joined = way == GroupActivity.Way.APPLIED || way == GroupActivity.Way.INVITED;
      hooks.after(g.app(), activity(g, joined ? GroupActivity.Action.JOINED : GroupActivity.Action.EXITED, operator,
          users, way, Map.of()));
    }
  }

  /** Appends an info-changed tip, and tells the app when the name, introduction, notification or face changed. */
  void infoTip(LoadedGroup g, Caller operator, List<GroupInfoChange> changes) {
    events.tip(g.app(), g.id(), Tips.infoChanged(g.id(), operator, changes, clock.millis(), g.count()), List.of())
        .join();
    Map<GroupActivity.InfoField, String> fields = new EnumMap<>(GroupActivity.InfoField.class);
    for (GroupInfoChange c : changes) {
      switch (c.getType()) {
        case GROUP_CHANGE_NAME -> fields.put(GroupActivity.InfoField.NAME, c.getValue());
        case GROUP_CHANGE_INTRODUCTION -> fields.put(GroupActivity.InfoField.INTRODUCTION, c.getValue());
        case GROUP_CHANGE_NOTIFICATION -> fields.put(GroupActivity.InfoField.NOTIFICATION, c.getValue());
        case GROUP_CHANGE_FACE -> fields.put(GroupActivity.InfoField.FACE_URL, c.getValue());
        default -> { }
      }
    }
    if (!fields.isEmpty()) {
      hooks.after(g.app(), activity(g, GroupActivity.Action.INFO_CHANGED, operator, List.of(), GroupActivity.Way.NONE,
          fields));
    }
  }

  /** An activity on a loaded group, now, by {@code operator}. */
  GroupActivity activity(LoadedGroup g, GroupActivity.Action action, Caller operator, List<String> members,
      GroupActivity.Way way, Map<GroupActivity.InfoField, String> changes) {
    return new GroupActivity(action, g.id(), vendorType(g.kind()), g.record().name(), operator.userId(),
        g.record().owner(), members, way, changes, origin(operator), clock.instant());
  }

  /**
   * Asks the app about an operation (outside the group's lock: the answer may take the callback timeout).
   *
   * @throws GroupRefused {@link GroupCodes#REFUSED_BY_APP} when the app refuses
   */
  BeforeVerdict ask(String appId, GroupActivity activity) {
    BeforeVerdict verdict = hooks.before(appId, activity);
    if (verdict instanceof BeforeVerdict.Refuse r) {
      throw new GroupRefused(GroupCodes.REFUSED_BY_APP, "the app refused this (its code " + r.code() + "): "
          + r.message());
    }
    return verdict;
  }

  /** The kind's name as its vendor spells it: {@code Public} for {@code tencent.Public}. */
  static String vendorType(GroupKind kind) {
    return kind.id().substring(kind.id().indexOf('.') + 1);
  }

  /**
   * Where an operation came from. A user's address and device are not known here (group operations carry only the
   * caller's id), so a user's operation reads as from an unknown platform.
   */
  static Origin origin(Caller caller) {
    return caller.isAppServer() ? Origin.serverApi("") : new Origin(Platform.UNKNOWN, "", 0, "");
  }

  void notifyUsers(LoadedGroup g, Collection<String> users, GroupNotification n) {
    if (!users.isEmpty()) {
      events.notify(g.app(), List.copyOf(new LinkedHashSet<>(users)), n).join();
    }
  }

  static long deadline(long nowMillis, long seconds) {
    try {
      return Math.addExact(nowMillis, Math.multiplyExact(seconds, 1000L));
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  static MemberRecord withRole(MemberRecord m, Role role) {
    return new MemberRecord(m.userId(), role, m.joinMillis(), m.muteUntilMillis(), m.nameCard(), m.custom(),
        m.receive());
  }

  static GroupRecord withOwner(GroupRecord r, String owner) {
    return new GroupRecord(r.appId(), r.groupId(), r.kind(), r.name(), r.introduction(), r.notification(),
        r.faceUrl(), owner, r.options(), r.maxMembers(), r.custom(), r.createdMillis());
  }

  static GroupRecord withOptions(GroupRecord r, GroupOptions o) {
    return new GroupRecord(r.appId(), r.groupId(), r.kind(), r.name(), r.introduction(), r.notification(),
        r.faceUrl(), r.owner(), o, r.maxMembers(), r.custom(), r.createdMillis());
  }
}
