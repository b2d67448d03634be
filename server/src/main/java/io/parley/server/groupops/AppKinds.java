package io.parley.server.groupops;

import io.parley.server.group.GroupKind;
import java.util.List;

/** Which group kinds an app may use: the kinds of its vendor, and the usual one. */
public interface AppKinds {
  /** The kinds the app may create; empty for an unknown app. */
  List<GroupKind> kindsOf(String appId);

  /** The kind a group gets when none is named. @throws GroupRefused for an unknown app */
  GroupKind usualKind(String appId);
}
