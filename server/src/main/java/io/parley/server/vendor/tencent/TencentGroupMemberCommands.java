package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;
import io.parley.server.group.Role;
import io.parley.server.groupops.Caller;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.groupops.GroupService;
import io.parley.server.groupops.GroupView;
import io.parley.server.groupops.MemberResult;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tencent REST v4 group membership commands ({@code group_open_http_svc/}): {@code add_group_member},
 * {@code delete_group_member}, {@code get_group_member_info}, {@code get_role_in_group}, {@code change_group_owner},
 * {@code forbid_send_msg}, {@code get_group_muted_account} and {@code import_group_member}, as the app server.
 */
final class TencentGroupMemberCommands {
  /** add_group_member's per-member Result: 0 failed, 1 added, 2 already a member. */
  static final int RESULT_FAILED = 0;
  static final int RESULT_ADDED = 1;
  static final int RESULT_ALREADY = 2;
  static final int MAX_ADD = 300;
  static final int MAX_DELETE = 100;
  static final int MAX_MUTE = 500;
  static final int MAX_ROLE_QUERY = 500;
  static final int MAX_MEMBER_PAGE = 6000;
  /** The vendor's "muted for good": the largest uint32 of seconds. */
  static final long PERMANENT_MUTE = 4_294_967_295L;

  private final GroupService groups;
  private final Store store;
  private final Clock clock;

  TencentGroupMemberCommands(GroupService groups, Store store, Clock clock) {
    this.groups = groups;
    this.store = store;
    this.clock = clock;
  }

  /** {@code add_group_member}: GroupId, Silence?, MemberList[{Member_Account}] → MemberList[{Member_Account, Result}]. */
  ObjectNode add(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    List<String> users = accounts(body, "MemberList", "Member_Account", MAX_ADD);
    return memberResults(invite(app, id, users));
  }

  /**
   * {@code import_group_member}: GroupId, MemberList[{Member_Account, Role?, JoinTime?, UnreadMsgNum?}] (1 to 300) →
   * MemberList[{Member_Account, Result}]: members written as they were (Role Admin or Member, JoinTime in seconds),
   * with no tip and no callback. UnreadMsgNum is not kept.
   */
  ObjectNode importMembers(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    List<GroupService.Imported> members = new ArrayList<>();
    for (JsonNode item : BodyFields.array(body, "MemberList", MAX_ADD)) {
      String user = BodyFields.userId(item, "Member_Account");
      Role role = TencentGroupTypes.memberRole(BodyFields.optionalText(item, "Role"), "MemberList[].Role");
      long joinTime = BodyFields.optionalInteger(item, "JoinTime").orElse(0L);
      if (joinTime < 0 || joinTime > Long.MAX_VALUE / 1000) {
        throw new TencentRestException(TencentCodes.INVALID_PARAMETER, "MemberList[].JoinTime is a time in seconds");
      }
      members.add(new GroupService.Imported(user, role, joinTime * 1000));
    }
    try {
      return memberResults(groups.importMembers(app.id(), Caller.APP_SERVER, id, members));
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
  }

  private List<MemberResult> invite(App app, String id, List<String> users) throws TencentRestException {
    try {
      return groups.invite(app.id(), Caller.APP_SERVER, id, users, "");
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
  }

  private static ObjectNode memberResults(List<MemberResult> results) {
    ArrayNode list = TencentEnvelope.JSON.createArrayNode();
    for (MemberResult r : results) {
      int result = switch (r.kind()) {
        case DONE -> RESULT_ADDED;
        case ALREADY -> RESULT_ALREADY;
        default -> RESULT_FAILED;
      };
      list.addObject().put("Member_Account", r.userId()).put("Result", result);
    }
    ObjectNode out = TencentEnvelope.object();
    out.set("MemberList", list);
    return out;
  }

  /**
   * {@code delete_group_member}: GroupId, Silence?, Reason?, MemberToDel_Account (1 to 100). Accounts that are not
   * members are skipped; any other refusal (the owner, an AVChatRoom) fails the call with its code.
   */
  ObjectNode delete(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    List<String> users = userIds(body, "MemberToDel_Account", MAX_DELETE);
    String reason = BodyFields.optionalText(body, "Reason").orElse("");
    try {
      firstRefusal(groups.kick(app.id(), Caller.APP_SERVER, id, users, reason));
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
    return TencentEnvelope.object();
  }

  /**
   * {@code get_group_member_info}: GroupId, Limit?, Offset?, MemberInfoFilter?, MemberRoleFilter? → MemberNum,
   * MemberList (in member id order), and Next (empty: no more).
   */
  ObjectNode info(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    long limit = BodyFields.optionalInteger(body, "Limit").orElse(0L);
    long offset = BodyFields.optionalInteger(body, "Offset").orElse(0L);
    if (limit < 0 || offset < 0 || limit > MAX_MEMBER_PAGE) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
          "Limit must be 0 to " + MAX_MEMBER_PAGE + " and Offset not negative");
    }
    int want = limit == 0 ? MAX_MEMBER_PAGE : (int) limit;
    Set<Role> roles = EnumSet.allOf(Role.class);
    JsonNode roleFilter = body.get("MemberRoleFilter");
    if (roleFilter != null && roleFilter.isArray() && !roleFilter.isEmpty()) {
      roles = EnumSet.noneOf(Role.class);
      for (JsonNode r : roleFilter) {
        roles.add(TencentGroupTypes.filterRole(r.asText()));
      }
    }
    Optional<Set<String>> fields = TencentGroupJson.filter(body, "MemberInfoFilter");
    GroupView view = view(app, id);
    ArrayNode list = TencentEnvelope.JSON.createArrayNode();
    long skipped = 0;
    long now = clock.millis();
    String cursor = BodyFields.optionalText(body, "Next").orElse("");
    String next = "";
    String lastIncluded = "";
    try {
      while (true) {
        MemberPage page = groups.members(app.id(), Caller.APP_SERVER, id, Optional.empty(), cursor, 0);
        for (MemberRecord m : page.members()) {
          if (!roles.contains(m.role())) {
            continue;
          }
          if (skipped < offset) {
            skipped++;
            continue;
          }
          if (list.size() == want) {
            next = lastIncluded; // the store's cursor: members after this id
            break;
          }
          lastIncluded = m.userId();
          list.add(TencentGroupJson.member(m, store.groupCursor(app.id(), m.userId(), id), now, fields));
        }
        if (!next.isEmpty() || page.next() == null || page.next().isEmpty() || page.members().isEmpty()) {
          break;
        }
        cursor = page.next();
      }
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
    ObjectNode out = TencentEnvelope.object();
    out.put("MemberNum", view.memberCount());
    out.set("MemberList", list);
    out.put("Next", next);
    return out;
  }

  /** {@code get_role_in_group}: GroupId, User_Account[] → UserIdList[{Member_Account, Role: Owner/Admin/Member/NotMember}]. */
  ObjectNode roles(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    List<String> users = userIds(body, "User_Account", MAX_ROLE_QUERY);
    view(app, id);
    ArrayNode list = TencentEnvelope.JSON.createArrayNode();
    for (String user : users) {
      Optional<MemberRecord> m = store.groups().member(app.id(), id, user);
      list.addObject().put("Member_Account", user)
          .put("Role", m.map(r -> TencentGroupTypes.role(r.role())).orElse("NotMember"));
    }
    ObjectNode out = TencentEnvelope.object();
    out.set("UserIdList", list);
    return out;
  }

  /** {@code change_group_owner}: GroupId, NewOwner_Account (a member). */
  ObjectNode changeOwner(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    String owner = BodyFields.userId(body, "NewOwner_Account");
    try {
      groups.transferOwner(app.id(), Caller.APP_SERVER, id, owner);
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
    return TencentEnvelope.object();
  }

  /**
   * {@code forbid_send_msg}: GroupId, Members_Account (1 to 500), MuteTime (seconds; 0 unmutes; 4294967295 for good).
   * A refusal for any account (not a member, the owner, a Work group) fails the call with its code.
   */
  ObjectNode forbid(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    List<String> users = userIds(body, "Members_Account", MAX_MUTE);
    long seconds = BodyFields.optionalInteger(body, "MuteTime").orElseThrow(() -> new TencentRestException(
        TencentCodes.INVALID_PARAMETER, "the body lacks MuteTime, a whole number of seconds"));
    if (seconds < 0 || seconds > PERMANENT_MUTE) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
          "MuteTime must be 0 to " + PERMANENT_MUTE + " seconds, not " + seconds);
    }
    try {
      firstRefusal(groups.mute(app.id(), Caller.APP_SERVER, id, users, seconds));
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
    return TencentEnvelope.object();
  }

  /** {@code get_group_muted_account}: GroupId → MutedAccountList[{Member_Account, MutedUntil (s)}], muted members only. */
  ObjectNode muted(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    ArrayNode list = TencentEnvelope.JSON.createArrayNode();
    long now = clock.millis();
    String cursor = "";
    try {
      while (true) {
        MemberPage page = groups.members(app.id(), Caller.APP_SERVER, id, Optional.empty(), cursor, 0);
        for (MemberRecord m : page.members()) {
          if (m.muteUntilMillis() > now) {
            list.addObject().put("Member_Account", m.userId()).put("MutedUntil", m.muteUntilMillis() / 1000);
          }
        }
        if (page.next() == null || page.next().isEmpty() || page.members().isEmpty()) {
          break;
        }
        cursor = page.next();
      }
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
    ObjectNode out = TencentEnvelope.object();
    out.set("MutedAccountList", list);
    return out;
  }

  private GroupView view(App app, String id) throws TencentRestException {
    List<GroupView> found = groups.get(app.id(), List.of(id));
    if (found.isEmpty()) {
      throw new TencentRestException(TencentGroupErrors.NO_SUCH_GROUP, "no group " + id);
    }
    return found.get(0);
  }

  /** Throws the first refusal that is not "nothing to do" (not a member, already so). */
  private static void firstRefusal(List<MemberResult> results) throws TencentRestException {
    for (MemberResult r : results) {
      if (r.kind() == MemberResult.Kind.REFUSED) {
        throw new TencentRestException(TencentGroupErrors.code(r.code()), r.userId() + ": " + r.message());
      }
    }
  }

  private static List<String> userIds(JsonNode body, String field, int max) throws TencentRestException {
    List<String> users = new ArrayList<>(new LinkedHashSet<>(BodyFields.texts(body, field, max)));
    for (String u : users) {
      if (!BodyFields.validUserId(u)) {
        throw new TencentRestException(TencentCodes.INVALID_PARAMETER, field + " holds an invalid UserID: \"" + u + "\"");
      }
    }
    return users;
  }

  private static List<String> accounts(JsonNode body, String array, String field, int max) throws TencentRestException {
    List<String> users = BodyFields.textsOfObjects(body, array, field, max);
    for (String u : users) {
      if (!BodyFields.validUserId(u)) {
        throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
            array + "[]." + field + " holds an invalid UserID: \"" + u + "\"");
      }
    }
    return users;
  }
}
