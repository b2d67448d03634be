package io.parley.server.account;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Byte-search helpers for the secrets-at-rest checks. */
public final class Bytes {

  private Bytes() {
  }

  public static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }

  /** True when any of {@code chunks} contains the UTF-8 bytes of {@code text}. */
  public static boolean anyContains(List<byte[]> chunks, String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    return chunks.stream().anyMatch(chunk -> contains(chunk, needle));
  }
}
