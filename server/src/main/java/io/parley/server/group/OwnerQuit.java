package io.parley.server.group;

/** Whether the owner may leave its group. */
public enum OwnerQuit {
  /** The owner may quit (Tencent Work). */
  ALLOWED,
  /** The owner must transfer ownership (or dismiss) first. */
  TRANSFER_FIRST
}
