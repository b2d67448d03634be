package io.parley.server.store;

import io.parley.server.account.Fields;
import io.parley.server.group.Actor;
import io.parley.server.group.Admission;
import io.parley.server.group.Consent;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.MuteAll;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The value codec of group and member records over {@link Fields}: a format byte, then the fields in a fixed order.
 * Enums are stored by name (reordering constants does not change stored meaning); an absent option is an empty name.
 * Member values leave the mute deadline out: it lives in its own record (see {@link GroupStore}).
 */
final class GroupCodec {

  private static final int GROUP_FORMAT = 1;
  private static final int MEMBER_FORMAT = 1;
  private static final int REQUEST_FORMAT = 1;

  private GroupCodec() {
  }

  static byte[] group(GroupRecord g) {
    Fields.Writer w = Fields.writer().u8(GROUP_FORMAT)
        .str(g.kind()).str(g.name()).str(g.introduction()).str(g.notification()).str(g.faceUrl()).str(g.owner());
    options(w, g.options());
    w.i64(g.maxMembers());
    map(w, g.custom());
    return w.i64(g.createdMillis()).build();
  }

  static GroupRecord group(String appId, String groupId, byte[] value) {
    Fields.Reader r = Fields.reader(value, "group").version(GROUP_FORMAT);
    String kind = r.str();
    String name = r.str();
    String introduction = r.str();
    String notification = r.str();
    String faceUrl = r.str();
    String owner = r.str();
    GroupOptions options = options(r);
    int maxMembers = (int) r.i64();
    Map<String, String> custom = map(r);
    long created = r.i64();
    r.end();
    return new GroupRecord(appId, groupId, kind, name, introduction, notification, faceUrl, owner, options,
        maxMembers, custom, created);
  }

  static byte[] member(MemberRecord m) {
    Fields.Writer w = Fields.writer().u8(MEMBER_FORMAT)
        .str(m.role().name()).i64(m.joinMillis()).str(m.nameCard());
    map(w, m.custom());
    return w.str(m.receive().name()).build();
  }

  static MemberRecord member(String userId, long muteUntilMillis, byte[] value) {
    Fields.Reader r = Fields.reader(value, "group member").version(MEMBER_FORMAT);
    Role role = Role.valueOf(r.str());
    long join = r.i64();
    String nameCard = r.str();
    Map<String, String> custom = map(r);
    ReceiveOption receive = ReceiveOption.valueOf(r.str());
    r.end();
    return new MemberRecord(userId, role, join, muteUntilMillis, nameCard, custom, receive);
  }

  /** User and kind are in the key too; kept in the value so a listing decodes without parsing keys. */
  static byte[] request(PendingRequest q) {
    return Fields.writer().u8(REQUEST_FORMAT).str(q.userId()).str(q.kind().name()).str(q.inviter())
        .str(q.reason()).i64(q.createdMillis()).i64(q.expiresMillis()).build();
  }

  static PendingRequest request(String appId, String groupId, byte[] value) {
    Fields.Reader r = Fields.reader(value, "group request").version(REQUEST_FORMAT);
    String userId = r.str();
    PendingRequest.Kind kind = PendingRequest.Kind.valueOf(r.str());
    String inviter = r.str();
    String reason = r.str();
    long created = r.i64();
    long expires = r.i64();
    r.end();
    return new PendingRequest(appId, groupId, userId, kind, inviter, reason, created, expires);
  }

  private static void options(Fields.Writer w, GroupOptions o) {
    w.str(o.apply().map(Enum::name).orElse(""));
    w.str(o.invite().map(Enum::name).orElse(""));
    actors(w, o.inviters());
    w.str(o.inviteeConsent().map(Enum::name).orElse(""));
    actors(w, o.infoEditors());
    actors(w, o.customEditors());
    w.u8(o.memberLimit().isPresent() ? 1 : 0).i64(o.memberLimit().orElse(0));
    w.str(o.muteAll().name());
  }

  private static GroupOptions options(Fields.Reader r) {
    Optional<Admission> apply = named(r.str()).map(Admission::valueOf);
    Optional<Admission> invite = named(r.str()).map(Admission::valueOf);
    Optional<Set<Actor>> inviters = actors(r);
    Optional<Consent> consent = named(r.str()).map(Consent::valueOf);
    Optional<Set<Actor>> info = actors(r);
    Optional<Set<Actor>> custom = actors(r);
    boolean hasLimit = r.u8() == 1;
    long limit = r.i64();
    MuteAll muteAll = MuteAll.valueOf(r.str());
    return new GroupOptions(apply, invite, inviters, consent, info, custom,
        hasLimit ? OptionalInt.of((int) limit) : OptionalInt.empty(), muteAll);
  }

  /** Presence byte, count, then names. */
  private static void actors(Fields.Writer w, Optional<Set<Actor>> actors) {
    w.u8(actors.isPresent() ? 1 : 0);
    Set<Actor> set = actors.orElse(Set.of());
    w.u8(set.size());
    for (Actor a : EnumSet.copyOf(set.isEmpty() ? EnumSet.noneOf(Actor.class) : set)) {
      w.str(a.name());
    }
  }

  private static Optional<Set<Actor>> actors(Fields.Reader r) {
    boolean present = r.u8() == 1;
    int n = r.u8();
    EnumSet<Actor> set = EnumSet.noneOf(Actor.class);
    for (int i = 0; i < n; i++) {
      set.add(Actor.valueOf(r.str()));
    }
    return present ? Optional.of(set) : Optional.empty();
  }

  /** Count, then key and value pairs in key order, so equal maps encode to equal bytes. */
  private static void map(Fields.Writer w, Map<String, String> map) {
    w.i64(map.size());
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      w.str(e.getKey()).str(e.getValue());
    }
  }

  private static Map<String, String> map(Fields.Reader r) {
    long n = r.i64();
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw new IllegalStateException("corrupt group record: map of " + n + " entries");
    }
    Map<String, String> out = new HashMap<>();
    for (long i = 0; i < n; i++) {
      out.put(r.str(), r.str());
    }
    return out;
  }

  private static Optional<String> named(String name) {
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }
}
