package io.parley.server.store;

import java.util.Objects;

/**
 * A request to get into a group that waits for someone: an application (for an owner or admin), an invitation the
 * invitee must agree to, or a member's invitation an owner or admin must approve. One per group, user and kind; a
 * newer one replaces it. {@code inviter} is empty for an application (and for the app server's invitations).
 */
public record PendingRequest(
    String appId,
    String groupId,
    String userId,
    Kind kind,
    String inviter,
    String reason,
    long createdMillis,
    long expiresMillis) {

  /** What the request waits for. */
  public enum Kind {
    /** A non-member asked to join; an approver answers. */
    APPLICATION,
    /** The user was invited and must agree. */
    INVITATION_CONSENT,
    /** A member's invitation of the user; an approver answers. */
    INVITATION_APPROVAL
  }

  /** Ids must be valid key segments; the other strings may be empty but not null. */
  public PendingRequest {
    Keys.requireId("appId", appId);
    Keys.requireId("groupId", groupId);
    Keys.requireId("userId", userId);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(inviter, "inviter");
    Objects.requireNonNull(reason, "reason");
  }

  /** True once the request has lapsed at {@code nowMillis}. */
  public boolean expiredAt(long nowMillis) {
    return nowMillis >= expiresMillis;
  }
}
