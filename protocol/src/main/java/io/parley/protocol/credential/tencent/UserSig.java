package io.parley.protocol.credential.tencent;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.credential.tencent.UserSigCheck.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent Cloud IM UserSig (TLSSigAPIv2): generate, decode and check, byte-compatible with the official signer.
 *
 * <p>A UserSig is {@code base64*(zlib(json))} where {@code base64*} is standard Base64 with {@code +}, {@code /}
 * and {@code =} replaced by {@code *}, {@code -} and {@code _}; the JSON carries the identifier, SDKAppID, issue
 * time, validity and an HMAC-SHA256 over those fields keyed by the app's secret key.
 */
public final class UserSig {
  /** The only UserSig version this class reads. */
  public static final String VERSION = "2.0";
  /** Longest UserSig string accepted before any decoding work is done. */
  public static final int MAX_ENCODED_CHARS = 128 * 1024;
  /** Largest inflated JSON accepted; a zlib bomb stops here. */
  public static final int MAX_INFLATED_BYTES = 64 * 1024;

  private static final String VER = "TLS.ver";
  private static final String IDENTIFIER = "TLS.identifier";
  private static final String SDKAPPID = "TLS.sdkappid";
  private static final String TIME = "TLS.time";
  private static final String EXPIRE = "TLS.expire";
  private static final String SIG = "TLS.sig";
  private static final String USERBUF = "TLS.userbuf";

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private UserSig() {}

  /**
   * Issues a UserSig exactly as the official {@code TLSSigAPIv2} does, with the issue time given.
   *
   * @param userbufOrNull opaque bytes signed along (the official signer uses it for TRTC privilege maps), or null
   * @throws IllegalArgumentException when the key is empty or a number is negative
   */
  public static String generate(
      long sdkAppId, String key, String identifier, long expireSeconds, byte[] userbufOrNull, long nowEpochSeconds) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    if (identifier == null) {
      throw new IllegalArgumentException("identifier must not be null");
    }
    if (sdkAppId < 0 || expireSeconds < 0 || nowEpochSeconds < 0) {
      throw new IllegalArgumentException("sdkAppId, expireSeconds and nowEpochSeconds must not be negative");
    }
    String userbuf = userbufOrNull == null ? null : Base64.getEncoder().encodeToString(userbufOrNull);
    String sig = hmac(key, identifier, sdkAppId, nowEpochSeconds, expireSeconds, userbuf);

    // Same key order as the official signer's org.json output, so that equal inputs give equal bytes.
    // Verifiers must not depend on it.
    ObjectNode doc = JSON.createObjectNode();
    doc.put(EXPIRE, expireSeconds);
    doc.put(VER, VERSION);
    doc.put(SDKAPPID, sdkAppId);
    doc.put(IDENTIFIER, identifier);
    doc.put(SIG, sig);
    if (userbuf != null) {
      doc.put(USERBUF, userbuf);
    }
    doc.put(TIME, nowEpochSeconds);

    byte[] json;
    try {
      json = JSON.writeValueAsBytes(doc);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
    return encodeBase64Star(deflate(json));
  }

  /**
   * Reads the fields of a UserSig without checking its signature.
   *
   * @throws UserSigFormatException when the string is not Base64*, not zlib, too large, not JSON, or lacks a field
   */
  public static DecodedUserSig decode(String userSig) throws UserSigFormatException {
    return parse(userSig).decoded();
  }

  /**
   * Decides whether {@code userSig} lets {@code expectedIdentifier} into app {@code expectedSdkAppId} at
   * {@code nowEpochSeconds}. Never throws; every failure is an outcome with a reason.
   *
   * <p>Checks run in this order: format, SDKAppID, identifier, signature, expiry. The signature comes before expiry
   * so that an edited expiry reads as tampering, not as expiry.
   */
  public static UserSigCheck check(
      String userSig, long expectedSdkAppId, String key, String expectedIdentifier, long nowEpochSeconds) {
    try {
      return checkOrThrow(userSig, expectedSdkAppId, key, expectedIdentifier, nowEpochSeconds);
    } catch (RuntimeException unexpected) {
      return new UserSigCheck(Outcome.UNDECODABLE, null,
          "UserSig could not be checked: " + unexpected.getClass().getSimpleName() + ".");
    }
  }

  private static UserSigCheck checkOrThrow(
      String userSig, long expectedSdkAppId, String key, String expectedIdentifier, long nowEpochSeconds) {
    Parsed parsed;
    try {
      parsed = parse(userSig);
    } catch (UserSigFormatException e) {
      return new UserSigCheck(Outcome.UNDECODABLE, null, e.getMessage());
    }
    DecodedUserSig d = parsed.decoded();
    if (!VERSION.equals(d.version())) {
      return new UserSigCheck(Outcome.UNDECODABLE, d,
          "UserSig version is \"" + d.version() + "\"; only version " + VERSION + " is supported.");
    }
    if (d.sdkAppId() != expectedSdkAppId) {
      return new UserSigCheck(Outcome.SDKAPPID_MISMATCH, d,
          "UserSig was issued for SDKAppID " + d.sdkAppId() + ", not for SDKAppID " + expectedSdkAppId + ".");
    }
    if (!d.identifier().equals(expectedIdentifier)) {
      return new UserSigCheck(Outcome.IDENTIFIER_MISMATCH, d,
          "UserSig was issued for identifier \"" + d.identifier() + "\", not for \"" + expectedIdentifier + "\".");
    }
    if (key == null || key.isEmpty()) {
      return new UserSigCheck(Outcome.BAD_SIGNATURE, d,
          "UserSig signature cannot be checked: the app has no secret key configured.");
    }
    String expected = hmac(key, d.identifier(), d.sdkAppId(), d.time(), d.expire(), parsed.userbufBase64OrNull());
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), d.sig().getBytes(StandardCharsets.UTF_8))) {
      return new UserSigCheck(Outcome.BAD_SIGNATURE, d,
          "UserSig signature does not match its fields: it was signed with another key or altered after signing.");
    }
    long expiresAt = d.expiresAtEpochSeconds();
    if (nowEpochSeconds >= expiresAt) {
      return new UserSigCheck(Outcome.EXPIRED, d,
          "UserSig expired at " + instant(expiresAt) + " (issued " + instant(d.time()) + ", valid "
              + d.expire() + " s).");
    }
    return new UserSigCheck(Outcome.OK, d,
        "UserSig is valid for \"" + d.identifier() + "\" in SDKAppID " + d.sdkAppId() + " until "
            + instant(expiresAt) + ".");
  }

  private static String instant(long epochSeconds) {
    return epochSeconds > Instant.MAX.getEpochSecond() ? "the end of time" : Instant.ofEpochSecond(epochSeconds).toString();
  }

  /** The decoded fields plus the userbuf exactly as written, which is what the signature covers. */
  private record Parsed(DecodedUserSig decoded, String userbufBase64OrNull) {}

  private static Parsed parse(String userSig) throws UserSigFormatException {
    if (userSig == null) {
      throw new UserSigFormatException("UserSig is missing.");
    }
    if (userSig.isEmpty()) {
      throw new UserSigFormatException("UserSig is empty.");
    }
    if (userSig.length() > MAX_ENCODED_CHARS) {
      throw new UserSigFormatException(
          "UserSig is " + userSig.length() + " characters long; the limit is " + MAX_ENCODED_CHARS + ".");
    }
    byte[] deflated;
    try {
      deflated = Base64.getDecoder().decode(
          userSig.replace('*', '+').replace('-', '/').replace('_', '='));
    } catch (IllegalArgumentException e) {
      throw new UserSigFormatException("UserSig is not valid Base64 in Tencent's variant (* - _ for + / =).", e);
    }
    JsonNode root;
    try {
      root = JSON.readTree(inflate(deflated));
    } catch (IOException e) { // Jackson's parse errors; nothing here does real I/O
      throw new UserSigFormatException("UserSig does not hold a valid JSON document.", e);
    }
    if (root == null || !root.isObject()) {
      throw new UserSigFormatException("UserSig does not hold a JSON object.");
    }
    String version = text(root, VER);
    String identifier = text(root, IDENTIFIER);
    long sdkAppId = number(root, SDKAPPID);
    long time = number(root, TIME);
    long expire = number(root, EXPIRE);
    String sig = text(root, SIG);
    String userbuf = null;
    byte[] userbufBytes = null;
    if (root.has(USERBUF)) {
      userbuf = text(root, USERBUF);
      try {
        userbufBytes = Base64.getDecoder().decode(userbuf);
      } catch (IllegalArgumentException e) {
        throw new UserSigFormatException("UserSig field " + USERBUF + " is not valid Base64.", e);
      }
    }
    return new Parsed(new DecodedUserSig(version, identifier, sdkAppId, time, expire, sig, userbufBytes), userbuf);
  }

  private static String text(JsonNode root, String field) throws UserSigFormatException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new UserSigFormatException("UserSig lacks the field " + field + ".");
    }
    if (!node.isTextual()) {
      throw new UserSigFormatException("UserSig field " + field + " must be a string.");
    }
    return node.textValue();
  }

  private static long number(JsonNode root, String field) throws UserSigFormatException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new UserSigFormatException("UserSig lacks the field " + field + ".");
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
      throw new UserSigFormatException("UserSig field " + field + " must be a non-negative whole number.");
    }
    return node.longValue();
  }

  private static String hmac(String key, String identifier, long sdkAppId, long time, long expire, String userbuf) {
    StringBuilder content = new StringBuilder(128)
        .append("TLS.identifier:").append(identifier).append('\n')
        .append("TLS.sdkappid:").append(sdkAppId).append('\n')
        .append("TLS.time:").append(time).append('\n')
        .append("TLS.expire:").append(expire).append('\n');
    if (userbuf != null) {
      content.append("TLS.userbuf:").append(userbuf).append('\n');
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(content.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  private static byte[] deflate(byte[] input) {
    Deflater deflater = new Deflater(); // default level, zlib header: what the official signer uses
    try {
      deflater.setInput(input);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 64);
      byte[] buffer = new byte[2048];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] input) throws UserSigFormatException {
    Inflater inflater = new Inflater(); // expects the zlib header
    try {
      inflater.setInput(input);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(input.length * 4, MAX_INFLATED_BYTES));
      byte[] buffer = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && !inflater.finished()) {
          throw new UserSigFormatException(inflater.needsDictionary()
              ? "UserSig asks for a preset zlib dictionary, which UserSigs never use."
              : "UserSig is truncated: its zlib stream ends early.");
        }
        if (out.size() + n > MAX_INFLATED_BYTES) {
          throw new UserSigFormatException(
              "UserSig inflates to more than " + MAX_INFLATED_BYTES + " bytes; refused.");
        }
        out.write(buffer, 0, n);
      }
      if (inflater.getRemaining() > 0) {
        throw new UserSigFormatException("UserSig has " + inflater.getRemaining() + " stray bytes after its zlib stream.");
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new UserSigFormatException("UserSig is not a zlib stream.", e);
    } finally {
      inflater.end();
    }
  }

  private static String encodeBase64Star(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes).replace('+', '*').replace('/', '-').replace('=', '_');
  }
}
