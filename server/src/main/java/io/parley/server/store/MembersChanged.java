package io.parley.server.store;

/** Told after a write to a group's members is durable: a join, a leave, a replaced record or the group's deletion. */
@FunctionalInterface
public interface MembersChanged {
  void changed(String appId, String groupId);
}
