package io.parley.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.KickReason;
import io.parley.protocol.ErrorCodes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Refusal")
class RefusalTest {
  private static final Map<Integer, Refusal> NOT_FINAL = Map.of(
      ErrorCodes.UNAVAILABLE, Refusal.TRANSIENT,
      ErrorCodes.INTERNAL, Refusal.TRANSIENT,
      ErrorCodes.TENCENT_USERSIG_EXPIRED, Refusal.CREDENTIAL_EXPIRED,
      ErrorCodes.RONGCLOUD_TOKEN_EXPIRED, Refusal.CREDENTIAL_EXPIRED);

  /** Every code the server may send, by name. */
  static Stream<Arguments> errorCodes() {
    return Arrays.stream(ErrorCodes.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == int.class)
        .map(f -> Arguments.of(f.getName(), value(f)));
  }

  private static int value(Field f) {
    try {
      return f.getInt(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "ofLogin_{0}")
  @MethodSource("errorCodes")
  @DisplayName("ofLogin: busy or failed servers are transient, expired credentials say so, every other code is final")
  void ofLogin(String name, int code) {
    assertEquals(NOT_FINAL.getOrDefault(code, Refusal.FINAL), Refusal.ofLogin(code), name);
  }

  @Test
  @DisplayName("ofLogin_unknownCode: a code this SDK does not know is final")
  void ofLogin_unknownCode() {
    assertEquals(Refusal.FINAL, Refusal.ofLogin(123_456));
  }

  @ParameterizedTest(name = "ofKick_{0}")
  @EnumSource(KickReason.class)
  @DisplayName("ofKick: the reasons KickReason documents as not reconnected stop, the others reconnect")
  void ofKick(KickReason reason) {
    Refusal expected = switch (reason) {
      case CREDENTIAL_EXPIRED, CREDENTIAL_REVOKED -> Refusal.CREDENTIAL_EXPIRED;
      case LOGGED_IN_ELSEWHERE, ACCOUNT_BLOCKED, APP_REMOVED -> Refusal.FINAL;
      case SERVER_SHUTDOWN, IDLE_TIMEOUT, SLOW_CONSUMER, UNKNOWN -> Refusal.TRANSIENT;
    };
    assertEquals(expected, Refusal.ofKick(reason));
  }

  @Test
  @DisplayName("stopsReconnecting: all but transient")
  void stopsReconnecting() {
    assertFalse(Refusal.TRANSIENT.stopsReconnecting());
    assertTrue(Refusal.CREDENTIAL_EXPIRED.stopsReconnecting());
    assertTrue(Refusal.FINAL.stopsReconnecting());
  }
}
