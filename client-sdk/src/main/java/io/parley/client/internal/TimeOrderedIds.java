package io.parley.client.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Client message ids as RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds, then a 12-bit counter that keeps ids
 * of one process strictly increasing within a millisecond, then 62 random bits. Ids that sort by time are cheap for
 * the server's dedup index (each new one lands next to the sender's previous one) and still unguessable.
 */
public final class TimeOrderedIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static long lastMillis;
  private static int counter;

  private TimeOrderedIds() {}

  /** A new id, greater (as a string and as a UUID) than every id this process made before. */
  public static String next() {
    long millis;
    int sequence;
    synchronized (TimeOrderedIds.class) {
      millis = Math.max(System.currentTimeMillis(), lastMillis);
      if (millis == lastMillis) {
        if (++counter > 0xFFF) {
          millis++; // 4,096 ids in one millisecond: borrow the next one rather than repeat
          counter = 0;
        }
      } else {
        counter = 0;
      }
      lastMillis = millis;
      sequence = counter;
    }
    long high = (millis << 16) | 0x7000L | sequence;
    long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }
}
