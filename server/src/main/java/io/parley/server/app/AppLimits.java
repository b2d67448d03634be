package io.parley.server.app;

/**
 * What one app allows: the largest message, the largest group (used by the groups feature), and each session's
 * send rate.
 */
public record AppLimits(int maxMessageBytes, int maxGroupMembers, int sendsPerSecond, int sendBurst) {

  public AppLimits {
    positive("maxMessageBytes", maxMessageBytes);
    positive("maxGroupMembers", maxGroupMembers);
    positive("sendsPerSecond", sendsPerSecond);
    positive("sendBurst", sendBurst);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
