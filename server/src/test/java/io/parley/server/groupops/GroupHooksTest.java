package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.CallbackEvent;
import io.parley.server.callback.GroupActivity;
import io.parley.server.callback.GroupActivity.Action;
import io.parley.server.callback.GroupActivity.InfoField;
import io.parley.server.callback.GroupActivity.Way;
import io.parley.server.group.GroupCodes;
import io.parley.server.store.PendingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Group hooks: the app is asked before creates, applications and invitations, and told of changes")
class GroupHooksTest extends GroupsFixture {
  private final List<GroupActivity> asked = new ArrayList<>();
  private final List<CallbackEvent> told = new ArrayList<>();
  private Function<GroupActivity, BeforeVerdict> verdicts = a -> BeforeVerdict.ALLOW;

  @BeforeEach
  void hooked() {
    service = new GroupService(groups, events, KINDS, clock, GroupSettings.DEFAULTS, new GroupHooks() {
      @Override
      public BeforeVerdict before(String appId, GroupActivity activity) {
        asked.add(activity);
        return verdicts.apply(activity);
      }

      @Override
      public void after(String appId, CallbackEvent event) {
        told.add(event);
      }
    });
  }

  private List<GroupActivity> toldOf(Action action) {
    return told.stream().filter(e -> e instanceof GroupActivity).map(e -> (GroupActivity) e)
        .filter(a -> a.action() == action).toList();
  }

  @Test
  @DisplayName("a create is asked about with its owner and members, then told with the group's id")
  void createAskedAndTold() {
    group(TENCENT, "g1", "tencent.Public", "o", "a", "b");
    assertEquals(1, asked.size());
    GroupActivity before = asked.get(0);
    assertEquals(Action.CREATE, before.action());
    assertEquals("Public", before.groupType());
    assertEquals("o", before.owner());
    assertEquals(List.of("o", "a", "b"), before.members());
    GroupActivity after = toldOf(Action.CREATE).get(0);
    assertEquals("g1", after.groupId());
    assertEquals("G g1", after.groupName());
  }

  @Test
  @DisplayName("a create the app refuses is refused with 3046 and leaves no group")
  void createRefused() {
    verdicts = a -> new BeforeVerdict.Refuse(10, "no");
    refused(GroupCodes.REFUSED_BY_APP, () -> group(TENCENT, "g1", "tencent.Public", "o", "a"));
    assertTrue(groups.group(TENCENT, "g1").isEmpty());
    assertTrue(toldOf(Action.CREATE).isEmpty());
  }

  @Test
  @DisplayName("an application the app refuses leaves no pending request and tells the approvers nothing")
  void applyRefused() {
    group(TENCENT, "g1", "tencent.Public", "o");
    verdicts = a -> a.action() == Action.APPLY ? new BeforeVerdict.Refuse(1, "closed") : BeforeVerdict.ALLOW;
    refused(GroupCodes.REFUSED_BY_APP, () -> service.apply(TENCENT, "u", "g1", "hi"));
    assertTrue(groups.request(TENCENT, "g1", "u", PendingRequest.Kind.APPLICATION).isEmpty());
    assertTrue(events.notes.isEmpty());
  }

  @Test
  @DisplayName("a free join is asked about, then told as joined by applying")
  void freeJoinTold() {
    group(TENCENT, "m1", "tencent.Meeting", "o");
    service.apply(TENCENT, "u", "m1", "");
    GroupActivity before = asked.get(asked.size() - 1);
    assertEquals(Action.APPLY, before.action());
    assertEquals(List.of("u"), before.members());
    GroupActivity joined = toldOf(Action.JOINED).get(0);
    assertEquals(List.of("u"), joined.members());
    assertEquals(Way.APPLIED, joined.way());
  }

  @Test
  @DisplayName("an invitation the app narrows refuses the named invitees only; the others join, told as invited")
  void inviteNarrowed() {
    group(TENCENT, "w1", "tencent.Work", "o");
    verdicts = a -> a.action() == Action.INVITE ? new BeforeVerdict.Narrow(Set.of("x")) : BeforeVerdict.ALLOW;
    List<MemberResult> out = service.invite(TENCENT, user("o"), "w1", List.of("x", "y"), "");
    assertEquals(MemberResult.Kind.REFUSED, out.get(0).kind());
    assertEquals(GroupCodes.REFUSED_BY_APP, out.get(0).code());
    assertEquals(MemberResult.Kind.DONE, out.get(1).kind());
    assertFalse(isMember(TENCENT, "w1", "x"));
    assertTrue(isMember(TENCENT, "w1", "y"));
    GroupActivity joined = toldOf(Action.JOINED).get(0);
    assertEquals(List.of("y"), joined.members());
    assertEquals(Way.INVITED, joined.way());
    assertEquals("o", joined.operator());
  }

  @Test
  @DisplayName("a quit and a kick are told as exits, each with its way")
  void exitsTold() {
    group(TENCENT, "g1", "tencent.Public", "o", "a", "b");
    service.quit(TENCENT, "a", "g1");
    service.kick(TENCENT, Caller.APP_SERVER, "g1", List.of("b"), "");
    List<GroupActivity> exits = toldOf(Action.EXITED);
    assertEquals(2, exits.size());
    assertEquals(Way.QUIT, exits.get(0).way());
    assertEquals(List.of("a"), exits.get(0).members());
    assertEquals(Way.KICKED, exits.get(1).way());
    assertEquals(List.of("b"), exits.get(1).members());
    assertEquals("", exits.get(1).operator());
  }

  @Test
  @DisplayName("a name change is told with the new name; a change of nothing the app hears of is not told")
  void infoTold() {
    group(TENCENT, "g1", "tencent.Public", "o");
    service.modify(TENCENT, user("o"), "g1", GroupChange.NONE.withName("New"));
    service.modify(TENCENT, user("o"), "g1", GroupChange.NONE.withCustom(Map.of("k", "v")));
    List<GroupActivity> changes = toldOf(Action.INFO_CHANGED);
    assertEquals(1, changes.size());
    assertEquals(Map.of(InfoField.NAME, "New"), changes.get(0).changes());
  }

  @Test
  @DisplayName("a dismissal is told with every member the group had")
  void dismissTold() {
    group(TENCENT, "g1", "tencent.Public", "o", "a");
    service.dismiss(TENCENT, user("o"), "g1");
    GroupActivity gone = toldOf(Action.DISMISSED).get(0);
    assertEquals(Set.of("o", "a"), Set.copyOf(gone.members()));
    assertEquals("o", gone.owner());
  }

  @Test
  @DisplayName("an owner transfer is told once with the new owner as its member and as the group's owner")
  void ownerChangeTold() {
    group(TENCENT, "g1", "tencent.Public", "o", "a");
    service.transferOwner(TENCENT, user("o"), "g1", "a");
    List<GroupActivity> changes = toldOf(Action.OWNER_CHANGED);
    assertEquals(1, changes.size());
    assertEquals(List.of("a"), changes.get(0).members());
    assertEquals("a", changes.get(0).owner());
    assertEquals("o", changes.get(0).operator());
    assertTrue(toldOf(Action.INFO_CHANGED).isEmpty(), "an owner change is not an info change the app hears of");
  }

  @Test
  @DisplayName("an owner transfer that is refused is not told")
  void refusedOwnerChangeNotTold() {
    group(TENCENT, "g1", "tencent.Public", "o", "a");
    refused(GroupCodes.NOT_A_MEMBER, () -> service.transferOwner(TENCENT, user("o"), "g1", "stranger"));
    assertTrue(toldOf(Action.OWNER_CHANGED).isEmpty());
  }

  @Test
  @DisplayName("making a member an admin, and a plain member again, are told with that user")
  void adminsTold() {
    group(TENCENT, "g1", "tencent.Public", "o", "a");
    service.setAdmin(TENCENT, user("o"), "g1", "a", true);
    service.setAdmin(TENCENT, user("o"), "g1", "a", false);
    assertEquals(1, toldOf(Action.ADMINS_SET).size());
    assertEquals(List.of("a"), toldOf(Action.ADMINS_SET).get(0).members());
    assertEquals("o", toldOf(Action.ADMINS_SET).get(0).operator());
    assertEquals(1, toldOf(Action.ADMINS_UNSET).size());
    assertEquals(List.of("a"), toldOf(Action.ADMINS_UNSET).get(0).members());
  }

  @Test
  @DisplayName("a mute is told with the users it muted (not those refused), and lifting it as unmuted")
  void mutesTold() {
    group(TENCENT, "g1", "tencent.Public", "o", "a", "b");
    service.mute(TENCENT, user("o"), "g1", List.of("a", "ghost", "b"), 60);
    service.mute(TENCENT, Caller.APP_SERVER, "g1", List.of("b"), 0);
    List<GroupActivity> muted = toldOf(Action.MUTED);
    assertEquals(1, muted.size());
    assertEquals(List.of("a", "b"), muted.get(0).members());
    assertEquals("o", muted.get(0).operator());
    List<GroupActivity> unmuted = toldOf(Action.UNMUTED);
    assertEquals(1, unmuted.size());
    assertEquals(List.of("b"), unmuted.get(0).members());
    assertEquals("", unmuted.get(0).operator());
  }

  @Test
  @DisplayName("a mute that mutes nobody is not told")
  void emptyMuteNotTold() {
    group(TENCENT, "g1", "tencent.Public", "o", "a");
    service.mute(TENCENT, user("o"), "g1", List.of("ghost"), 60);
    assertTrue(toldOf(Action.MUTED).isEmpty());
  }
}
