package io.parley.server.store;

import io.parley.protocol.v1.Message;
import java.util.List;

/**
 * One event to store: it lands once in its conversation's history and gets an entry in each of {@code timelines}, in
 * that order, at the next seq of each. The caller chooses the timelines (the fan-out); an empty list stores the event
 * in the history only (a group read from its own timeline). {@code dedupKey} (the client msg id) is scoped to the app
 * and the sender: a second append with the same key is answered with the first one's outcome and stores nothing.
 * Messages need one; tips and notifications have none (null), and their sender may be empty (the app server).
 * {@code readOnPull}: a group event that members read from the group's own timeline (a large group); the timelines
 * listed then are only those of users who cannot pull it (a removed member told of its removal). Ids
 * used in keys must be non-empty and free of U+0000; timelines must be distinct and, for a one-to-one conversation,
 * users of the pair. {@code givenTimeMs}: 0 for the store's own time (every send); otherwise the time a group message
 * imported from elsewhere was sent, which it keeps as its server time (its ids and seqs are still the store's).
 */
public record AppendRequest(String appId, Conversation conversation, String senderId, Event event, String dedupKey,
    List<String> timelines, boolean readOnPull, long givenTimeMs) {

  public AppendRequest {
    timelines = timelines == null ? null : List.copyOf(timelines);
    if (givenTimeMs < 0 || (givenTimeMs > 0 && !(conversation instanceof Conversation.Group
        && event instanceof Event.NewMessage))) {
      throw new IllegalArgumentException("only an imported group message has a given time, and it is positive");
    }
  }

  /** A request stored at the store's own time. */
  public AppendRequest(String appId, Conversation conversation, String senderId, Event event, String dedupKey,
      List<String> timelines, boolean readOnPull) {
    this(appId, conversation, senderId, event, dedupKey, timelines, readOnPull, 0);
  }

  /** A request whose group event is read on pull exactly when it names no timeline. */
  public AppendRequest(String appId, Conversation conversation, String senderId, Event event, String dedupKey,
      List<String> timelines) {
    this(appId, conversation, senderId, event, dedupKey, timelines,
        conversation instanceof Conversation.Group && timelines != null && timelines.isEmpty());
  }

  /** The message to store, or null when the event is of another kind. */
  public Message message() {
    return event instanceof Event.NewMessage m ? m.message() : null;
  }

  /** The group the event belongs to, or null outside a group. */
  public String groupId() {
    return conversation instanceof Conversation.Group g ? g.groupId() : null;
  }
}
