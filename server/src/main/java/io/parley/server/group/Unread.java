package io.parley.server.group;

/** Whether the group's conversation counts unread messages. */
public enum Unread {
  COUNTED,
  NOT_COUNTED
}
