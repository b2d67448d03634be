package io.parley.server.group;

/** Which part of a group's profile an edit touches. */
public enum GroupField {
  /** Name, notification/announcement, introduction, face (NetEase uptinfomode). */
  INFO,
  /** App-defined custom fields (NetEase upcustommode, Tencent AppDefinedData). */
  CUSTOM
}
