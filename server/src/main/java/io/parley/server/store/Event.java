package io.parley.server.store;

import io.parley.protocol.v1.GroupNotification;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.Message;

/**
 * What an append stores: a message (in a one-to-one conversation or a group), a group tip (in a group's history) or
 * a group notification (for its timelines only). The store fills in the ids and times it assigns.
 */
public sealed interface Event {

  /**
   * A new message, built by its sender's feature (messaging). The store assigns its server msg id and server time
   * (and, in a group, its group id and seq): whatever the message holds in those fields is replaced.
   */
  record NewMessage(Message message) implements Event {
  }

  /** A change in a group, for its history; the store sets its group seq, server msg id and time. */
  record Tip(GroupTip tip) implements Event {
  }

  /** A notification to the users whose timelines the append lists; the store sets its server msg id and time. */
  record Notification(GroupNotification notification) implements Event {
  }

  /**
   * The recall of the group's message at {@code groupSeq} (as read from the group's history): from then on it reads
   * as recalled, and a recall notice joins the history with the next group seq. Recalling a message twice stores
   * nothing the second time and answers {@link AppendResult#duplicate()}.
   */
  record GroupRecall(long groupSeq, Message message) implements Event {
  }
}
