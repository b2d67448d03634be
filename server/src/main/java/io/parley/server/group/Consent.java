package io.parley.server.group;

/** Whether an invitee must agree before joining: NetEase beinvitemode (0 needed, 1 not needed) and magree. */
public enum Consent {
  NOT_NEEDED,
  NEEDED
}
