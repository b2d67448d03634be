package io.parley.server.group;

/** What a group operation comes to. */
public enum Outcome {
  /** The operation may go ahead. */
  ALLOWED,
  /** The user is a member now (apply or invite). */
  JOINED,
  /** An owner or admin must approve first (an application, or a member's invitation under NeedPermission). */
  PENDING_APPROVAL,
  /** The invitee must agree first. */
  PENDING_CONSENT,
  /** Refused; the decision carries a {@link GroupCodes} code and a message naming the rule. */
  REFUSED
}
