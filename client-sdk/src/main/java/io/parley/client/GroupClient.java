package io.parley.client;

import io.parley.protocol.v1.AnswerApplication;
import io.parley.protocol.v1.AnswerInvitation;
import io.parley.protocol.v1.ApplyToGroup;
import io.parley.protocol.v1.CreateGroup;
import io.parley.protocol.v1.DismissGroup;
import io.parley.protocol.v1.GetGroups;
import io.parley.protocol.v1.GetMembers;
import io.parley.protocol.v1.GroupInfo;
import io.parley.protocol.v1.GroupMuteAll;
import io.parley.protocol.v1.GroupReceiveOption;
import io.parley.protocol.v1.GroupRequest;
import io.parley.protocol.v1.GroupResult;
import io.parley.protocol.v1.GroupRole;
import io.parley.protocol.v1.InviteToGroup;
import io.parley.protocol.v1.KickFromGroup;
import io.parley.protocol.v1.MemberOutcome;
import io.parley.protocol.v1.ModifyGroup;
import io.parley.protocol.v1.MuteAllMembers;
import io.parley.protocol.v1.MuteMembers;
import io.parley.protocol.v1.MyGroups;
import io.parley.protocol.v1.QuitGroup;
import io.parley.protocol.v1.SetAdmin;
import io.parley.protocol.v1.SetMemberInfo;
import io.parley.protocol.v1.SetReceiveOption;
import io.parley.protocol.v1.TransferOwner;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The group operations of a {@link ParleyClient} ({@link ParleyClient#groups()}): one method per operation, each one
 * request to the server, answered by a future. A future fails with a {@link ParleyException}: with the server's code
 * and message when it refuses (3000–3099: a group rule refused it, the message names the rule), with
 * {@link ParleyException#NOT_CONNECTED} when the client is not logged in or the connection is lost before the answer
 * (group requests are not kept for the next login, unlike sends), with {@link ParleyException#CLIENT_CLOSED} after
 * close. Safe on any thread; futures complete off the network thread.
 */
public final class GroupClient {
  private final Function<GroupRequest, CompletableFuture<GroupResult>> requests;

  GroupClient(Function<GroupRequest, CompletableFuture<GroupResult>> requests) {
    this.requests = requests;
  }

  /** Creates a group; the creator becomes its owner where the kind has one. Completes with the group as created. */
  public CompletableFuture<GroupInfo> create(CreateGroup create) {
    return request(GroupRequest.newBuilder().setCreate(create)).thenApply(r -> firstGroup(r, "create"));
  }

  /** The info of these groups (those the server knows and lets this user see). */
  public CompletableFuture<List<GroupInfo>> get(List<String> groupIds) {
    return request(GroupRequest.newBuilder().setGet(GetGroups.newBuilder().addAllGroupIds(groupIds)))
        .thenApply(GroupResult::getGroupsList);
  }

  /**
   * One page of a group's members: of {@code role} ({@link GroupRole#GROUP_ROLE_UNSPECIFIED}: every role), from
   * {@code cursor} ("" for the first page), at most {@code limit} (0: the server's page size).
   */
  public CompletableFuture<GroupMemberPage> members(String groupId, GroupRole role, String cursor, int limit) {
    GetMembers.Builder get = GetMembers.newBuilder().setGroupId(groupId).setRole(Objects.requireNonNull(role, "role"))
        .setCursor(cursor).setLimit(nonNegative(limit, "limit"));
    return request(GroupRequest.newBuilder().setMembers(get))
        .thenApply(r -> new GroupMemberPage(r.getMembersList(), r.getNextCursor()));
  }

  /** The groups this user is in. */
  public CompletableFuture<List<GroupInfo>> myGroups() {
    return request(GroupRequest.newBuilder().setMyGroups(MyGroups.getDefaultInstance()))
        .thenApply(GroupResult::getGroupsList);
  }

  /** Asks to join a group: joined, already a member, or pending approval. */
  public CompletableFuture<MemberOutcome> apply(String groupId, String reason) {
    return request(GroupRequest.newBuilder().setApply(ApplyToGroup.newBuilder().setGroupId(groupId).setReason(reason)))
        .thenApply(r -> firstOutcome(r, "apply"));
  }

  /** The owner or an admin accepts or refuses {@code applicant}'s request to join. */
  public CompletableFuture<MemberOutcome> answerApplication(String groupId, String applicant, boolean accept,
      String reason) {
    return request(GroupRequest.newBuilder().setAnswerApplication(AnswerApplication.newBuilder().setGroupId(groupId)
        .setApplicant(applicant).setAccept(accept).setReason(reason)))
        .thenApply(r -> firstOutcome(r, "answerApplication"));
  }

  /** Invites users: one outcome per user (joined, already a member, pending consent or approval, refused). */
  public CompletableFuture<List<MemberOutcome>> invite(String groupId, List<String> userIds, String reason) {
    return request(GroupRequest.newBuilder().setInvite(
        InviteToGroup.newBuilder().setGroupId(groupId).addAllUserIds(userIds).setReason(reason)))
        .thenApply(GroupResult::getOutcomesList);
  }

  /** This user accepts or declines {@code inviter}'s invitation. */
  public CompletableFuture<MemberOutcome> answerInvitation(String groupId, String inviter, boolean accept,
      String reason) {
    return request(GroupRequest.newBuilder().setAnswerInvitation(AnswerInvitation.newBuilder().setGroupId(groupId)
        .setInviter(inviter).setAccept(accept).setReason(reason)))
        .thenApply(r -> firstOutcome(r, "answerInvitation"));
  }

  /** This user leaves the group. */
  public CompletableFuture<Void> quit(String groupId) {
    return done(GroupRequest.newBuilder().setQuit(QuitGroup.newBuilder().setGroupId(groupId)));
  }

  /** Removes users from the group: one outcome per user. */
  public CompletableFuture<List<MemberOutcome>> kick(String groupId, List<String> userIds, String reason) {
    return request(GroupRequest.newBuilder().setKick(
        KickFromGroup.newBuilder().setGroupId(groupId).addAllUserIds(userIds).setReason(reason)))
        .thenApply(GroupResult::getOutcomesList);
  }

  /** Dismisses the group. */
  public CompletableFuture<Void> dismiss(String groupId) {
    return done(GroupRequest.newBuilder().setDismiss(DismissGroup.newBuilder().setGroupId(groupId)));
  }

  /** Hands the group to another member. */
  public CompletableFuture<Void> transferOwner(String groupId, String newOwner) {
    return done(GroupRequest.newBuilder().setTransfer(
        TransferOwner.newBuilder().setGroupId(groupId).setNewOwner(newOwner)));
  }

  /** Makes a member an admin ({@code admin} true) or a plain member again. */
  public CompletableFuture<Void> setAdmin(String groupId, String userId, boolean admin) {
    return done(GroupRequest.newBuilder().setSetAdmin(
        SetAdmin.newBuilder().setGroupId(groupId).setUserId(userId).setAdmin(admin)));
  }

  /** Mutes members for {@code seconds} (0: unmutes them): one outcome per user. */
  public CompletableFuture<List<MemberOutcome>> mute(String groupId, List<String> userIds, long seconds) {
    return request(GroupRequest.newBuilder().setMute(MuteMembers.newBuilder().setGroupId(groupId)
        .addAllUserIds(userIds).setSeconds(nonNegative(seconds, "seconds"))))
        .thenApply(GroupResult::getOutcomesList);
  }

  /** Mutes everyone but the owner and admins, everyone, or nobody. */
  public CompletableFuture<Void> muteAll(String groupId, GroupMuteAll level) {
    return done(GroupRequest.newBuilder().setMuteAll(
        MuteAllMembers.newBuilder().setGroupId(groupId).setLevel(Objects.requireNonNull(level, "level"))));
  }

  /** Changes the fields set in {@code modify}; completes with the group as it is now. */
  public CompletableFuture<GroupInfo> modify(ModifyGroup modify) {
    return request(GroupRequest.newBuilder().setModify(modify)).thenApply(r -> firstGroup(r, "modify"));
  }

  /** Changes a member's name card or custom fields (only the fields set). */
  public CompletableFuture<Void> setMemberInfo(SetMemberInfo info) {
    return done(GroupRequest.newBuilder().setSetMemberInfo(info));
  }

  /** How this user receives the group's messages: with a notification, silently, or not at all. */
  public CompletableFuture<Void> setReceiveOption(String groupId, GroupReceiveOption option) {
    return done(GroupRequest.newBuilder().setSetReceiveOption(
        SetReceiveOption.newBuilder().setGroupId(groupId).setReceive(Objects.requireNonNull(option, "option"))));
  }

  private CompletableFuture<GroupResult> request(GroupRequest.Builder request) {
    return requests.apply(request.build());
  }

  private CompletableFuture<Void> done(GroupRequest.Builder request) {
    return request(request).thenApply(r -> null);
  }

  private static GroupInfo firstGroup(GroupResult result, String op) {
    if (result.getGroupsCount() == 0) {
      throw new ParleyException(ParleyException.MALFORMED_RESULT, op + " was answered without a group");
    }
    return result.getGroups(0);
  }

  private static MemberOutcome firstOutcome(GroupResult result, String op) {
    if (result.getOutcomesCount() == 0) {
      throw new ParleyException(ParleyException.MALFORMED_RESULT, op + " was answered without an outcome");
    }
    return result.getOutcomes(0);
  }

  private static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return value;
  }

  private static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return value;
  }
}
