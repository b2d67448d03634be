package io.parley.protocol.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hex digests shared by the vendor formats")
class HexDigestsTest {

  @Test
  @DisplayName("SHA-256, SHA-1 and MD5 of well-known inputs are the published values, in lower case")
  void knownValues() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HexDigests.sha256Hex("abc"));
    assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", HexDigests.sha1Hex("abc"));
    assertEquals("900150983cd24fb0d6963f7d28e17f72", HexDigests.md5Hex("abc"));
    assertEquals("d41d8cd98f00b204e9800998ecf8427e", HexDigests.md5Hex(new byte[0]));
  }

  @Test
  @DisplayName("text is hashed as UTF-8")
  void utf8() {
    assertEquals(HexDigests.md5Hex("é".getBytes(StandardCharsets.UTF_8)), HexDigests.md5Hex("é"));
    assertFalse(HexDigests.md5Hex("é").equals(HexDigests.md5Hex("é".getBytes(StandardCharsets.ISO_8859_1))));
  }

  @Test
  @DisplayName("hex comparison ignores case but not any other difference")
  void hexEquals() {
    assertTrue(HexDigests.hexEqualsIgnoreCase("0123456789abcdef", "0123456789ABCDEF"));
    assertFalse(HexDigests.hexEqualsIgnoreCase("0123456789abcdef", "0123456789abcdee"));
    assertFalse(HexDigests.hexEqualsIgnoreCase("0123456789abcdef", "0123456789abcde"));
  }

  @Test
  @DisplayName("null, empty and non-hex strings never compare equal, not even to themselves")
  void notHex() {
    assertFalse(HexDigests.hexEqualsIgnoreCase(null, null));
    assertFalse(HexDigests.hexEqualsIgnoreCase("", ""));
    assertFalse(HexDigests.hexEqualsIgnoreCase("ab", null));
    assertFalse(HexDigests.hexEqualsIgnoreCase("xy", "xy"));
    assertFalse(HexDigests.hexEqualsIgnoreCase("a\u0661", "a\u0661")); // ARABIC-INDIC DIGIT ONE is a digit, not hex
    assertFalse(HexDigests.hexEqualsIgnoreCase("ａｂ", "ａｂ")); // full-width letters
    assertFalse(HexDigests.hexEqualsIgnoreCase("a@", "a`")); // '@' | 0x20 would be '`'
  }
}
