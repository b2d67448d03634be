package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.app.CallbackSettings;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupKind;
import io.parley.server.support.CallbackFixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VendorAppKindsTest {
  private static final App TENCENT = CallbackFixtures.tencent(CallbackSettings.NONE);
  private static final App NETEASE = CallbackFixtures.netease(CallbackSettings.NONE);
  private static final App RONGCLOUD = CallbackFixtures.rongcloud(CallbackSettings.NONE, "secret");
  private static final App YUNTONGXUN = CallbackFixtures.yuntongxun(CallbackSettings.NONE);
  private final VendorAppKinds kinds = new VendorAppKinds(new AppRegistry(List.of(TENCENT, NETEASE, RONGCLOUD,
      YUNTONGXUN)));

  static Stream<Arguments> vendors() {
    return Stream.of(
        Arguments.of(Named.of("tencent", TENCENT), "tencent.Work",
            List.of("tencent.Work", "tencent.Public", "tencent.Meeting", "tencent.Community", "tencent.AVChatRoom")),
        Arguments.of(Named.of("netease", NETEASE), "netease.advanced", List.of("netease.advanced")),
        Arguments.of(Named.of("rongcloud", RONGCLOUD), "rongcloud.group", List.of("rongcloud.group")),
        Arguments.of(Named.of("yuntongxun", YUNTONGXUN), "yuntongxun.public",
            List.of("yuntongxun.public", "yuntongxun.private")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  @DisplayName("an app may use its vendor's kinds, and gets the vendor's usual one by default")
  void kindsOfVendor(App app, String usual, List<String> all) {
    assertEquals(all, kinds.kindsOf(app.id()).stream().map(GroupKind::id).toList());
    assertEquals(usual, kinds.usualKind(app.id()).id());
    assertTrue(kinds.kindsOf(app.id()).contains(kinds.usualKind(app.id())));
  }

  @Test
  @DisplayName("an unknown app has no kinds, and no usual kind")
  void unknownApp() {
    assertEquals(List.of(), kinds.kindsOf("nope"));
    assertEquals(GroupCodes.KIND_NOT_OF_VENDOR,
        assertThrows(GroupRefused.class, () -> kinds.usualKind("nope")).code());
  }
}
