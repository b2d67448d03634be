package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.group.GroupKinds;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.MemberRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A group's and a member's fields as Tencent names them (doocs {@code GroupInfo}, {@code MemberProfile}), each list
 * optionally narrowed by a ResponseFilter's field names; and the {@code AppDefinedData} [{Key, Value}] lists.
 */
final class TencentGroupJson {
  private TencentGroupJson() {}

  /** Base fields of a group; {@code only} empty: all of them. NextMsgSeq and LastMsgTime come from the history. */
  static void baseInfo(ObjectNode out, GroupRecord g, long memberCount, long newestSeq, long lastMsgTime,
      Optional<Set<String>> only) {
    Map<String, Runnable> fields = new LinkedHashMap<>();
    fields.put("Type", () -> out.put("Type", TencentGroupTypes.type(g.kind())));
    fields.put("Name", () -> out.put("Name", g.name()));
    fields.put("Introduction", () -> out.put("Introduction", g.introduction()));
    fields.put("Notification", () -> out.put("Notification", g.notification()));
    fields.put("FaceUrl", () -> out.put("FaceUrl", g.faceUrl()));
    fields.put("Owner_Account", () -> out.put("Owner_Account", g.owner()));
    fields.put("CreateTime", () -> out.put("CreateTime", g.createdMillis() / 1000));
    fields.put("InfoSeq", () -> out.put("InfoSeq", 0));
    fields.put("LastInfoTime", () -> out.put("LastInfoTime", g.createdMillis() / 1000));
    fields.put("LastMsgTime", () -> out.put("LastMsgTime", lastMsgTime));
    fields.put("NextMsgSeq", () -> out.put("NextMsgSeq", newestSeq + 1));
    fields.put("MemberNum", () -> out.put("MemberNum", memberCount));
    fields.put("MaxMemberNum", () -> out.put("MaxMemberNum", g.maxMembers()));
    fields.put("ApplyJoinOption", () -> out.put("ApplyJoinOption", TencentGroupTypes.applyJoinOption(
        GroupKinds.byId(g.kind()).orElseThrow().refinedBy(g.options()).join().admission())));
    fields.put("MuteAllMember", () -> out.put("MuteAllMember", TencentGroupTypes.muteAllMember(g.muteAll())));
    fields.forEach((name, put) -> {
      if (only.isEmpty() || only.get().contains(name)) {
        put.run();
      }
    });
    if (only.isEmpty() || !g.custom().isEmpty()) {
      out.set("AppDefinedData", definedData(g.custom()));
    }
  }

  /** One member's fields; {@code only} empty: all. MsgSeq is the member's read seq in the group. */
  static ObjectNode member(MemberRecord m, long readSeq, long nowMillis, Optional<Set<String>> only) {
    ObjectNode out = TencentEnvelope.object();
    out.put("Member_Account", m.userId());
    long muteUntil = m.muteUntilMillis() > nowMillis ? m.muteUntilMillis() / 1000 : 0;
    Map<String, Runnable> fields = new LinkedHashMap<>();
    fields.put("Role", () -> out.put("Role", TencentGroupTypes.role(m.role())));
    fields.put("JoinTime", () -> out.put("JoinTime", m.joinMillis() / 1000));
    fields.put("MsgSeq", () -> out.put("MsgSeq", readSeq));
    fields.put("MsgFlag", () -> out.put("MsgFlag", TencentGroupTypes.msgFlag(m.receive())));
    fields.put("LastSendMsgTime", () -> out.put("LastSendMsgTime", 0));
    // The vendor's docs call it ShutUpUntil, the doocs SDK MuteUntil: both are given.
    fields.put("ShutUpUntil", () -> out.put("ShutUpUntil", muteUntil));
    fields.put("MuteUntil", () -> out.put("MuteUntil", muteUntil));
    fields.put("NameCard", () -> out.put("NameCard", m.nameCard()));
    fields.forEach((name, put) -> {
      if (only.isEmpty() || only.get().contains(name)
          || (name.equals("MuteUntil") && only.get().contains("ShutUpUntil"))) {
        put.run();
      }
    });
    if (!m.custom().isEmpty()) {
      out.set("AppMemberDefinedData", definedData(m.custom()));
    }
    return out;
  }

  /** {@code [{Key, Value}]}. */
  static ArrayNode definedData(Map<String, String> custom) {
    ArrayNode list = TencentEnvelope.JSON.createArrayNode();
    new java.util.TreeMap<>(custom).forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
    return list;
  }

  /** Reads {@code [{Key, Value}]}; a non-string Value is kept as its JSON text. */
  static Map<String, String> readDefinedData(JsonNode body, String field) throws TencentRestException {
    JsonNode list = body.get(field);
    Map<String, String> out = new LinkedHashMap<>();
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER, field + " must be an array of {Key, Value}");
    }
    for (JsonNode item : list) {
      JsonNode key = item.get("Key");
      if (key == null || !key.isTextual() || key.asText().isEmpty()) {
        throw new TencentRestException(TencentCodes.INVALID_PARAMETER, field + "[].Key must be a non-empty string");
      }
      JsonNode value = item.get("Value");
      out.put(key.asText(), value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString());
    }
    return out;
  }

  /** A list of field names in a filter object, if given. */
  static Optional<Set<String>> filter(JsonNode parent, String field) {
    JsonNode list = parent == null ? null : parent.get(field);
    if (list == null || !list.isArray()) {
      return Optional.empty();
    }
    Set<String> names = new java.util.HashSet<>();
    list.forEach(n -> names.add(n.asText()));
    return Optional.of(names);
  }
}
