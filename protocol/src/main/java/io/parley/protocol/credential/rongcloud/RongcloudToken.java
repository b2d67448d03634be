package io.parley.protocol.credential.rongcloud;

import io.parley.protocol.credential.rongcloud.RongcloudTokenCheck.Outcome;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Rongcloud client tokens as Parley issues them: opaque to clients, naming app and user, verifiable by HMAC.
 *
 * <p>A token is {@code RC1.<payload>.<signature>}, both parts unpadded base64url. The payload is, big-endian:
 * version (1 byte, always 1), issue time in epoch milliseconds (8 bytes), a random nonce (8 bytes), the App Key's
 * length (1 byte) and UTF-8 bytes, the user id's length (2 bytes) and UTF-8 bytes. The signature is HMAC-SHA256,
 * under {@link #signingKey(String)}, of the ASCII text {@code RC1.<payload>}.
 *
 * <p>Tokens carry no expiry. The signing key is derived from the App Secret alone, so <b>rotating an app's secret
 * revokes every token issued under the old secret</b>. Revoking one user's tokens (Rongcloud's
 * {@code user/token/expire.json}) is a server-side "issued before" time compared with
 * {@link DecodedRongcloudToken#issuedAtMillis()}.
 */
public final class RongcloudToken {
  /** Every token starts with this; the digit is the format version. */
  public static final String PREFIX = "RC1.";
  /** The payload version byte this class writes and reads. */
  public static final int VERSION = 1;
  /** Longest token accepted before any decoding work is done; the longest token {@link #issue} makes is shorter. */
  public static final int MAX_TOKEN_CHARS = 2048;
  /** Largest App Key, in UTF-8 bytes. */
  public static final int MAX_APP_KEY_BYTES = 255;
  /** Largest user id, in UTF-8 bytes. */
  public static final int MAX_USER_ID_BYTES = 1024;

  private static final byte[] KEY_LABEL = "parley rongcloud token v1".getBytes(StandardCharsets.UTF_8);
  private static final int NONCE_BYTES = 8;
  private static final int MAC_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private RongcloudToken() {}

  /**
   * The key that signs an app's tokens: HMAC-SHA256 of {@code "parley rongcloud token v1"} keyed by the App Secret.
   *
   * <p>It depends on the App Secret only: rotating the secret changes the key and so revokes every token issued
   * under the old secret.
   *
   * @throws IllegalArgumentException when the secret is null or empty
   */
  public static byte[] signingKey(String appSecret) {
    if (appSecret == null || appSecret.isEmpty()) {
      throw new IllegalArgumentException("app secret must not be empty");
    }
    return hmac(appSecret.getBytes(StandardCharsets.UTF_8), KEY_LABEL);
  }

  /**
   * Issues a token for {@code userId} of app {@code appKey}; two tokens issued in the same millisecond differ.
   *
   * @throws IllegalArgumentException when the App Key or user id is empty, too long ({@value #MAX_APP_KEY_BYTES}
   *     and {@value #MAX_USER_ID_BYTES} UTF-8 bytes) or not valid Unicode, or the signing key is empty
   */
  public static String issue(String appKey, String userId, long issuedAtMillis, byte[] signingKey) {
    byte[] app = utf8("app key", appKey, MAX_APP_KEY_BYTES);
    byte[] user = utf8("user id", userId, MAX_USER_ID_BYTES);
    if (signingKey == null || signingKey.length == 0) {
      throw new IllegalArgumentException("signing key must not be empty");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    ByteBuffer payload = ByteBuffer.allocate(1 + 8 + NONCE_BYTES + 1 + app.length + 2 + user.length) // big-endian
        .put((byte) VERSION)
        .putLong(issuedAtMillis)
        .put(nonce)
        .put((byte) app.length)
        .put(app)
        .putShort((short) user.length)
        .put(user);
    String signed = PREFIX + B64.encodeToString(payload.array());
    return signed + "." + B64.encodeToString(hmac(signingKey, signed.getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * Reads a token's App Key, user id and issue time without checking its signature.
   *
   * @throws RongcloudTokenFormatException when the token is missing, too long, not {@code RC1.<payload>.<signature>}
   *     in unpadded base64url, of another version, or its payload is truncated or has bytes left over
   */
  public static DecodedRongcloudToken decode(String token) throws RongcloudTokenFormatException {
    return parse(token).decoded();
  }

  /**
   * Decides whether {@code token} was issued by this server for app {@code expectedAppKey} (and, when
   * {@code expectedUserIdOrEmpty} is neither null nor empty, for that user). Never throws; every failure is an
   * outcome with a reason that never contains the secret.
   *
   * <p>Checks run in this order: format, App Key, signature (compared in constant time), user.
   */
  public static RongcloudTokenCheck check(
      String token, String expectedAppKey, byte[] signingKey, String expectedUserIdOrEmpty) {
    try {
      return checkOrThrow(token, expectedAppKey, signingKey, expectedUserIdOrEmpty);
    } catch (RuntimeException unexpected) {
      return new RongcloudTokenCheck(Outcome.UNDECODABLE, null,
          "Token could not be checked: " + unexpected.getClass().getSimpleName() + ".");
    }
  }

  private static RongcloudTokenCheck checkOrThrow(
      String token, String expectedAppKey, byte[] signingKey, String expectedUserIdOrEmpty) {
    Parsed parsed;
    try {
      parsed = parse(token);
    } catch (RongcloudTokenFormatException e) {
      return new RongcloudTokenCheck(Outcome.UNDECODABLE, null, e.getMessage());
    }
    DecodedRongcloudToken d = parsed.decoded();
    if (!d.appKey().equals(expectedAppKey)) {
      return new RongcloudTokenCheck(Outcome.OTHER_APP, d,
          "Token was issued for App Key " + quote(d.appKey()) + ", not for " + quote(expectedAppKey) + ".");
    }
    if (signingKey == null || signingKey.length == 0) {
      return new RongcloudTokenCheck(Outcome.BAD_SIGNATURE, d,
          "Token signature cannot be checked: the app has no secret configured.");
    }
    byte[] expectedMac = hmac(signingKey, parsed.signedPart().getBytes(StandardCharsets.US_ASCII));
    if (!MessageDigest.isEqual(expectedMac, parsed.mac())) {
      return new RongcloudTokenCheck(Outcome.BAD_SIGNATURE, d,
          "Token signature does not match: it was not issued by this server for this app's secret, or it was altered.");
    }
    boolean userExpected = expectedUserIdOrEmpty != null && !expectedUserIdOrEmpty.isEmpty();
    if (userExpected && !d.userId().equals(expectedUserIdOrEmpty)) {
      return new RongcloudTokenCheck(Outcome.OTHER_USER, d,
          "Token was issued for user " + quote(d.userId()) + ", not for " + quote(expectedUserIdOrEmpty) + ".");
    }
    return new RongcloudTokenCheck(Outcome.OK, d,
        "Token is valid for user " + quote(d.userId()) + " of App Key " + quote(d.appKey()) + " (issued "
            + d.issuedAt() + ").");
  }

  /** The decoded fields, the text the signature covers, and the signature bytes. */
  private record Parsed(DecodedRongcloudToken decoded, String signedPart, byte[] mac) {}

  private static Parsed parse(String token) throws RongcloudTokenFormatException {
    if (token == null) {
      throw new RongcloudTokenFormatException("Token is missing.");
    }
    if (token.isEmpty()) {
      throw new RongcloudTokenFormatException("Token is empty.");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw new RongcloudTokenFormatException(
          "Token is " + token.length() + " characters long; the limit is " + MAX_TOKEN_CHARS + ".");
    }
    if (!token.startsWith(PREFIX)) {
      throw new RongcloudTokenFormatException(
          "Token does not start with \"" + PREFIX + "\": it is not a Rongcloud token issued by Parley.");
    }
    int dot = token.indexOf('.', PREFIX.length());
    if (dot < 0) {
      throw new RongcloudTokenFormatException(
          "Token has no signature part; the form is " + PREFIX + "<payload>.<signature>.");
    }
    if (token.indexOf('.', dot + 1) >= 0) {
      throw new RongcloudTokenFormatException(
          "Token has more than one dot after \"" + PREFIX + "\"; the form is " + PREFIX + "<payload>.<signature>.");
    }
    ByteBuffer in = ByteBuffer.wrap(unbase64("payload", token.substring(PREFIX.length(), dot)));
    DecodedRongcloudToken decoded = payload(in);
    byte[] mac = unbase64("signature", token.substring(dot + 1));
    if (mac.length != MAC_BYTES) {
      throw new RongcloudTokenFormatException(
          "Token signature is " + mac.length + " bytes long; an HMAC-SHA256 signature is " + MAC_BYTES + ".");
    }
    return new Parsed(decoded, token.substring(0, dot), mac);
  }

  private static DecodedRongcloudToken payload(ByteBuffer in) throws RongcloudTokenFormatException {
    if (!in.hasRemaining()) {
      throw new RongcloudTokenFormatException("Token payload is empty.");
    }
    int version = in.get() & 0xff;
    if (version != VERSION) {
      throw new RongcloudTokenFormatException(
          "Token payload version is " + version + "; only version " + VERSION + " is supported.");
    }
    long issuedAtMillis = take(in, 8, "issue time").getLong();
    take(in, NONCE_BYTES, "nonce").position(in.position() + NONCE_BYTES); // only makes tokens unique
    String appKey = text(in, take(in, 1, "App Key length").get() & 0xff, "App Key");
    String userId = text(in, take(in, 2, "user id length").getShort() & 0xffff, "user id");
    if (in.hasRemaining()) {
      throw new RongcloudTokenFormatException(
          "Token payload has " + in.remaining() + " unexpected bytes after the user id.");
    }
    return new DecodedRongcloudToken(appKey, userId, issuedAtMillis);
  }

  /** Returns {@code in} positioned at the field when {@code n} bytes remain, for the caller to read. */
  private static ByteBuffer take(ByteBuffer in, int n, String field) throws RongcloudTokenFormatException {
    if (in.remaining() < n) {
      throw new RongcloudTokenFormatException("Token payload is truncated: it ends inside the " + field + ".");
    }
    return in;
  }

  private static String text(ByteBuffer in, int length, String field) throws RongcloudTokenFormatException {
    if (length == 0) {
      throw new RongcloudTokenFormatException("Token names an empty " + field + ".");
    }
    take(in, length, field);
    ByteBuffer bytes = in.slice(in.position(), length);
    in.position(in.position() + length);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw new RongcloudTokenFormatException("Token " + field + " is not valid UTF-8.", e);
    }
  }

  private static byte[] unbase64(String part, String text) throws RongcloudTokenFormatException {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new RongcloudTokenFormatException(
          "Token " + part + " is not base64url (letters, digits, '-' and '_').", e);
    }
    if (!B64.encodeToString(bytes).equals(text)) { // padding, or non-zero bits past the last byte
      throw new RongcloudTokenFormatException(
          "Token " + part + " is not in canonical unpadded base64url: it has '=' padding or a stray final character.");
    }
    return bytes;
  }

  private static byte[] utf8(String name, String value, int maxBytes) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    ByteBuffer encoded;
    try {
      encoded = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(value));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(name + " is not valid Unicode (it has an unpaired surrogate)", e);
    }
    if (encoded.remaining() > maxBytes) {
      throw new IllegalArgumentException(
          name + " is " + encoded.remaining() + " bytes in UTF-8; the limit is " + maxBytes);
    }
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    return bytes;
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  /** The value in double quotes, with quotes, backslashes and control characters escaped, so one reason is one line. */
  private static String quote(String value) {
    if (value == null) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
