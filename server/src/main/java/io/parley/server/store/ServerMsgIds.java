package io.parley.server.store;

/**
 * Unique, increasing 64-bit server msg ids: the larger of last + 1 and {@code nowMillis << 16}, so ids also sort
 * by time. Used by the writer thread only; the last id is persisted with each batch so a restart never repeats one.
 */
final class ServerMsgIds {

  private long last;

  ServerMsgIds(long last) {
    this.last = last;
  }

  long next(long nowMillis) {
    last = Math.max(last + 1, nowMillis << 16);
    return last;
  }

  long last() {
    return last;
  }
}
