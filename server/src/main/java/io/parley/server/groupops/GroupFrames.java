package io.parley.server.groupops;

import io.parley.protocol.v1.GroupAdmission;
import io.parley.protocol.v1.GroupInfo;
import io.parley.protocol.v1.GroupMember;
import io.parley.protocol.v1.GroupMuteAll;
import io.parley.protocol.v1.GroupReceiveOption;
import io.parley.protocol.v1.GroupRequest;
import io.parley.protocol.v1.GroupResult;
import io.parley.protocol.v1.GroupRole;
import io.parley.protocol.v1.MemberOutcome;
import io.parley.protocol.v1.MemberOutcomeKind;
import io.parley.protocol.v1.NewGroupMember;
import io.parley.server.group.Admission;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.MuteAll;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A logged-in user's {@link GroupRequest} to the {@link GroupService} and back to a {@link GroupResult}: pure mapping,
 * blocking like the service (the gateway calls it off the event loop). Refusals stay {@link GroupRefused}; a request
 * with no op, or an enum value this server does not know, is an {@link IllegalArgumentException}.
 */
public final class GroupFrames {
  private final GroupService service;

  public GroupFrames(GroupService service) {
    this.service = service;
  }

  /** Runs the request as {@code userId} of {@code appId}. */
  public GroupResult handle(String appId, String userId, GroupRequest request) {
    Caller me = Caller.user(userId);
    GroupResult.Builder out = GroupResult.newBuilder();
    switch (request.getOpCase()) {
      case CREATE -> {
        var c = request.getCreate();
        List<NewGroup.Member> members = new ArrayList<>();
        for (NewGroupMember m : c.getMembersList()) {
          members.add(new NewGroup.Member(m.getUserId(), role(m.getRole()).orElse(Role.MEMBER), m.getNameCard(),
              m.getCustomMap()));
        }
        GroupOptions options = GroupOptions.DEFAULTS;
        Optional<Admission> apply = admission(c.getApply());
        Optional<Admission> invite = admission(c.getInvite());
        if (apply.isPresent()) {
          options = options.withApply(apply.get());
        }
        if (invite.isPresent()) {
          options = options.withInvite(invite.get());
        }
        if (c.getMaxMembers() != 0) {
          options = options.withMemberLimit((int) Math.min(Integer.toUnsignedLong(c.getMaxMembers()),
              Integer.MAX_VALUE));
        }
        GroupView v = service.create(appId, me, new NewGroup(c.getGroupId(), c.getKind(), "", c.getName(),
            c.getIntroduction(), c.getNotification(), c.getFaceUrl(), options, c.getCustomMap(), members));
        out.addGroups(info(v));
      }
      case GET -> service.get(appId, request.getGet().getGroupIdsList()).forEach(v -> out.addGroups(info(v)));
      case MEMBERS -> {
        var m = request.getMembers();
        MemberPage page = service.members(appId, me, m.getGroupId(), role(m.getRole()), m.getCursor(),
            (int) Math.min(Integer.toUnsignedLong(m.getLimit()), Integer.MAX_VALUE));
        page.members().forEach(r -> out.addMembers(member(r)));
        out.setNextCursor(page.next() == null ? "" : page.next());
      }
      case MY_GROUPS -> service.groupsOf(appId, userId).forEach(v -> out.addGroups(info(v)));
      case APPLY -> out.addOutcomes(outcome(service.apply(appId, userId, request.getApply().getGroupId(),
          request.getApply().getReason())));
      case ANSWER_APPLICATION -> {
        var a = request.getAnswerApplication();
        out.addOutcomes(outcome(service.answerApplication(appId, me, a.getGroupId(), a.getApplicant(),
            a.getAccept(), a.getReason())));
      }
      case INVITE -> {
        var i = request.getInvite();
        service.invite(appId, me, i.getGroupId(), i.getUserIdsList(), i.getReason())
            .forEach(r -> out.addOutcomes(outcome(r)));
      }
      case ANSWER_INVITATION -> {
        var a = request.getAnswerInvitation();
        out.addOutcomes(outcome(service.answerInvitation(appId, userId, a.getGroupId(), a.getInviter(),
            a.getAccept(), a.getReason())));
      }
      case QUIT -> service.quit(appId, userId, request.getQuit().getGroupId());
      case KICK -> {
        var k = request.getKick();
        service.kick(appId, me, k.getGroupId(), k.getUserIdsList(), k.getReason())
            .forEach(r -> out.addOutcomes(outcome(r)));
      }
      case DISMISS -> service.dismiss(appId, me, request.getDismiss().getGroupId());
      case TRANSFER -> service.transferOwner(appId, me, request.getTransfer().getGroupId(),
          request.getTransfer().getNewOwner());
      case SET_ADMIN -> {
        var s = request.getSetAdmin();
        service.setAdmin(appId, me, s.getGroupId(), s.getUserId(), s.getAdmin());
      }
      case MUTE -> {
        var m = request.getMute();
        service.mute(appId, me, m.getGroupId(), m.getUserIdsList(), m.getSeconds())
            .forEach(r -> out.addOutcomes(outcome(r)));
      }
      case MUTE_ALL -> service.muteAll(appId, me, request.getMuteAll().getGroupId(),
          muteAll(request.getMuteAll().getLevel()));
      case MODIFY -> {
        var m = request.getModify();
        GroupChange change = GroupChange.NONE.withCustom(m.getCustomMap());
        if (m.hasName()) {
          change = change.withName(m.getName());
        }
        if (m.hasIntroduction()) {
          change = change.withIntroduction(m.getIntroduction());
        }
        if (m.hasNotification()) {
          change = change.withNotification(m.getNotification());
        }
        if (m.hasFaceUrl()) {
          change = change.withFaceUrl(m.getFaceUrl());
        }
        Optional<Admission> apply = admission(m.getApply());
        if (apply.isPresent()) {
          change = change.withApply(apply.get());
        }
        out.addGroups(info(service.modify(appId, me, m.getGroupId(), change)));
      }
      case SET_MEMBER_INFO -> {
        var s = request.getSetMemberInfo();
        service.setMemberInfo(appId, me, s.getGroupId(), s.getUserId(), new MemberChange(
            s.hasNameCard() ? Optional.of(s.getNameCard()) : Optional.empty(), s.getCustomMap()));
      }
      case SET_RECEIVE_OPTION -> service.setReceiveOption(appId, userId, request.getSetReceiveOption().getGroupId(),
          receive(request.getSetReceiveOption().getReceive()));
      case OP_NOT_SET -> throw new IllegalArgumentException("a group request needs an operation");
      default -> throw new IllegalArgumentException("unknown group operation " + request.getOpCase());
    }
    return out.build();
  }

  /** The proto view of a group; newest_seq is left 0 (the history's, filled by whoever knows it). */
  public static GroupInfo info(GroupView v) {
    GroupRecord r = v.record();
    return GroupInfo.newBuilder().setGroupId(r.groupId()).setKind(r.kind()).setName(r.name())
        .setIntroduction(r.introduction()).setNotification(r.notification()).setFaceUrl(r.faceUrl())
        .setOwner(r.owner()).setMemberCount((int) Math.min(v.memberCount(), 0xFFFF_FFFFL))
        .setMaxMembers(r.maxMembers()).setApply(admission(r.options().apply()))
        .setInvite(admission(r.options().invite())).setMuteAll(muteAll(r.muteAll())).putAllCustom(r.custom())
        .setCreatedMs(r.createdMillis()).build();
  }

  public static GroupMember member(MemberRecord m) {
    return GroupMember.newBuilder().setUserId(m.userId()).setRole(role(m.role())).setJoinMs(m.joinMillis())
        .setMuteUntilMs(m.muteUntilMillis()).setNameCard(m.nameCard()).putAllCustom(m.custom())
        .setReceive(receive(m.receive())).build();
  }

  public static MemberOutcome outcome(MemberResult r) {
    MemberOutcomeKind kind = switch (r.kind()) {
      case DONE -> MemberOutcomeKind.MEMBER_DONE;
      case ALREADY -> MemberOutcomeKind.MEMBER_ALREADY;
      case PENDING_APPROVAL -> MemberOutcomeKind.MEMBER_PENDING_APPROVAL;
      case PENDING_CONSENT -> MemberOutcomeKind.MEMBER_PENDING_CONSENT;
      case REFUSED -> MemberOutcomeKind.MEMBER_REFUSED;
    };
    return MemberOutcome.newBuilder().setUserId(r.userId()).setKind(kind).setCode(r.code()).setMessage(r.message())
        .build();
  }

  static GroupRole role(Role r) {
    return switch (r) {
      case OWNER -> GroupRole.GROUP_OWNER;
      case ADMIN -> GroupRole.GROUP_ADMIN;
      case MEMBER -> GroupRole.GROUP_MEMBER;
    };
  }

  static Optional<Role> role(GroupRole r) {
    return switch (r) {
      case GROUP_ROLE_UNSPECIFIED -> Optional.empty();
      case GROUP_MEMBER -> Optional.of(Role.MEMBER);
      case GROUP_ADMIN -> Optional.of(Role.ADMIN);
      case GROUP_OWNER -> Optional.of(Role.OWNER);
      case UNRECOGNIZED -> throw new IllegalArgumentException("unknown group role");
    };
  }

  static Optional<Admission> admission(GroupAdmission a) {
    return switch (a) {
      case GROUP_ADMISSION_DEFAULT -> Optional.empty();
      case GROUP_ADMISSION_FREE -> Optional.of(Admission.FREE);
      case GROUP_ADMISSION_APPROVAL -> Optional.of(Admission.APPROVAL);
      case GROUP_ADMISSION_DISABLED -> Optional.of(Admission.DISABLED);
      case UNRECOGNIZED -> throw new IllegalArgumentException("unknown group admission");
    };
  }

  static GroupAdmission admission(Optional<Admission> a) {
    return a.map(x -> switch (x) {
      case FREE -> GroupAdmission.GROUP_ADMISSION_FREE;
      case APPROVAL -> GroupAdmission.GROUP_ADMISSION_APPROVAL;
      case DISABLED -> GroupAdmission.GROUP_ADMISSION_DISABLED;
    }).orElse(GroupAdmission.GROUP_ADMISSION_DEFAULT);
  }

  static MuteAll muteAll(GroupMuteAll m) {
    return switch (m) {
      case GROUP_MUTE_ALL_OFF -> MuteAll.OFF;
      case GROUP_MUTE_ALL_MEMBERS -> MuteAll.MEMBERS;
      case GROUP_MUTE_ALL_EVERYONE -> MuteAll.EVERYONE;
      case UNRECOGNIZED -> throw new IllegalArgumentException("unknown whole-group mute");
    };
  }

  static GroupMuteAll muteAll(MuteAll m) {
    return switch (m) {
      case OFF -> GroupMuteAll.GROUP_MUTE_ALL_OFF;
      case MEMBERS -> GroupMuteAll.GROUP_MUTE_ALL_MEMBERS;
      case EVERYONE -> GroupMuteAll.GROUP_MUTE_ALL_EVERYONE;
    };
  }

  static ReceiveOption receive(GroupReceiveOption r) {
    return switch (r) {
      case GROUP_RECEIVE_NOTIFY -> ReceiveOption.NOTIFY;
      case GROUP_RECEIVE_SILENT -> ReceiveOption.SILENT;
      case GROUP_RECEIVE_DISCARD -> ReceiveOption.DISCARD;
      case UNRECOGNIZED -> throw new IllegalArgumentException("unknown receive option");
    };
  }

  static GroupReceiveOption receive(ReceiveOption r) {
    return switch (r) {
      case NOTIFY -> GroupReceiveOption.GROUP_RECEIVE_NOTIFY;
      case SILENT -> GroupReceiveOption.GROUP_RECEIVE_SILENT;
      case DISCARD -> GroupReceiveOption.GROUP_RECEIVE_DISCARD;
    };
  }
}
