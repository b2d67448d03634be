package io.parley.server.vendor.tencent;

import io.parley.server.group.Admission;
import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupKinds;
import io.parley.server.group.MuteAll;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tencent's group words and Parley's: {@code Type} (Work/Private, Public, Meeting/ChatRoom, Community, AVChatRoom) and
 * the {@code tencent.*} kinds, ApplyJoinOption, roles (Owner/Admin/Member), MuteAllMember and MsgFlag.
 */
final class TencentGroupTypes {
  private static final Map<String, GroupKind> KINDS = Map.of(
      "Work", GroupKinds.TENCENT_WORK,
      "Private", GroupKinds.TENCENT_WORK,
      "Public", GroupKinds.TENCENT_PUBLIC,
      "Meeting", GroupKinds.TENCENT_MEETING,
      "ChatRoom", GroupKinds.TENCENT_MEETING,
      "Community", GroupKinds.TENCENT_COMMUNITY,
      "AVChatRoom", GroupKinds.TENCENT_AVCHATROOM);

  private TencentGroupTypes() {}

  /** The kind of a {@code Type}; ChatRoom is Meeting and Private is Work, as the vendor has them. */
  static GroupKind kind(String type) throws TencentRestException {
    GroupKind kind = KINDS.get(type);
    if (kind == null) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
          "Type must be one of Work, Public, Meeting, ChatRoom, Community, AVChatRoom (or Private), not \"" + type + "\"");
    }
    return kind;
  }

  /** The {@code Type} of a kind id ({@code tencent.Public} → {@code Public}). */
  static String type(String kindId) {
    return kindId.substring(kindId.indexOf('.') + 1);
  }

  /** ApplyJoinOption FreeAccess / NeedPermission / DisableApply. */
  static Admission admission(String option) throws TencentRestException {
    switch (option) {
      case "FreeAccess":
        return Admission.FREE;
      case "NeedPermission":
        return Admission.APPROVAL;
      case "DisableApply":
        return Admission.DISABLED;
      default:
        throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
            "ApplyJoinOption must be FreeAccess, NeedPermission or DisableApply, not \"" + option + "\"");
    }
  }

  /** The ApplyJoinOption a group answers with. */
  static String applyJoinOption(Admission a) {
    return switch (a) {
      case FREE -> "FreeAccess";
      case APPROVAL -> "NeedPermission";
      case DISABLED -> "DisableApply";
    };
  }

  /** Owner, Admin or Member. */
  static String role(Role r) {
    return switch (r) {
      case OWNER -> "Owner";
      case ADMIN -> "Admin";
      case MEMBER -> "Member";
    };
  }

  /** The role named in a request: Admin or Member (case as the vendor writes it; Owner is not given this way). */
  static Role memberRole(Optional<String> name, String field) throws TencentRestException {
    if (name.isEmpty() || name.get().isEmpty() || name.get().equals("Member")) {
      return Role.MEMBER;
    }
    if (name.get().equals("Admin")) {
      return Role.ADMIN;
    }
    throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
        field + " must be Admin or Member, not \"" + name.get() + "\"");
  }

  /** A role named in a filter (Owner, Admin, Member; any case). */
  static Role filterRole(String name) throws TencentRestException {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "owner":
        return Role.OWNER;
      case "admin":
        return Role.ADMIN;
      case "member":
        return Role.MEMBER;
      default:
        throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
            "MemberRoleFilter holds Owner, Admin or Member, not \"" + name + "\"");
    }
  }

  /** MuteAllMember On / Off. */
  static MuteAll muteAll(String value) throws TencentRestException {
    switch (value) {
      case "On":
        return MuteAll.MEMBERS;
      case "Off":
        return MuteAll.OFF;
      default:
        throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
            "MuteAllMember must be On or Off, not \"" + value + "\"");
    }
  }

  /** The MuteAllMember a group answers with. */
  static String muteAllMember(MuteAll m) {
    return m == MuteAll.OFF ? "Off" : "On";
  }

  /** MsgFlag: AcceptAndNotify, AcceptNotNotify or Discard. */
  static String msgFlag(ReceiveOption o) {
    return switch (o) {
      case NOTIFY -> "AcceptAndNotify";
      case SILENT -> "AcceptNotNotify";
      case DISCARD -> "Discard";
    };
  }
}
