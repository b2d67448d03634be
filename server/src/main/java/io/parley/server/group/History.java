package io.parley.server.group;

/** How much of a group's history the server keeps and shows a member. */
public enum History {
  /** No cloud history at all (Tencent AVChatRoom): messages are delivered to who is online and not stored. */
  NONE,
  /** Stored; a new member sees messages from when it joined. */
  SINCE_JOIN,
  /** Stored; a new member also sees messages from before it joined. */
  BEFORE_JOIN
}
