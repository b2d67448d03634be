package io.parley.server.group;

/**
 * How a request to get in is handled: Tencent's ApplyJoinOption / InviteJoinOption (FreeAccess, NeedPermission,
 * DisableApply / DisableInvite) and NetEase's joinmode (0 free, 1 approval, 2 nobody may apply).
 */
public enum Admission {
  /** Joins at once. */
  FREE,
  /** Waits for an owner's or admin's approval. */
  APPROVAL,
  /** Refused. */
  DISABLED
}
