package io.parley.server.store;

/**
 * Where a stored event belongs: a one-to-one conversation, a group, or only the timelines it is appended to. Ids must
 * be non-empty and free of U+0000.
 */
public sealed interface Conversation {

  /** A one-to-one conversation; the pair is unordered ({@code c2c(a, b)} and {@code c2c(b, a)} are the same history). */
  record C2c(String userA, String userB) implements Conversation {

    /** True when {@code userId} is one of the pair. */
    public boolean has(String userId) {
      return userA.equals(userId) || userB.equals(userId);
    }

    /** The other one of the pair; {@code userId} itself for a conversation with oneself. */
    public String peerOf(String userId) {
      return userA.equals(userId) ? userB : userA;
    }

    /** True for a conversation with oneself (notes to self). */
    public boolean withOneself() {
      return userA.equals(userB);
    }
  }

  /** A group's conversation: its history is ordered by a per-group seq (one per message or tip). */
  record Group(String groupId) implements Conversation {
  }

  /** No conversation: the event is stored for the listed timelines only (group notifications). */
  record Timelines() implements Conversation {
  }

  /** The one-to-one conversation of two users. */
  static C2c c2c(String userA, String userB) {
    return new C2c(userA, userB);
  }
}
