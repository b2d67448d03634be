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
}
