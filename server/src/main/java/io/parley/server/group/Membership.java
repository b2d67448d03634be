package io.parley.server.group;

/** Whether the member list is stored (Tencent AVChatRoom keeps only who is online). */
public enum Membership {
  STORED,
  NOT_STORED
}
