package io.parley.protocol.credential.yuntongxun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Yuntongxun any-account user names")
class YuntongxunUserNameTest {

  static String problem(String name) {
    Optional<String> problem = YuntongxunUserName.problem(name);
    assertTrue(problem.isPresent(), "\"" + name + "\" should be refused");
    return problem.get();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"alice01", "user_name-9", "ABCDE", "12345", "a-b_c", "Zed__", "-----", "_gary",
      "abcdefghijklmnopqrst", "hg123"})
  @DisplayName("5 to 20 ASCII letters, digits, _ and - not starting with g are valid")
  void valid(String name) {
    assertEquals(Optional.empty(), YuntongxunUserName.problem(name));
  }

  @Test
  @DisplayName("a null or empty name is refused as empty")
  void empty() {
    assertEquals("user name is empty", problem(null));
    assertEquals("user name is empty", problem(""));
  }

  @Test
  @DisplayName("a name of fewer than 5 characters is refused and the message gives the length and the range")
  void tooShort() {
    assertEquals("user name is 4 characters long; it must be 5 to 20 characters", problem("abcd"));
    assertTrue(problem("a").contains("1 characters"));
  }

  @Test
  @DisplayName("a name of more than 20 characters is refused")
  void tooLong() {
    assertEquals("user name is 21 characters long; it must be 5 to 20 characters", problem("a".repeat(21)));
  }

  @Test
  @DisplayName("Chinese characters are refused, and the message shows the character and where it is")
  void chinese() {
    String message = problem("alice用户");

    assertTrue(message.contains("\"用\" (U+7528) at position 6"), message);
    assertTrue(message.contains("no Chinese characters"), message);
    assertTrue(problem("用户名").contains("U+7528"), "the character rule is named before the length rule");
  }

  @Test
  @DisplayName("a space is refused")
  void space() {
    assertTrue(problem("alice 01").contains("a space (U+0020) at position 6"), problem("alice 01"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"alice@example", "alice.01", "alice+01", "alice#1", "al!ce", "alice/01", "élise1",
      "alice\t01", "alice\u200b01", "alice😀01"})
  @DisplayName("@, dots and other symbols, accented letters, tabs, invisible and astral characters are refused")
  void symbols(String name) {
    assertTrue(problem(name).contains("only ASCII letters, digits, \"_\" and \"-\" are allowed"), problem(name));
  }

  @Test
  @DisplayName("an invisible character is named by its code point only, an emoji by itself and its code point")
  void describesCharacters() {
    assertTrue(problem("alice\u200b01").contains("the character U+200B at position 6"), problem("alice\u200b01"));
    assertTrue(problem("alice😀01").contains("\"😀\" (U+1F600) at position 6"), problem("alice😀01"));
    assertTrue(problem("a😀b😀c").contains("at position 2"), "positions count characters, not UTF-16 units");
  }

  @Test
  @DisplayName("@ in an e-mail-like name is refused")
  void at() {
    assertTrue(problem("alice@example").contains("\"@\" (U+0040) at position 6"), problem("alice@example"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"g1234", "gary01", "G1234", "Group_42"})
  @DisplayName("a name starting with g or G is refused because group ids start with g")
  void leadingG(String name) {
    String message = problem(name);

    assertTrue(message.startsWith("user name starts with \"" + name.charAt(0) + "\""), message);
    assertTrue(message.contains("group ids start with g"), message);
  }
}
