package io.parley.server.callback;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.ErrorCodes;
import java.util.Objects;
import java.util.Optional;

/** What the app (or, when it did not answer, its fail-open or fail-closed policy) decided about an operation. */
public sealed interface BeforeVerdict {

  /** Let the operation through unchanged. */
  BeforeVerdict ALLOW = new Allow();

  /** Go ahead unchanged. */
  record Allow() implements BeforeVerdict {}

  /**
   * Refuse the operation with the app's own non-zero error code and message, or with {@link #NO_ANSWER} when an
   * unanswered callback meets a fail-closed app.
   */
  record Refuse(int code, String message) implements BeforeVerdict {
    /** The code of a refusal made because the app did not answer and is configured fail-closed. */
    public static final int NO_ANSWER = ErrorCodes.UNAVAILABLE;

    public Refuse {
      Objects.requireNonNull(message, "message");
    }

    /** The refusal of a fail-closed app that did not answer. */
    public static Refuse noAnswer() {
      return new Refuse(NO_ANSWER,
          "The app server did not answer its before-send callback in time, and the app refuses sends then.");
    }
  }

  /** Go ahead with the content the app sent back: a new body, new custom data, or both (absent: keep the old). */
  record Modify(Optional<JsonNode> body, Optional<String> cloudCustomData) implements BeforeVerdict {
    public Modify {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(cloudCustomData, "cloudCustomData");
      if (body.isEmpty() && cloudCustomData.isEmpty()) {
        throw new IllegalArgumentException("a modification changes the body, the custom data or both");
      }
    }
  }

  /** Pretend success to the sender but deliver nothing (Tencent's "silent discard", ErrorCode 2). */
  record Discard() implements BeforeVerdict {}

  /** Go ahead, but without these users (Tencent's {@code RefusedMembers_Account} in a Before-invite answer). */
  record Narrow(java.util.Set<String> refused) implements BeforeVerdict {
    public Narrow {
      refused = java.util.Set.copyOf(refused);
    }
  }
}
