package io.parley.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("C2cFanOut: whose timelines get a one-to-one message")
class C2cFanOutTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("BOTH: the sender's, then the recipient's", C2cFanOut.BOTH, "alice", "bob",
            List.of("alice", "bob")),
        Arguments.of("BOTH to oneself: one timeline", C2cFanOut.BOTH, "alice", "alice", List.of("alice")),
        Arguments.of("RECIPIENT: the recipient's only", C2cFanOut.RECIPIENT, "alice", "bob", List.of("bob")),
        Arguments.of("RECIPIENT to oneself: one timeline", C2cFanOut.RECIPIENT, "alice", "alice", List.of("alice")),
        Arguments.of("NONE: no timeline (history only)", C2cFanOut.NONE, "alice", "bob", List.of()),
        Arguments.of("NONE to oneself: no timeline", C2cFanOut.NONE, "alice", "alice", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("each choice names its timelines")
  void timelines(String name, C2cFanOut fanOut, String from, String to, List<String> expected) {
    assertEquals(expected, fanOut.timelines(from, to));
  }
}
