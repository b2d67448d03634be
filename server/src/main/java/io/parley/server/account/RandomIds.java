package io.parley.server.account;

import java.util.random.RandomGenerator;

/** Generates the vendors' random ids, tokens and passwords from one (normally secure) random source. */
public final class RandomIds {

  private static final String HEX = "0123456789abcdef";
  private static final String DIGITS = "0123456789";
  private static final String DIGITS_LOWER = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final String ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final RandomGenerator random;

  public RandomIds(RandomGenerator random) {
    this.random = random;
  }

  /** A NetEase token: 32 lower-case hex characters (128 bits). */
  public String neteaseToken() {
    return chars(HEX, 32);
  }

  /** A Yuntongxun sub-account sid or sub-token: 32 characters [0-9a-z]. */
  public String lowerAlphanumeric32() {
    return chars(DIGITS_LOWER, 32);
  }

  /** A Yuntongxun voipAccount: 14 digits, the first not 0 (so it survives being read as a number). */
  public String voipAccount() {
    return (char) ('1' + random.nextInt(9)) + chars(DIGITS, 13);
  }

  /** A Yuntongxun voipPwd: 8 characters [0-9a-zA-Z]. */
  public String voipPwd() {
    return chars(ALPHANUMERIC, 8);
  }

  public byte[] bytes(int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }

  private String chars(String alphabet, int n) {
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
    }
    return new String(out);
  }
}
