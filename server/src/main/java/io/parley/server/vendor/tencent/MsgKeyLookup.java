package io.parley.server.vendor.tencent;

import io.parley.protocol.v1.Message;
import io.parley.server.app.App;
import io.parley.server.store.Store;
import java.util.Optional;

/**
 * Finds the message a MsgKey ({@code MsgSeq_MsgRandom_MsgTime}) names in a pair's conversation: a MsgKey carries the
 * second the message was stored in, so the lookup reads that second of the history only.
 */
final class MsgKeyLookup {
  /** More messages than one pair could store within one second; a bound on the read, not a rule. */
  private static final int MAX_IN_ONE_SECOND = 10_000;

  private final Store store;

  MsgKeyLookup(Store store) {
    this.store = store;
  }

  /**
   * The pair's message with that key, if any.
   *
   * @param field the request field the key came from, named in the refusal
   * @throws TencentRestException 10004 when the key is not of the MsgKey shape
   */
  Optional<Message> find(App app, String a, String b, String field, String key) throws TencentRestException {
    String[] parts = key.split("_", -1);
    long seq;
    long random;
    long second;
    try {
      if (parts.length != 3) {
        throw new NumberFormatException();
      }
      seq = Long.parseLong(parts[0]);
      random = Long.parseLong(parts[1]);
      second = Long.parseLong(parts[2]);
      if (second < 0 || second > Long.MAX_VALUE / 1000 / 65536 - 1) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
          field + " \"" + key + "\" is not a MsgKey (MsgSeq_MsgRandom_MsgTime)");
    }
    for (Message m : store.readConversation(app.id(), a, b, (second * 1000) << 16, ((second + 1) * 1000) << 16,
        MAX_IN_ONE_SECOND)) {
      if (TencentMessageCommands.msgSeq(m.getServerMsgId(), m.getClientMsgId()) == seq
          && TencentMessageCommands.msgRandom(m.getClientMsgId()) == random) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
