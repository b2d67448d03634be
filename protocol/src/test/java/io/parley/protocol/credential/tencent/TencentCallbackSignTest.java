package io.parley.protocol.credential.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tencent callback Sign")
class TencentCallbackSignTest {
  /** sha256("xxxxyyyy1669872112"), computed once with sha256sum; the vendor shows it as 17773bc3…4061. */
  static final String VENDOR_SIGN = "17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061";

  @Test
  @DisplayName("the vendor's own example: token xxxxyyyy at RequestTime 1669872112 signs as 17773bc3…4061")
  void vendorExample() {
    String sign = TencentCallbackSign.sign("xxxxyyyy", "1669872112");

    assertEquals(VENDOR_SIGN, sign);
    assertTrue(sign.startsWith("17773bc3") && sign.endsWith("4061"));
  }

  @Test
  @DisplayName("a sign matches in either case, and not for another time, token or a missing value")
  void matches() {
    assertTrue(TencentCallbackSign.matches("xxxxyyyy", "1669872112", VENDOR_SIGN.toUpperCase()));
    assertFalse(TencentCallbackSign.matches("xxxxyyyy", "1669872113", VENDOR_SIGN));
    assertFalse(TencentCallbackSign.matches("xxxxyyyz", "1669872112", VENDOR_SIGN));
    assertFalse(TencentCallbackSign.matches("", "1669872112", VENDOR_SIGN));
    assertFalse(TencentCallbackSign.matches("xxxxyyyy", null, VENDOR_SIGN));
    assertFalse(TencentCallbackSign.matches("xxxxyyyy", "1669872112", null));
  }

  @Test
  @DisplayName("an empty token is refused: anyone could compute its sign")
  void emptyToken() {
    assertThrows(IllegalArgumentException.class, () -> TencentCallbackSign.sign("", "1669872112"));
    assertThrows(NullPointerException.class, () -> TencentCallbackSign.sign(null, "1669872112"));
  }
}
