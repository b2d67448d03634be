package io.parley.server.groupops;

import static io.parley.server.groupops.GroupRefused.check;

import io.parley.protocol.v1.GroupInfoChange;
import io.parley.protocol.v1.GroupInfoChangeType;
import io.parley.protocol.v1.GroupNotification;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import io.parley.server.group.Actor;
import io.parley.server.group.Consent;
import io.parley.server.group.Decision;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupField;
import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupKinds;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.GroupRules;
import io.parley.server.group.Membership;
import io.parley.server.group.MuteAll;
import io.parley.server.group.Outcome;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Group operations: each reads the group, asks {@link GroupRules} (the kind's row refined by the group's options),
 * writes the membership, then makes its tip or notifications durable through {@link GroupEvents} before it returns.
 * Every method blocks on disk; callers run them off event loops. Refusals are {@link GroupRefused} (a GroupCodes code
 * and a message naming the rule); a null argument is an {@link IllegalArgumentException} or NPE.
 *
 * <p>Operations on one group are serialized (a striped lock), so a member limit holds under racing joins and tips
 * come in the order of the changes they report. Kinds that do not store membership (Tencent AVChatRoom) keep their
 * members in memory ({@link RoomMembers}); their group record is stored.
 */
public final class GroupService {
  private static final int STRIPES = 64;

  private final GroupStore store;
  private final GroupEvents events;
  private final AppKinds kinds;
  private final Clock clock;
  private final GroupSettings settings;
  private final MemberBook stored;
  private final RoomMembers rooms = new RoomMembers();
  private final Object[] locks = new Object[STRIPES];

  public GroupService(GroupStore store, GroupEvents events, AppKinds kinds, Clock clock, GroupSettings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.events = Objects.requireNonNull(events, "events");
    this.kinds = Objects.requireNonNull(kinds, "kinds");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.stored = new StoredMembers(store);
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /** One group as loaded for an operation: its record, its kind's row and where its members are. */
  private record Loaded(GroupRecord record, GroupKind kind, MemberBook book) {
    String app() {
      return record.appId();
    }

    String id() {
      return record.groupId();
    }

    GroupOptions options() {
      return record.options();
    }

    /** The kind refined by the group's options. */
    GroupKind row() {
      return kind.refinedBy(record.options());
    }

    Optional<MemberRecord> member(String userId) {
      return book.member(app(), id(), userId);
    }

    long count() {
      return book.count(app(), id());
    }

    int countInt() {
      return (int) Math.min(count(), Integer.MAX_VALUE);
    }
  }

  // ---------------------------------------------------------------------------------------------------- reading

  /** Creates a group with its owner and members; see {@link NewGroup}. */
  public GroupView create(String appId, Caller caller, NewGroup group) {
    Inputs.id("app id", appId);
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(group, "group");
    GroupKind kind = kindFor(appId, group.kind());
    check(GroupRules.checkOptions(kind, group.options()));
    Inputs.name("the group's name", group.name());
    Inputs.text("the introduction", group.introduction());
    Inputs.text("the notification", group.notification());
    Inputs.text("the face URL", group.faceUrl());
    Inputs.custom(group.custom());
    boolean hasOwner = kind.roles().contains(Role.OWNER);
    String owner;
    if (caller.isAppServer()) {
      owner = group.owner().isEmpty() ? "" : Inputs.id("the owner", group.owner());
    } else {
      Inputs.id("the caller", caller.userId());
      if (!group.owner().isEmpty() && !group.owner().equals(caller.userId())) {
        throw Inputs.bad("a user creates groups it owns; the owner " + group.owner() + " is not the caller");
      }
      owner = hasOwner ? caller.userId() : "";
    }
    if (!owner.isEmpty() && !hasOwner) {
      throw new GroupRefused(GroupCodes.ROLE_NOT_IN_KIND, kind.id() + " has no owner role; leave the owner empty");
    }
    long now = clock.millis();
    Map<String, MemberRecord> members = new LinkedHashMap<>();
    if (!owner.isEmpty()) {
      members.put(owner, new MemberRecord(owner, Role.OWNER, now, 0, "", Map.of(), ReceiveOption.NOTIFY));
    } else if (!caller.isAppServer()) {
      members.put(caller.userId(),
          new MemberRecord(caller.userId(), Role.MEMBER, now, 0, "", Map.of(), ReceiveOption.NOTIFY));
    }
    for (NewGroup.Member m : group.members()) {
      Inputs.id("a member's id", m.userId());
      Inputs.name("a name card", m.nameCard());
      Inputs.custom(m.custom());
      if (members.containsKey(m.userId())) {
        if (m.userId().equals(owner) || m.userId().equals(caller.userId())) {
          continue; // the creator or owner listed again: already in, in its own role
        }
        throw Inputs.bad("member " + m.userId() + " is listed twice");
      }
      if (m.role() == Role.OWNER) {
        throw new GroupRefused(GroupCodes.TARGET_ROLE_MISMATCH,
            kind.id() + ": the owner is the group's owner field, not a member's role (" + m.userId() + ")");
      }
      if (!kind.roles().contains(m.role())) {
        throw new GroupRefused(GroupCodes.ROLE_NOT_IN_KIND, kind.id() + " has no " + m.role() + " role ("
            + m.userId() + ")");
      }
      members.put(m.userId(), new MemberRecord(m.userId(), m.role(), now, 0, m.nameCard(), m.custom(),
          ReceiveOption.NOTIFY));
    }
    int limit = GroupRules.memberLimit(kind, group.options());
    if (members.size() > limit) {
      throw new GroupRefused(GroupCodes.MEMBER_LIMIT_REACHED, kind.id() + ": " + members.size()
          + " initial members, but the group takes at most " + limit);
    }
    String id = group.groupId().isEmpty() ? store.nextGroupId(appId) : Inputs.id("the group id", group.groupId());
    GroupRecord record = new GroupRecord(appId, id, kind.id(), group.name(), group.introduction(),
        group.notification(), group.faceUrl(), owner, group.options(), limit, group.custom(), now);
    boolean inStore = kind.storage().membership() == Membership.STORED;
    synchronized (lock(appId, id)) {
      if (!store.create(record, inStore ? List.copyOf(members.values()) : List.of())) {
        throw new GroupRefused(GroupCodes.GROUP_EXISTS, "the app already has a group " + id);
      }
      if (!inStore) {
        rooms.drop(appId, id); // a room of that id dismissed earlier
        members.values().forEach(m -> rooms.put(appId, id, m, limit));
      }
      if (!members.isEmpty()) {
        events.notify(appId, members.keySet(), Tips.notification(id, record.name(),
            GroupNotificationType.GROUP_NOTIFICATION_CREATED, caller.userId(), "", "", now).build()).join();
      }
    }
    return new GroupView(record, members.size());
  }

  /** The groups with these ids; missing ids are skipped. */
  public List<GroupView> get(String appId, List<String> groupIds) {
    List<GroupView> out = new ArrayList<>();
    for (String id : groupIds) {
      Inputs.id("a group id", id);
      find(appId, id).ifPresent(g -> out.add(new GroupView(g.record(), g.count())));
    }
    return out;
  }

  /**
   * A page of members, optionally of one role only; the limit is capped to the page size (0 or less: the page size).
   * A user must be a member; the app server may read any group.
   */
  public MemberPage members(String appId, Caller caller, String groupId, Optional<Role> role, String cursor,
      int limit) {
    Loaded g = load(appId, groupId);
    if (!caller.isAppServer() && g.member(caller.userId()).isEmpty()) {
      throw new GroupRefused(GroupCodes.NOT_A_MEMBER, "only members see the members of group " + groupId);
    }
    int size = limit <= 0 ? settings.pageSize() : Math.min(limit, settings.pageSize());
    if (role.isEmpty()) {
      return g.book().page(appId, groupId, cursor, size);
    }
    List<MemberRecord> out = new ArrayList<>();
    String at = cursor;
    while (true) {
      MemberPage page = g.book().page(appId, groupId, at, size);
      for (MemberRecord m : page.members()) {
        if (m.role() == role.get()) {
          out.add(m);
          if (out.size() == size) {
            boolean last = page.next() == null && m == page.members().get(page.members().size() - 1);
            return new MemberPage(out, last ? null : m.userId());
          }
        }
      }
      if (page.next() == null) {
        return new MemberPage(out, null);
      }
      at = page.next();
    }
  }

  /** The groups the user is a member of, in id order; rooms (membership not stored) are not listed. */
  public List<GroupView> groupsOf(String appId, String userId) {
    Inputs.id("the user id", userId);
    List<GroupView> out = new ArrayList<>();
    for (String id : store.groupsOf(appId, userId)) {
      find(appId, id).ifPresent(g -> out.add(new GroupView(g.record(), g.count())));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------- getting in

  /** A non-member asks to join: joined at once (JOINED tip) or a pending application (JOIN_REQUEST to approvers). */
  public MemberResult apply(String appId, String userId, String groupId, String reason) {
    Inputs.id("the user id", userId);
    Inputs.text("the reason", reason);
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      Actor actor = actorOf(g, Caller.user(userId));
      Decision d = GroupRules.apply(actor, g.kind(), g.options(), g.countInt());
      if (d.code() == GroupCodes.ALREADY_MEMBER) {
        return MemberResult.of(userId, MemberResult.Kind.ALREADY, d.message());
      }
      check(d);
      long now = clock.millis();
      if (d.outcome() == Outcome.JOINED) {
        join(g, userId, Role.MEMBER);
        tip(g, GroupTipType.GROUP_TIP_JOINED, Caller.user(userId), List.of(userId), List.of());
        return MemberResult.of(userId, MemberResult.Kind.DONE, d.message());
      }
      PendingRequest q = request(g, userId, PendingRequest.Kind.APPLICATION, "", reason, now);
      store.putRequest(q);
      notifyUsers(g, approvers(g), Tips.notification(groupId, g.record().name(),
          GroupNotificationType.GROUP_NOTIFICATION_JOIN_REQUEST, userId, userId, reason, now)
          .setExpiresAtMs(q.expiresMillis()).build());
      return MemberResult.of(userId, MemberResult.Kind.PENDING_APPROVAL, d.message());
    }
  }

  /**
   * An approver answers a pending application, or a member's invitation waiting for approval (the application first
   * when there are both). The applicant (or the inviter) gets REQUEST_PROCESSED; an accepted user joins with a tip,
   * or, for an invitation whose invitee must agree, is asked next.
   */
  public MemberResult answerApplication(String appId, Caller approver, String groupId, String applicant,
      boolean accept, String reason) {
    Inputs.id("the applicant", applicant);
    Inputs.text("the reason", reason);
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      check(GroupRules.approve(actorOf(g, approver), g.row()));
      PendingRequest q = pending(g, applicant, PendingRequest.Kind.APPLICATION)
          .or(() -> pending(g, applicant, PendingRequest.Kind.INVITATION_APPROVAL))
          .orElseThrow(() -> new GroupRefused(GroupCodes.NO_SUCH_REQUEST,
              "no pending request of " + applicant + " to join group " + groupId));
      long now = clock.millis();
      if (q.expiredAt(now)) {
        store.removeRequest(appId, groupId, applicant, q.kind());
        throw new GroupRefused(GroupCodes.REQUEST_EXPIRED, "the request of " + applicant + " to join group "
            + groupId + " lapsed");
      }
      boolean application = q.kind() == PendingRequest.Kind.APPLICATION;
      String tellWhom = application || q.inviter().isEmpty() ? applicant : q.inviter();
      GroupNotification processed = Tips.notification(groupId, g.record().name(),
          GroupNotificationType.GROUP_NOTIFICATION_REQUEST_PROCESSED, approver.userId(), applicant, reason, now)
          .setAccepted(accept).build();
      if (!accept) {
        store.removeRequest(appId, groupId, applicant, q.kind());
        notifyUsers(g, List.of(tellWhom), processed);
        return MemberResult.of(applicant, MemberResult.Kind.DONE, "declined");
      }
      if (g.member(applicant).isPresent()) {
        store.removeRequest(appId, groupId, applicant, q.kind());
        return MemberResult.of(applicant, MemberResult.Kind.ALREADY, "already a member");
      }
      check(GroupRules.checkRoom(g.kind(), g.options(), g.countInt()));
      if (!application && g.row().invite().consent() == Consent.NEEDED) {
        store.removeRequest(appId, groupId, applicant, q.kind());
        PendingRequest consent = request(g, applicant, PendingRequest.Kind.INVITATION_CONSENT, q.inviter(),
            q.reason(), now);
        store.putRequest(consent);
        notifyUsers(g, List.of(tellWhom), processed);
        notifyUsers(g, List.of(applicant), invitation(g, consent, now));
        return MemberResult.of(applicant, MemberResult.Kind.PENDING_CONSENT, "approved; waits for the invitee");
      }
      join(g, applicant, Role.MEMBER);
      store.removeRequest(appId, groupId, applicant, q.kind());
      if (application) {
        tip(g, GroupTipType.GROUP_TIP_JOINED, approver, List.of(applicant), List.of());
      } else {
        tip(g, GroupTipType.GROUP_TIP_INVITED, inviterCaller(q.inviter()), List.of(applicant), List.of());
      }
      notifyUsers(g, List.of(tellWhom), processed);
      return MemberResult.of(applicant, MemberResult.Kind.DONE, "joined");
    }
  }

  /**
   * Invites users, each on its own: joined at once (one INVITED tip for all of them), waiting for the invitee
   * (INVITATION) or for an approver (INVITED_APPROVAL), already a member, or refused (a full group, a bad id). A
   * caller who may not invite at all is refused as a whole.
   */
  public List<MemberResult> invite(String appId, Caller inviter, String groupId, List<String> users, String reason) {
    Inputs.text("the reason", reason);
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      Actor actor = actorOf(g, inviter);
      check(GroupRules.invite(actor, g.kind(), g.options(), 0));
      long now = clock.millis();
      List<MemberResult> out = new ArrayList<>();
      List<String> joined = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (String user : users) {
        try {
          Inputs.id("an invitee's id", user);
        } catch (GroupRefused e) {
          out.add(MemberResult.refused(String.valueOf(user), e.code(), e.getMessage()));
          continue;
        }
        if (!seen.add(user) || g.member(user).isPresent()) {
          out.add(MemberResult.of(user, MemberResult.Kind.ALREADY, "already a member"));
          continue;
        }
        Decision d = GroupRules.invite(actor, g.kind(), g.options(), g.countInt());
        if (!d.ok()) {
          out.add(MemberResult.refused(user, d.code(), d.message()));
          continue;
        }
        switch (d.outcome()) {
          case JOINED -> {
            join(g, user, Role.MEMBER);
            joined.add(user);
            out.add(MemberResult.of(user, MemberResult.Kind.DONE, d.message()));
          }
          case PENDING_APPROVAL -> {
            PendingRequest q = request(g, user, PendingRequest.Kind.INVITATION_APPROVAL, inviter.userId(), reason,
                now);
            store.putRequest(q);
            notifyUsers(g, approvers(g), Tips.notification(groupId, g.record().name(),
                GroupNotificationType.GROUP_NOTIFICATION_INVITED_APPROVAL, inviter.userId(), user, reason, now)
                .setExpiresAtMs(q.expiresMillis()).build());
            out.add(MemberResult.of(user, MemberResult.Kind.PENDING_APPROVAL, d.message()));
          }
          case PENDING_CONSENT -> {
            PendingRequest q = request(g, user, PendingRequest.Kind.INVITATION_CONSENT, inviter.userId(), reason,
                now);
            store.putRequest(q);
            notifyUsers(g, List.of(user), invitation(g, q, now));
            out.add(MemberResult.of(user, MemberResult.Kind.PENDING_CONSENT, d.message()));
          }
          default -> throw new IllegalStateException("invite decided " + d);
        }
      }
      if (!joined.isEmpty()) {
        tip(g, GroupTipType.GROUP_TIP_INVITED, inviter, joined, List.of());
      }
      return out;
    }
  }

  /**
   * The invitee answers an invitation it must agree to; {@code inviter} empty matches any inviter. Accepting joins
   * (INVITED tip); either way the inviter gets INVITATION_ANSWERED.
   */
  public MemberResult answerInvitation(String appId, String invitee, String groupId, String inviter, boolean accept,
      String reason) {
    Inputs.id("the invitee", invitee);
    Inputs.text("the reason", reason);
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      PendingRequest q = pending(g, invitee, PendingRequest.Kind.INVITATION_CONSENT)
          .filter(r -> inviter == null || inviter.isEmpty() || r.inviter().equals(inviter))
          .orElseThrow(() -> new GroupRefused(GroupCodes.NO_SUCH_REQUEST, "no invitation of " + invitee
              + " to group " + groupId + (inviter == null || inviter.isEmpty() ? "" : " from " + inviter)));
      long now = clock.millis();
      if (q.expiredAt(now)) {
        store.removeRequest(appId, groupId, invitee, q.kind());
        throw new GroupRefused(GroupCodes.REQUEST_EXPIRED, "the invitation of " + invitee + " to group " + groupId
            + " lapsed");
      }
      GroupNotification answered = Tips.notification(groupId, g.record().name(),
          GroupNotificationType.GROUP_NOTIFICATION_INVITATION_ANSWERED, invitee, invitee, reason, now)
          .setAccepted(accept).build();
      List<String> tell = q.inviter().isEmpty() ? List.of() : List.of(q.inviter());
      if (!accept) {
        store.removeRequest(appId, groupId, invitee, q.kind());
        notifyUsers(g, tell, answered);
        return MemberResult.of(invitee, MemberResult.Kind.DONE, "declined");
      }
      if (g.member(invitee).isPresent()) {
        store.removeRequest(appId, groupId, invitee, q.kind());
        return MemberResult.of(invitee, MemberResult.Kind.ALREADY, "already a member");
      }
      check(GroupRules.checkRoom(g.kind(), g.options(), g.countInt()));
      join(g, invitee, Role.MEMBER);
      store.removeRequest(appId, groupId, invitee, q.kind());
      tip(g, GroupTipType.GROUP_TIP_INVITED, inviterCaller(q.inviter()), List.of(invitee), List.of());
      notifyUsers(g, tell, answered);
      return MemberResult.of(invitee, MemberResult.Kind.DONE, "joined");
    }
  }

  /** Applications and members' invitations waiting for an approver, not lapsed; for approvers only. */
  public List<PendingRequest> pendingRequests(String appId, Caller caller, String groupId) {
    Loaded g = load(appId, groupId);
    check(GroupRules.approve(actorOf(g, caller), g.row()));
    long now = clock.millis();
    return store.requests(appId, groupId).stream()
        .filter(q -> q.kind() != PendingRequest.Kind.INVITATION_CONSENT && !q.expiredAt(now))
        .toList();
  }

  // ---------------------------------------------------------------------------------------------------- getting out

  /** The user leaves (QUIT tip, also to the quitter). An owner who may quit leaves the group without an owner. */
  public void quit(String appId, String userId, String groupId) {
    Inputs.id("the user id", userId);
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      check(GroupRules.quit(actorOf(g, Caller.user(userId)), g.kind()));
      g.book().remove(appId, groupId, userId);
      if (userId.equals(g.record().owner())) {
        g = new Loaded(withOwner(g.record(), ""), g.kind(), g.book());
        store.update(g.record());
      }
      tip(g, GroupTipType.GROUP_TIP_QUIT, Caller.user(userId), List.of(userId), List.of(userId));
    }
  }

  /** Removes members, each on its own (rank rules per target): one KICKED tip, REMOVED to each removed user. */
  public List<MemberResult> kick(String appId, Caller caller, String groupId, List<String> users, String reason) {
    Inputs.text("the reason", reason);
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      Actor actor = actorOf(g, caller);
      check(GroupRules.kick(actor, g.kind(), Role.MEMBER));
      List<MemberResult> out = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      for (String user : users) {
        Optional<MemberRecord> m = user == null ? Optional.empty() : g.member(user);
        if (m.isEmpty()) {
          out.add(MemberResult.of(String.valueOf(user), MemberResult.Kind.ALREADY, "not a member"));
          continue;
        }
        Decision d = GroupRules.kick(actor, g.kind(), m.get().role());
        if (!d.ok()) {
          out.add(MemberResult.refused(user, d.code(), d.message()));
          continue;
        }
        g.book().remove(appId, groupId, user);
        removed.add(user);
        out.add(MemberResult.of(user, MemberResult.Kind.DONE, "removed"));
      }
      if (!removed.isEmpty()) {
        tip(g, GroupTipType.GROUP_TIP_KICKED, caller, removed, removed);
        notifyUsers(g, removed, Tips.notification(groupId, g.record().name(),
            GroupNotificationType.GROUP_NOTIFICATION_REMOVED, caller.userId(), "", reason, clock.millis()).build());
      }
      return out;
    }
  }

  /** Tells every member (DISMISSED), then deletes the group, its members and its requests. */
  public void dismiss(String appId, Caller caller, String groupId) {
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      check(GroupRules.dismiss(actorOf(g, caller), g.kind()));
      List<String> everyone = new ArrayList<>();
      String cursor = null;
      do {
        MemberPage page = g.book().page(appId, groupId, cursor, GroupSettings.MAX_PAGE_SIZE);
        page.members().forEach(m -> everyone.add(m.userId()));
        cursor = page.next();
      } while (cursor != null);
      if (!everyone.isEmpty()) {
        notifyUsers(g, everyone, Tips.notification(groupId, g.record().name(),
            GroupNotificationType.GROUP_NOTIFICATION_DISMISSED, caller.userId(), "", "", clock.millis()).build());
      }
      store.delete(appId, groupId);
      rooms.drop(appId, groupId);
    }
  }

  // ---------------------------------------------------------------------------------------------------- roles

  /** Hands ownership to a member; the old owner becomes a plain member. INFO_CHANGED tip, change OWNER. */
  public void transferOwner(String appId, Caller caller, String groupId, String newOwner) {
    Inputs.id("the new owner", newOwner);
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      MemberRecord target = memberOrRefuse(g, newOwner);
      check(GroupRules.transferOwner(actorOf(g, caller), g.kind(), target.role()));
      String old = g.record().owner();
      if (!old.isEmpty()) {
        g.member(old).ifPresent(m -> g.book().put(appId, groupId, withRole(m, Role.MEMBER)));
      }
      g.book().put(appId, groupId, withRole(target, Role.OWNER));
      Loaded after = new Loaded(withOwner(g.record(), newOwner), g.kind(), g.book());
      store.update(after.record());
      infoTip(after, caller, List.of(Tips.change(GroupInfoChangeType.GROUP_CHANGE_OWNER, newOwner)));
    }
  }

  /** Makes a member an admin or an admin a member again (ADMIN_SET / ADMIN_UNSET tip). */
  public void setAdmin(String appId, Caller caller, String groupId, String userId, boolean admin) {
    Inputs.id("the user id", userId);
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      MemberRecord target = memberOrRefuse(g, userId);
      check(GroupRules.setAdmin(actorOf(g, caller), g.kind(), target.role(), admin));
      g.book().put(appId, groupId, withRole(target, admin ? Role.ADMIN : Role.MEMBER));
      tip(g, admin ? GroupTipType.GROUP_TIP_ADMIN_SET : GroupTipType.GROUP_TIP_ADMIN_UNSET, caller, List.of(userId),
          List.of());
    }
  }

  // ---------------------------------------------------------------------------------------------------- muting

  /**
   * Mutes members for {@code seconds} (0 lifts the mute), each on its own; one MEMBER_INFO_CHANGED tip with the
   * length. The deadline outlives leaving and rejoining.
   */
  public List<MemberResult> mute(String appId, Caller caller, String groupId, List<String> users, long seconds) {
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      Actor actor = actorOf(g, caller);
      check(GroupRules.mute(actor, g.kind(), Role.MEMBER, seconds));
      long until = seconds == 0 ? 0 : deadline(clock.millis(), seconds);
      List<MemberResult> out = new ArrayList<>();
      List<String> muted = new ArrayList<>();
      for (String user : users) {
        Optional<MemberRecord> m = user == null ? Optional.empty() : g.member(user);
        if (m.isEmpty()) {
          out.add(MemberResult.refused(String.valueOf(user), GroupCodes.NOT_A_MEMBER,
              user + " is not a member of group " + groupId));
          continue;
        }
        Decision d = GroupRules.mute(actor, g.kind(), m.get().role(), seconds);
        if (!d.ok()) {
          out.add(MemberResult.refused(user, d.code(), d.message()));
          continue;
        }
        g.book().put(appId, groupId, m.get().withMuteUntil(until));
        muted.add(user);
        out.add(MemberResult.of(user, MemberResult.Kind.DONE, seconds == 0 ? "unmuted" : "muted"));
      }
      if (!muted.isEmpty()) {
        GroupTip tip = Tips.tip(groupId, GroupTipType.GROUP_TIP_MEMBER_INFO_CHANGED, caller, muted, clock.millis(),
            g.count()).toBuilder().setMuteSeconds(seconds).build();
        events.tip(appId, groupId, tip, List.of()).join();
      }
      return out;
    }
  }

  /** Sets the whole-group mute (INFO_CHANGED tip, change MUTE_ALL with the level's name). */
  public void muteAll(String appId, Caller caller, String groupId, MuteAll level) {
    Objects.requireNonNull(level, "level");
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      check(GroupRules.muteAll(actorOf(g, caller), g.kind(), level));
      GroupRecord r = g.record();
      Loaded after = new Loaded(withOptions(r, r.options().withMuteAll(level)), g.kind(), g.book());
      store.update(after.record());
      infoTip(after, caller, List.of(Tips.change(GroupInfoChangeType.GROUP_CHANGE_MUTE_ALL, level.name())));
    }
  }

  // ---------------------------------------------------------------------------------------------------- info

  /**
   * Changes the group's info: name, introduction, notification, face and the application option need the kind's
   * info editors, custom fields its custom editors. One INFO_CHANGED tip lists each change; no change, no tip.
   */
  public GroupView modify(String appId, Caller caller, String groupId, GroupChange change) {
    Objects.requireNonNull(change, "change");
    change.name().ifPresent(v -> Inputs.name("the group's name", v));
    change.introduction().ifPresent(v -> Inputs.text("the introduction", v));
    change.notification().ifPresent(v -> Inputs.text("the notification", v));
    change.faceUrl().ifPresent(v -> Inputs.text("the face URL", v));
    Inputs.custom(change.custom().entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    change.custom().keySet().forEach(k -> Inputs.id("a custom field's key", k));
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      Actor actor = actorOf(g, caller);
      if (change.touchesInfo()) {
        check(GroupRules.edit(actor, g.kind(), g.options(), GroupField.INFO));
      }
      if (!change.custom().isEmpty()) {
        check(GroupRules.edit(actor, g.kind(), g.options(), GroupField.CUSTOM));
      }
      GroupRecord r = g.record();
      GroupOptions options = change.apply().map(a -> r.options().withApply(a)).orElse(r.options());
      check(GroupRules.checkOptions(g.kind(), options));
      Map<String, String> custom = new HashMap<>(r.custom());
      List<GroupInfoChange> changes = new ArrayList<>();
      change.name().ifPresent(v -> changes.add(Tips.change(GroupInfoChangeType.GROUP_CHANGE_NAME, v)));
      change.introduction().ifPresent(v ->
          changes.add(Tips.change(GroupInfoChangeType.GROUP_CHANGE_INTRODUCTION, v)));
      change.notification().ifPresent(v ->
          changes.add(Tips.change(GroupInfoChangeType.GROUP_CHANGE_NOTIFICATION, v)));
      change.faceUrl().ifPresent(v -> changes.add(Tips.change(GroupInfoChangeType.GROUP_CHANGE_FACE, v)));
      new java.util.TreeMap<>(change.custom()).forEach((k, v) -> {
        if (v.isEmpty()) {
          custom.remove(k);
        } else {
          custom.put(k, v);
        }
        changes.add(Tips.custom(k, v));
      });
      change.apply().ifPresent(a -> changes.add(Tips.change(GroupInfoChangeType.GROUP_CHANGE_APPLY_OPTION,
          a.name())));
      GroupRecord updated = new GroupRecord(r.appId(), r.groupId(), r.kind(), change.name().orElse(r.name()),
          change.introduction().orElse(r.introduction()), change.notification().orElse(r.notification()),
          change.faceUrl().orElse(r.faceUrl()), r.owner(), options, r.maxMembers(), custom, r.createdMillis());
      if (changes.isEmpty()) {
        return new GroupView(r, g.count());
      }
      store.update(updated);
      Loaded after = new Loaded(updated, g.kind(), g.book());
      infoTip(after, caller, changes);
      return new GroupView(updated, after.count());
    }
  }

  /**
   * Changes a member's name card and custom fields. A member may always change its own; another's needs the kind's
   * info editors and a rank above the target's (the app server: any member).
   */
  public void setMemberInfo(String appId, Caller caller, String groupId, String userId, MemberChange change) {
    Inputs.id("the user id", userId);
    Objects.requireNonNull(change, "change");
    change.nameCard().ifPresent(v -> Inputs.name("the name card", v));
    change.custom().forEach((k, v) -> {
      Inputs.id("a custom field's key", k);
      Inputs.text("custom field " + k, v);
    });
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      MemberRecord target = memberOrRefuse(g, userId);
      if (!userId.equals(caller.userId())) {
        Actor actor = actorOf(g, caller);
        check(GroupRules.edit(actor, g.kind(), g.options(), GroupField.INFO));
        if (actor != Actor.APP_SERVER && !actor.outranks(target.role())) {
          throw new GroupRefused(GroupCodes.TARGET_OUTRANKS, g.kind().id() + ": only a member of a higher role may"
              + " change another member's info");
        }
      }
      Map<String, String> custom = new HashMap<>(target.custom());
      change.custom().forEach((k, v) -> {
        if (v.isEmpty()) {
          custom.remove(k);
        } else {
          custom.put(k, v);
        }
      });
      g.book().put(appId, groupId, new MemberRecord(userId, target.role(), target.joinMillis(),
          target.muteUntilMillis(), change.nameCard().orElse(target.nameCard()), custom, target.receive()));
      tip(g, GroupTipType.GROUP_TIP_MEMBER_INFO_CHANGED, caller, List.of(userId), List.of());
    }
  }

  /** How the member receives the group's messages; no tip (it concerns the member only). */
  public void setReceiveOption(String appId, String userId, String groupId, ReceiveOption option) {
    Inputs.id("the user id", userId);
    Objects.requireNonNull(option, "option");
    synchronized (lock(appId, groupId)) {
      Loaded g = load(appId, groupId);
      MemberRecord m = memberOrRefuse(g, userId);
      g.book().put(appId, groupId, new MemberRecord(userId, m.role(), m.joinMillis(), m.muteUntilMillis(),
          m.nameCard(), m.custom(), option));
    }
  }

  // ---------------------------------------------------------------------------------------------------- sending

  /** A member sends: refused for non-members, a running mute, or a whole-group mute that silences its role. */
  public SendPermit authorizeSend(String appId, String groupId, String senderId) {
    return authorizeSend(appId, Caller.user(senderId), groupId, senderId);
  }

  /** As {@link #authorizeSend(String, String, String)}; the app server may send in anyone's name. */
  public SendPermit authorizeSend(String appId, Caller caller, String groupId, String senderId) {
    Inputs.id("the sender", senderId);
    Loaded g = load(appId, groupId);
    if (caller.isAppServer()) {
      check(GroupRules.send(Actor.APP_SERVER, g.kind(), g.options(), false));
      return new SendPermit(g.record(), g.kind());
    }
    Optional<MemberRecord> m = g.member(senderId);
    Actor actor = m.map(r -> Actor.of(r.role())).orElse(Actor.OUTSIDER);
    boolean muted = m.map(r -> r.muteUntilMillis() > clock.millis()).orElse(false);
    check(GroupRules.send(actor, g.kind(), g.options(), muted));
    return new SendPermit(g.record(), g.kind());
  }

  // ---------------------------------------------------------------------------------------------------- helpers

  private GroupKind kindFor(String appId, String kindId) {
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

  private Optional<Loaded> find(String appId, String groupId) {
    return store.group(appId, groupId).map(r -> {
      GroupKind kind = GroupKinds.byId(r.kind()).orElseThrow(() ->
          new IllegalStateException("group " + groupId + " has an unknown kind " + r.kind()));
      return new Loaded(r, kind, kind.storage().membership() == Membership.STORED ? stored : rooms);
    });
  }

  private Loaded load(String appId, String groupId) {
    Inputs.id("the app id", appId);
    Inputs.id("the group id", groupId);
    return find(appId, groupId).orElseThrow(() ->
        new GroupRefused(GroupCodes.NO_SUCH_GROUP, "no group " + groupId));
  }

  private Object lock(String appId, String groupId) {
    return locks[Math.floorMod(Objects.hash(appId, groupId), STRIPES)];
  }

  private static Actor actorOf(Loaded g, Caller caller) {
    if (caller.isAppServer()) {
      return Actor.APP_SERVER;
    }
    return g.member(caller.userId()).map(m -> Actor.of(m.role())).orElse(Actor.OUTSIDER);
  }

  private static Caller inviterCaller(String inviter) {
    return inviter.isEmpty() ? Caller.APP_SERVER : Caller.user(inviter);
  }

  private MemberRecord memberOrRefuse(Loaded g, String userId) {
    return g.member(userId).orElseThrow(() -> new GroupRefused(GroupCodes.NOT_A_MEMBER,
        userId + " is not a member of group " + g.id()));
  }

  /** Adds a member; the limit was checked by the rule that let it in (rooms hold it again under their lock). */
  private void join(Loaded g, String userId, Role role) {
    MemberRecord m = new MemberRecord(userId, role, clock.millis(), 0, "", Map.of(), ReceiveOption.NOTIFY);
    if (g.book() == rooms) {
      try {
        rooms.put(g.app(), g.id(), m, GroupRules.memberLimit(g.kind(), g.options()));
      } catch (IllegalStateException full) {
        check(GroupRules.checkRoom(g.kind(), g.options(), g.countInt()));
        throw full;
      }
    } else {
      g.book().put(g.app(), g.id(), m);
    }
  }

  /** The users an approval request goes to: the owner and admins where the kind's approvers include them. */
  private List<String> approvers(Loaded g) {
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

  private PendingRequest request(Loaded g, String userId, PendingRequest.Kind kind, String inviter, String reason,
      long now) {
    return new PendingRequest(g.app(), g.id(), userId, kind, inviter, reason, now,
        deadline(now, settings.requestTtl().toSeconds()));
  }

  private Optional<PendingRequest> pending(Loaded g, String userId, PendingRequest.Kind kind) {
    return store.request(g.app(), g.id(), userId, kind);
  }

  private GroupNotification invitation(Loaded g, PendingRequest q, long now) {
    return Tips.notification(g.id(), g.record().name(), GroupNotificationType.GROUP_NOTIFICATION_INVITATION,
        q.inviter(), q.userId(), q.reason(), now).setExpiresAtMs(q.expiresMillis()).build();
  }

  private void tip(Loaded g, GroupTipType type, Caller operator, List<String> users, Collection<String> alsoTell) {
    events.tip(g.app(), g.id(), Tips.tip(g.id(), type, operator, users, clock.millis(), g.count()), alsoTell).join();
  }

  private void infoTip(Loaded g, Caller operator, List<GroupInfoChange> changes) {
    events.tip(g.app(), g.id(), Tips.infoChanged(g.id(), operator, changes, clock.millis(), g.count()), List.of())
        .join();
  }

  private void notifyUsers(Loaded g, Collection<String> users, GroupNotification n) {
    if (!users.isEmpty()) {
      events.notify(g.app(), List.copyOf(new LinkedHashSet<>(users)), n).join();
    }
  }

  private static long deadline(long nowMillis, long seconds) {
    try {
      return Math.addExact(nowMillis, Math.multiplyExact(seconds, 1000L));
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  private static MemberRecord withRole(MemberRecord m, Role role) {
    return new MemberRecord(m.userId(), role, m.joinMillis(), m.muteUntilMillis(), m.nameCard(), m.custom(),
        m.receive());
  }

  private static GroupRecord withOwner(GroupRecord r, String owner) {
    return new GroupRecord(r.appId(), r.groupId(), r.kind(), r.name(), r.introduction(), r.notification(),
        r.faceUrl(), owner, r.options(), r.maxMembers(), r.custom(), r.createdMillis());
  }

  private static GroupRecord withOptions(GroupRecord r, GroupOptions o) {
    return new GroupRecord(r.appId(), r.groupId(), r.kind(), r.name(), r.introduction(), r.notification(),
        r.faceUrl(), r.owner(), o, r.maxMembers(), r.custom(), r.createdMillis());
  }
}
