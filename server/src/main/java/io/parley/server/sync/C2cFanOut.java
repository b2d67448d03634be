package io.parley.server.sync;

import java.util.List;

/**
 * Whose timelines get a one-to-one message; the conversation's history always has it. A message to oneself gets one
 * entry, whichever choice asks for it.
 */
public enum C2cFanOut {
  /** Sender's and recipient's: the recipient is pushed it, the sender's other devices see it (multi-device sync). */
  BOTH,
  /** The recipient's only (Tencent SyncOtherMachine 2, NetEase sendersync false): the sender's devices are not told. */
  RECIPIENT,
  /** None: history only, nobody is pushed it (imported messages). */
  NONE;

  /** The timelines to append to, the sender's first. */
  public List<String> timelines(String from, String to) {
    return switch (this) {
      case BOTH -> from.equals(to) ? List.of(from) : List.of(from, to);
      case RECIPIENT -> List.of(to);
      case NONE -> List.of();
    };
  }
}
