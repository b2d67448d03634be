package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.CallbackEvent;
import io.parley.server.callback.GroupActivity;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.Role;
import io.parley.server.store.MemberRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Importing groups and members: written as they were, nobody told, the limit kept")
class GroupImportTest extends GroupsFixture {
  static final long JOINED = Instant.parse("2020-09-13T12:26:40Z").toEpochMilli();

  @Test
  @DisplayName("imported members keep their role and join time, and no tip, notification or callback is made")
  void silentAndAsTheyWere() {
    List<Object> heard = new ArrayList<>();
    service = new GroupService(groups, events, KINDS, clock, GroupSettings.DEFAULTS, new GroupHooks() {
      @Override
      public BeforeVerdict before(String appId, GroupActivity activity) {
        heard.add(activity);
        return BeforeVerdict.ALLOW;
      }

      @Override
      public void after(String appId, CallbackEvent event) {
        heard.add(event);
      }
    });
    group(TENCENT, "g1", "tencent.Public", "o");
    heard.clear();

    List<MemberResult> r = service.importMembers(TENCENT, Caller.APP_SERVER, "g1", List.of(
        new GroupService.Imported("a", Role.ADMIN, JOINED), new GroupService.Imported("b", Role.MEMBER, 0),
        new GroupService.Imported("o", Role.MEMBER, 0)));

    assertEquals(List.of(MemberResult.Kind.DONE, MemberResult.Kind.DONE, MemberResult.Kind.ALREADY),
        r.stream().map(MemberResult::kind).toList());
    MemberRecord a = groups.member(TENCENT, "g1", "a").orElseThrow();
    assertEquals(Role.ADMIN, a.role());
    assertEquals(JOINED, a.joinMillis());
    assertEquals(clock.millis(), groups.member(TENCENT, "g1", "b").orElseThrow().joinMillis());
    assertTrue(events.tips.isEmpty() && events.notes.isEmpty(), "no tip or notification");
    assertTrue(heard.isEmpty(), "no callback: " + heard);
  }

  @Test
  @DisplayName("past the member limit, a role the kind lacks, or the owner role: that member is refused, the rest "
      + "imported")
  void refusedEachOnItsOwn() {
    group(TENCENT, "g1", "tencent.Public", GroupOptions.DEFAULTS.withMemberLimit(2), "o");
    group(TENCENT, "w1", "tencent.Work", "o");
    List<MemberResult> r = service.importMembers(TENCENT, Caller.APP_SERVER, "g1", List.of(
        new GroupService.Imported("a", Role.OWNER, 0), new GroupService.Imported("b", Role.MEMBER, 0),
        new GroupService.Imported("c", Role.MEMBER, 0)));
    assertEquals(List.of(GroupCodes.ROLE_NOT_IN_KIND, 0, GroupCodes.MEMBER_LIMIT_REACHED),
        r.stream().map(MemberResult::code).toList());
    assertEquals(MemberResult.Kind.DONE, r.get(1).kind());

    MemberResult admin = service.importMembers(TENCENT, Caller.APP_SERVER, "w1",
        List.of(new GroupService.Imported("x", Role.ADMIN, 0))).get(0);
    assertEquals(GroupCodes.ROLE_NOT_IN_KIND, admin.code(), "Work groups have no admins");
  }

  @Test
  @DisplayName("only the app server imports; a missing group is 3040")
  void appServerOnly() {
    group(TENCENT, "g1", "tencent.Public", "o");
    refused(GroupCodes.NOT_PERMITTED, () -> service.importMembers(TENCENT, user("o"), "g1",
        List.of(new GroupService.Imported("a", Role.MEMBER, 0))));
    refused(GroupCodes.NO_SUCH_GROUP, () -> service.importMembers(TENCENT, Caller.APP_SERVER, "nope",
        List.of(new GroupService.Imported("a", Role.MEMBER, 0))));
  }

  @Test
  @DisplayName("an imported group keeps its creation time, its owner joined then, and nobody is asked or told")
  void importedGroup() {
    List<Object> heard = new ArrayList<>();
    service = new GroupService(groups, events, KINDS, clock, GroupSettings.DEFAULTS, new GroupHooks() {
      @Override
      public BeforeVerdict before(String appId, GroupActivity activity) {
        heard.add(activity);
        return BeforeVerdict.ALLOW;
      }

      @Override
      public void after(String appId, CallbackEvent event) {
        heard.add(event);
      }
    });
    GroupView v = service.importGroup(TENCENT, Caller.APP_SERVER, NewGroup.of("old", "tencent.Public", "o", "Old",
        List.of(NewGroup.Member.of("a"))), JOINED);

    assertEquals(JOINED, v.record().createdMillis());
    assertEquals(JOINED, groups.group(TENCENT, "old").orElseThrow().createdMillis());
    assertEquals(JOINED, groups.member(TENCENT, "old", "o").orElseThrow().joinMillis());
    assertTrue(events.notes.isEmpty() && events.tips.isEmpty(), "no CREATED notification");
    assertTrue(heard.isEmpty(), "no callback: " + heard);
  }

  @Test
  @DisplayName("a group is not imported by a user, nor with a creation time after now or of 0")
  void importedGroupRefused() {
    NewGroup g = NewGroup.of("old", "tencent.Public", "o", "Old", List.of());
    refused(GroupCodes.BAD_GROUP_INPUT, () -> service.importGroup(TENCENT, user("o"), g, JOINED));
    refused(GroupCodes.BAD_GROUP_INPUT, () -> service.importGroup(TENCENT, Caller.APP_SERVER, g,
        clock.millis() + 1000));
    refused(GroupCodes.BAD_GROUP_INPUT, () -> service.importGroup(TENCENT, Caller.APP_SERVER, g, 0));
    assertTrue(groups.group(TENCENT, "old").isEmpty());
  }
}
