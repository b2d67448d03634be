package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.groupops.GroupChange;
import io.parley.server.groupops.GroupService;
import io.parley.server.groupops.GroupView;
import io.parley.server.groupops.MemberResult;
import io.parley.server.groupops.NewGroup;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.GroupStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Group/*} functions, each acting as the calling sub-account: CreateGroup, DeleteGroup (owner),
 * QueryGroupDetail, ModifyGroup (owner), JoinGroup, LogoutGroup, InviteJoinGroup and QueryGroup (the caller's groups).
 * {@code declared} is the group's announcement (the core's notification); {@code type} the app's own group category,
 * kept as the custom field {@value #TYPE}. Group ids are generated as {@code g} + 10 digits (the vendor's user names
 * may not start with {@code g}, because its group ids do).
 */
final class GroupFunctions {
  static final String TYPE = "type";
  static final int MAX_INVITEES = 50;

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

  private final GroupService groups;
  private final GroupStore store;

  GroupFunctions(GroupService groups, GroupStore store) {
    this.groups = groups;
    this.store = store;
  }

  /** {@code CreateGroup}: name, type?, permission ("0" public, default; "1" private), declared? → groupId. */
  ObjectNode create(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    String name = RequestFields.required(body, "name");
    String permission = RequestFields.optional(body, "permission").filter(s -> !s.isEmpty())
        .orElse(GroupPermission.PUBLIC);
    String kind = GroupPermission.kind(permission).orElseThrow(() -> new YuntongxunRestException(
        YuntongxunCodes.REQUEST_FORMAT, "permission is \"0\" (public: join directly) or \"1\" (private: joining needs "
            + "the owner's approval), not \"" + permission + "\""));
    String type = RequestFields.optional(body, TYPE).filter(s -> !s.isEmpty()).orElse("0");
    String declared = RequestFields.optional(body, "declared").orElse("");
    String groupId = "g" + String.format("%010d", Long.parseLong(store.nextGroupId(who.app().id()), 36));
    NewGroup group = new NewGroup(groupId, kind, who.userId(), name, "", declared, "", null, Map.of(TYPE, type),
        List.of());
    GroupView created = groups.create(who.app().id(), who.caller(), group);
    return YuntongxunAnswer.object().put("groupId", created.record().groupId());
  }

  /** {@code DeleteGroup}: groupId; the owner dismisses the group. */
  ObjectNode delete(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    groups.dismiss(who.app().id(), who.caller(), RequestFields.required(body, "groupId"));
    return YuntongxunAnswer.object();
  }

  /**
   * {@code QueryGroupDetail}: groupId → name, owner, count, permission, declared, type, dateCreated. Any sub-account
   * of the app may read it (one looks a group up before joining it).
   */
  ObjectNode detail(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    String groupId = RequestFields.required(body, "groupId");
    GroupView g = find(who, groupId);
    return json(YuntongxunAnswer.object(), g);
  }

  /**
   * {@code ModifyGroup}: groupId, name?, declared?, type?, permission? (the owner). The permission is the group's kind,
   * fixed when it is created: the same value is accepted, another is a 110141.
   */
  ObjectNode modify(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    String groupId = RequestFields.required(body, "groupId");
    Optional<String> permission = RequestFields.optional(body, "permission").filter(s -> !s.isEmpty());
    if (permission.isPresent()) {
      String now = GroupPermission.of(find(who, groupId).record().kind());
      if (!permission.get().equals(now)) {
        throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT, "group " + groupId + " has permission \""
            + now + "\", fixed when it was created: create a new group for another permission");
      }
    }
    GroupChange change = GroupChange.NONE;
    Optional<String> name = RequestFields.optional(body, "name").filter(s -> !s.isEmpty());
    if (name.isPresent()) {
      change = change.withName(name.get());
    }
    Optional<String> declared = RequestFields.optional(body, "declared");
    if (declared.isPresent()) {
      change = change.withNotification(declared.get());
    }
    Optional<String> type = RequestFields.optional(body, TYPE).filter(s -> !s.isEmpty());
    if (type.isPresent()) {
      change = change.withCustom(Map.of(TYPE, type.get()));
    }
    groups.modify(who.app().id(), who.caller(), groupId, change);
    return YuntongxunAnswer.object();
  }

  /**
   * {@code JoinGroup}: groupId, declared? (a word to the owner). A public group is joined at once; a private one
   * keeps the application until the owner answers it ({@code Member/AskJoin}). The answer's {@code joined} is "1" for
   * joined, "0" for waiting.
   */
  ObjectNode join(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    String groupId = RequestFields.required(body, "groupId");
    MemberResult r = groups.apply(who.app().id(), who.userId(), groupId,
        RequestFields.optional(body, "declared").orElse(""));
    switch (r.kind()) {
      case DONE:
        return YuntongxunAnswer.object().put("joined", "1");
      case PENDING_APPROVAL:
      case PENDING_CONSENT:
        return YuntongxunAnswer.object().put("joined", "0");
      case ALREADY:
        throw new YuntongxunRestException(YuntongxunCodes.ALREADY_MEMBER, r.message());
      default:
        throw GroupRefusals.of(r.code(), r.message());
    }
  }

  /** {@code LogoutGroup}: groupId; the caller leaves (the owner may not: it dismisses the group instead). */
  ObjectNode quit(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    groups.quit(who.app().id(), who.userId(), RequestFields.required(body, "groupId"));
    return YuntongxunAnswer.object();
  }

  /**
   * {@code InviteJoinGroup}: groupId, members (voipAccounts), declared?, confirm ("1", the default: they join
   * directly). The classic API's confirm "0" (each invitee consents first) is not served: the core decides consent
   * per group kind, and Yuntongxun's kinds need none. In a private group a member's invitation waits for the owner.
   */
  ObjectNode invite(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    String groupId = RequestFields.required(body, "groupId");
    List<String> members = RequestFields.strings(body, "members", MAX_INVITEES);
    String confirm = RequestFields.optional(body, "confirm").filter(s -> !s.isEmpty()).orElse("1");
    if (!confirm.equals("1")) {
      throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT, "confirm is \"1\" (invitees join directly);"
          + " invitations the invitee must accept (\"0\") are not served here");
    }
    List<MemberResult> results = groups.invite(who.app().id(), who.caller(), groupId, members,
        RequestFields.optional(body, "declared").orElse(""));
    return MemberAnswers.of(results, YuntongxunCodes.ALREADY_MEMBER);
  }

  /** {@code QueryGroup}: the groups the caller is a member of, as {@code groups: [{groupId, name, …}]}. */
  ObjectNode mine(SubAccountCaller who, JsonNode body) {
    ObjectNode out = YuntongxunAnswer.object();
    ArrayNode list = out.putArray("groups");
    for (GroupView g : groups.groupsOf(who.app().id(), who.userId())) {
      json(list.addObject(), g);
    }
    out.put("count", Integer.toString(list.size()));
    return out;
  }

  private GroupView find(SubAccountCaller who, String groupId) throws YuntongxunRestException {
    List<GroupView> found = groups.get(who.app().id(), List.of(groupId));
    if (found.isEmpty()) {
      throw new YuntongxunRestException(YuntongxunCodes.NO_SUCH_GROUP, "no group " + groupId + " in this app");
    }
    return found.get(0);
  }

  private static ObjectNode json(ObjectNode o, GroupView g) {
    GroupRecord r = g.record();
    return o.put("groupId", r.groupId()).put("name", r.name()).put("owner", r.owner())
        .put("count", Long.toString(g.memberCount())).put("permission", GroupPermission.of(r.kind()))
        .put("declared", r.notification()).put(TYPE, r.custom().getOrDefault(TYPE, "0"))
        .put("dateCreated", DATE.format(Instant.ofEpochMilli(r.createdMillis())));
  }
}
