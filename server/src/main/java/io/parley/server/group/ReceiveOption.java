package io.parley.server.group;

/** How a member receives the group's messages: Tencent MsgFlag AcceptAndNotify / AcceptNotNotify / Discard. */
public enum ReceiveOption {
  /** Delivered with a push notification. */
  NOTIFY,
  /** Delivered without a push notification. */
  SILENT,
  /** Not delivered. */
  DISCARD
}
