package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.app.App;
import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.Setting;
import io.parley.server.groupops.Caller;
import io.parley.server.groupops.GroupChange;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.groupops.GroupService;
import io.parley.server.groupops.GroupView;
import io.parley.server.groupops.NewGroup;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tencent REST v4 group lifecycle and info commands ({@code group_open_http_svc/}): {@code create_group},
 * {@code import_group}, {@code get_group_info}, {@code modify_group_base_info}, {@code destroy_group} and
 * {@code get_joined_group_list}, over {@link GroupService} as the app server. Blocks on disk (HTTP handler threads).
 */
final class TencentGroupCommands {
  static final int MAX_GET_GROUPS = 50;
  static final int MAX_NAME_BYTES = 30;
  static final int MAX_INTRODUCTION_BYTES = 240;
  static final int MAX_NOTIFICATION_BYTES = 300;
  /** Members listed in get_group_info (the vendor lists them all; large groups are paged with get_group_member_info). */
  static final int INFO_MEMBERS = 500;
  private static final int MAX_CREATE_MEMBERS = 500;
  private static final int LAST_MSG_SCAN = 20;

  private final GroupService groups;
  private final Store store;
  private final Clock clock;

  TencentGroupCommands(GroupService groups, Store store, Clock clock) {
    this.groups = groups;
    this.store = store;
    this.clock = clock;
  }

  /** {@code create_group}: Owner_Account, Type, GroupId?, Name, … MemberList? → GroupId. */
  ObjectNode create(App app, JsonNode body) throws TencentRestException {
    return make(app, body, true);
  }

  /**
   * {@code import_group}: as create_group without initial members, created at CreateTime (seconds; absent: now), and
   * nobody told: no system notification, no callback.
   */
  ObjectNode importGroup(App app, JsonNode body) throws TencentRestException {
    return make(app, body, false);
  }

  private ObjectNode make(App app, JsonNode body, boolean create) throws TencentRestException {
    boolean withMembers = create;
    long createdMillis = 0;
    if (!create) {
      long createTime = BodyFields.optionalInteger(body, "CreateTime").orElse(0L);
      if (createTime < 0 || createTime > clock.millis() / 1000) {
        throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
            "CreateTime must be a time in seconds up to now, not " + createTime);
      }
      createdMillis = createTime == 0 ? clock.millis() : createTime * 1000;
    }
    GroupKind kind = TencentGroupTypes.kind(BodyFields.text(body, "Type"));
    String owner = BodyFields.optionalText(body, "Owner_Account").orElse("");
    if (!owner.isEmpty() && !BodyFields.validUserId(owner)) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER, "Owner_Account is not a valid UserID: " + owner);
    }
    String name = limited(body, "Name", MAX_NAME_BYTES, true);
    Optional<String> given = BodyFields.optionalText(body, "GroupId").filter(s -> !s.isEmpty());
    String groupId = given.isPresent() ? TencentGroupErrors.newGroupId(given.get()) : generatedId(app, kind);
    GroupOptions options = GroupOptions.DEFAULTS;
    Optional<Long> max = BodyFields.optionalInteger(body, "MaxMemberCount");
    if (max.isPresent() && max.get() > 0) {
      if (max.get() > kind.limit().maxMembers()) {
        throw new TencentRestException(TencentCodes.INVALID_PARAMETER, "MaxMemberCount must be at most "
            + kind.limit().maxMembers() + " for a " + TencentGroupTypes.type(kind.id()) + " group");
      }
      options = options.withMemberLimit(max.get().intValue());
    }
    Optional<String> apply = BodyFields.optionalText(body, "ApplyJoinOption").filter(s -> !s.isEmpty());
    if (apply.isPresent()) {
      // The vendor ignores ApplyJoinOption where the type fixes it (Work: invite only; Meeting, AVChatRoom: free).
      options = kind.settings().contains(Setting.APPLY) ? options.withApply(TencentGroupTypes.admission(apply.get()))
          : options;
      TencentGroupTypes.admission(apply.get());
    }
    List<NewGroup.Member> members = new ArrayList<>();
    // An empty MemberList (what the doocs SDK sends when none is given) is no members, as the vendor reads it.
    if (withMembers && body.hasNonNull("MemberList") && !(body.get("MemberList").isArray()
        && body.get("MemberList").isEmpty())) {
      for (JsonNode m : BodyFields.array(body, "MemberList", MAX_CREATE_MEMBERS)) {
        String user = BodyFields.userId(m, "Member_Account");
        if (user.equals(owner)) {
          continue;
        }
        members.add(new NewGroup.Member(user, TencentGroupTypes.memberRole(BodyFields.optionalText(m, "Role"),
            "MemberList[].Role"), BodyFields.optionalText(m, "NameCard").orElse(""),
            TencentGroupJson.readDefinedData(m, "AppMemberDefinedData")));
      }
    }
    NewGroup group = new NewGroup(groupId, kind.id(), owner, name,
        limited(body, "Introduction", MAX_INTRODUCTION_BYTES, false),
        limited(body, "Notification", MAX_NOTIFICATION_BYTES, false),
        BodyFields.optionalText(body, "FaceUrl").orElse(""), options,
        TencentGroupJson.readDefinedData(body, "AppDefinedData"), members);
    GroupView created;
    try {
      created = create ? groups.create(app.id(), Caller.APP_SERVER, group)
          : groups.importGroup(app.id(), Caller.APP_SERVER, group, createdMillis);
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
    ObjectNode out = TencentEnvelope.object();
    out.put("GroupId", created.record().groupId());
    return out;
  }

  /** The vendor's generated ids: {@code @TGS#} and then letters and digits ({@code @TGS#a…} for AVChatRoom). */
  private String generatedId(App app, GroupKind kind) {
    String tag = kind.id().equals("tencent.AVChatRoom") ? "a" : "2";
    return TencentGroupErrors.GENERATED_PREFIX + tag + store.groups().nextGroupId(app.id());
  }

  /**
   * {@code get_group_info}: GroupIdList (1 to 50) → GroupInfo[], one per id in order; a missing group is an item with
   * its own ErrorCode 10010. ResponseFilter's GroupBaseInfoFilter narrows the base fields, MemberInfoFilter the
   * member fields (without a filter all fields and the member list are given).
   */
  ObjectNode getInfo(App app, JsonNode body) throws TencentRestException {
    List<String> ids = BodyFields.texts(body, "GroupIdList", MAX_GET_GROUPS);
    JsonNode filter = body.get("ResponseFilter");
    Optional<Set<String>> baseFilter = TencentGroupJson.filter(filter, "GroupBaseInfoFilter");
    Optional<Set<String>> memberFilter = TencentGroupJson.filter(filter, "MemberInfoFilter");
    boolean listMembers = filter == null || filter.isNull() || memberFilter.isPresent();
    ArrayNode list = TencentEnvelope.JSON.createArrayNode();
    for (String id : ids) {
      ObjectNode item = list.addObject();
      Optional<GroupView> view = find(app, id);
      if (view.isEmpty()) {
        item.put("GroupId", id);
        item.put("ErrorCode", TencentGroupErrors.NO_SUCH_GROUP);
        item.put("ErrorInfo", "no group " + id + " (never created, or destroyed)");
        continue;
      }
      item.put("GroupId", id);
      item.put("ErrorCode", 0);
      item.put("ErrorInfo", "");
      GroupRecord g = view.get().record();
      TencentGroupJson.baseInfo(item, g, view.get().memberCount(), store.newestGroupSeq(app.id(), id),
          lastMsgTime(app, id), baseFilter);
      if (listMembers) {
        ArrayNode members = item.putArray("MemberList");
        long now = clock.millis();
        for (MemberRecord m : members(app, id, INFO_MEMBERS)) {
          members.add(TencentGroupJson.member(m, store.groupCursor(app.id(), m.userId(), id), now, memberFilter));
        }
      }
    }
    ObjectNode out = TencentEnvelope.object();
    out.set("GroupInfo", list);
    return out;
  }

  /** {@code modify_group_base_info}: Name, Introduction, Notification, FaceUrl, ApplyJoinOption, MuteAllMember, AppDefinedData. */
  ObjectNode modify(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    GroupChange change = GroupChange.NONE;
    Optional<String> name = BodyFields.optionalText(body, "Name");
    if (name.isPresent()) {
      change = change.withName(limited(body, "Name", MAX_NAME_BYTES, true));
    }
    if (body.hasNonNull("Introduction")) {
      change = change.withIntroduction(limited(body, "Introduction", MAX_INTRODUCTION_BYTES, false));
    }
    if (body.hasNonNull("Notification")) {
      change = change.withNotification(limited(body, "Notification", MAX_NOTIFICATION_BYTES, false));
    }
    Optional<String> face = BodyFields.optionalText(body, "FaceUrl");
    if (face.isPresent()) {
      change = change.withFaceUrl(face.get());
    }
    Optional<String> apply = BodyFields.optionalText(body, "ApplyJoinOption").filter(s -> !s.isEmpty());
    if (apply.isPresent()) {
      change = change.withApply(TencentGroupTypes.admission(apply.get()));
    }
    Map<String, String> custom = TencentGroupJson.readDefinedData(body, "AppDefinedData");
    if (!custom.isEmpty()) {
      change = change.withCustom(custom);
    }
    if (body.hasNonNull("MaxMemberNum")) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
          "MaxMemberNum cannot be changed here after creation; give MaxMemberCount to create_group");
    }
    Optional<String> muteAll = BodyFields.optionalText(body, "MuteAllMember").filter(s -> !s.isEmpty());
    try {
      if (!change.equals(GroupChange.NONE) || muteAll.isEmpty()) {
        groups.modify(app.id(), Caller.APP_SERVER, id, change);
      }
      if (muteAll.isPresent()) {
        groups.muteAll(app.id(), Caller.APP_SERVER, id, TencentGroupTypes.muteAll(muteAll.get()));
      }
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
    return TencentEnvelope.object();
  }

  /** {@code destroy_group}: GroupId. Members are told; the app hears Group.CallbackAfterGroupDestroyed. */
  ObjectNode destroy(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    try {
      groups.dismiss(app.id(), Caller.APP_SERVER, id);
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
    return TencentEnvelope.object();
  }

  /**
   * {@code get_joined_group_list}: Member_Account, Limit?, Offset?, GroupType? → TotalCount, GroupIdList[{GroupId,
   * and the ResponseFilter's GroupBaseInfoFilter fields}]. AVChatRoom groups are not listed (as the vendor does without
   * WithHugeGroups).
   */
  ObjectNode joined(App app, JsonNode body) throws TencentRestException {
    String user = BodyFields.userId(body, "Member_Account");
    Optional<String> type = BodyFields.optionalText(body, "GroupType").filter(s -> !s.isEmpty());
    if (type.isPresent()) {
      TencentGroupTypes.kind(type.get());
    }
    long limit = BodyFields.optionalInteger(body, "Limit").orElse(0L);
    long offset = BodyFields.optionalInteger(body, "Offset").orElse(0L);
    if (limit < 0 || offset < 0) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER, "Limit and Offset must not be negative");
    }
    Optional<Set<String>> baseFilter = TencentGroupJson.filter(body.get("ResponseFilter"), "GroupBaseInfoFilter");
    List<GroupView> all;
    try {
      all = groups.groupsOf(app.id(), user);
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
    Optional<String> wanted = type.isEmpty() ? Optional.empty() : Optional.of(canonical(type.get()));
    List<GroupView> matching = all.stream().filter(v -> wanted.isEmpty()
        || TencentGroupTypes.type(v.record().kind()).equals(wanted.get())).toList();
    ArrayNode list = TencentEnvelope.JSON.createArrayNode();
    long end = limit == 0 ? matching.size() : Math.min(matching.size(), offset + limit);
    for (long i = offset; i < end; i++) {
      GroupView v = matching.get((int) i);
      ObjectNode item = list.addObject();
      item.put("GroupId", v.record().groupId());
      if (baseFilter.isPresent()) {
        TencentGroupJson.baseInfo(item, v.record(), v.memberCount(),
            store.newestGroupSeq(app.id(), v.record().groupId()), lastMsgTime(app, v.record().groupId()), baseFilter);
      }
    }
    ObjectNode out = TencentEnvelope.object();
    out.put("TotalCount", matching.size());
    out.set("GroupIdList", list);
    return out;
  }

  private static String canonical(String type) throws TencentRestException {
    return TencentGroupTypes.type(TencentGroupTypes.kind(type).id());
  }

  private Optional<GroupView> find(App app, String id) {
    List<GroupView> found = groups.get(app.id(), List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Up to {@code max} members, in id order. */
  private List<MemberRecord> members(App app, String id, int max) {
    List<MemberRecord> out = new ArrayList<>();
    String cursor = "";
    while (out.size() < max) {
      MemberPage page = groups.members(app.id(), Caller.APP_SERVER, id, Optional.empty(), cursor, max - out.size());
      out.addAll(page.members());
      if (page.next() == null || page.next().isEmpty() || page.members().isEmpty()) {
        break;
      }
      cursor = page.next();
    }
    return out;
  }

  /** The time (s) of the group's newest message, 0 when none of its newest entries is one. */
  private long lastMsgTime(App app, String id) {
    for (TimelineEntry e : store.readGroupBackwards(app.id(), id, Long.MAX_VALUE, LAST_MSG_SCAN)) {
      if (e.hasMessage()) {
        return e.getMessage().getServerTimeMs() / 1000;
      }
    }
    return 0;
  }

  private static String limited(JsonNode body, String field, int maxBytes, boolean required)
      throws TencentRestException {
    String value = required ? BodyFields.text(body, field) : BodyFields.optionalText(body, field).orElse("");
    if (required && value.isEmpty()) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER, field + " must not be empty");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
          field + " must be at most " + maxBytes + " bytes of UTF-8");
    }
    return value;
  }
}
