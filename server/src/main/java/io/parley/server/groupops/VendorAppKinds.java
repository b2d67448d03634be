package io.parley.server.groupops;

import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.app.VendorKind;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupKinds;
import java.util.List;
import java.util.Map;

/**
 * {@link AppKinds} over the hosted apps: an app may use the kinds whose id starts with its vendor's name
 * ({@code tencent.}, {@code netease.}, …); the usual one is the vendor's everyday group.
 */
public final class VendorAppKinds implements AppKinds {
  private static final Map<VendorKind, GroupKind> USUAL = Map.of(
      VendorKind.TENCENT, GroupKinds.TENCENT_WORK,
      VendorKind.NETEASE, GroupKinds.NETEASE_ADVANCED,
      VendorKind.RONGCLOUD, GroupKinds.RONGCLOUD_GROUP,
      VendorKind.YUNTONGXUN, GroupKinds.YUNTONGXUN_PUBLIC);

  private final AppRegistry apps;

  public VendorAppKinds(AppRegistry apps) {
    this.apps = apps;
  }

  /** The kinds of a vendor, in table order. */
  public static List<GroupKind> kindsOf(VendorKind vendor) {
    String prefix = vendor.configName() + ".";
    return GroupKinds.ALL.stream().filter(k -> k.id().startsWith(prefix)).toList();
  }

  /** The vendor's usual kind. */
  public static GroupKind usualKind(VendorKind vendor) {
    return USUAL.get(vendor);
  }

  @Override
  public List<GroupKind> kindsOf(String appId) {
    return apps.find(appId).map(App::vendor).map(VendorAppKinds::kindsOf).orElse(List.of());
  }

  @Override
  public GroupKind usualKind(String appId) {
    return apps.find(appId).map(App::vendor).map(VendorAppKinds::usualKind)
        .orElseThrow(() -> new GroupRefused(GroupCodes.KIND_NOT_OF_VENDOR, "no app " + appId));
  }
}
