package io.parley.server.groupops;

import io.parley.protocol.v1.GroupNotification;
import io.parley.protocol.v1.GroupTip;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** Where tips and notifications go. Implemented elsewhere over the store (durable, fanned out to members). */
public interface GroupEvents {
  /**
   * Appends a tip to the group's history, delivered to its current members plus {@code alsoTell} (removed users
   * learn of their own removal); completes when durable.
   */
  CompletableFuture<Void> tip(String appId, String groupId, GroupTip tip, Collection<String> alsoTell);

  /** Delivers a notification to the listed users' timelines; completes when durable. */
  CompletableFuture<Void> notify(String appId, Collection<String> users, GroupNotification notification);
}
