package io.parley.server.callback;

import static io.parley.server.support.CallbackFixtures.json;
import static io.parley.server.support.CallbackFixtures.settings;
import static io.parley.server.support.CallbackFixtures.tencent;
import static io.parley.server.support.CallbackFixtures.tencentText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.app.App;
import io.parley.server.app.CallbackSettings;
import io.parley.server.app.VendorKind;
import io.parley.server.support.CallbackReceiver;
import io.parley.server.support.CallbackReceiver.Reply;
import io.parley.server.vendor.tencent.TencentCallbacks;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Before callbacks")
@Timeout(60)
class CallbacksBeforeTest {
  static final Duration SHORT = Duration.ofMillis(300);

  final Callbacks callbacks = new Callbacks(Map.of(VendorKind.TENCENT, new TencentCallbacks()), CallbackOptions.DEFAULTS);
  CallbackReceiver receiver;

  @AfterEach
  void tearDown() {
    callbacks.close();
    if (receiver != null) {
      receiver.close();
    }
  }

  /** Asks the app that {@code receiver} plays, with these settings, about a text message. */
  BeforeVerdict ask(App app) throws Exception {
    return callbacks.before(app, tencentText()).get(30, TimeUnit.SECONDS);
  }

  App answering(String body) throws Exception {
    receiver = CallbackReceiver.start((r, n) -> new Reply(200, body));
    return tencent(settings(receiver.url()));
  }

  /** An app whose server takes requests but does not answer (for 30 s, or until the test ends). */
  App silent(Duration timeout, boolean failOpen) throws Exception {
    receiver = CallbackReceiver.start((r, n) -> {
      receiver.holdUpTo(Duration.ofSeconds(30));
      return Reply.ok();
    });
    return tencent(settings(receiver.url(), Optional.empty(), Optional.empty(), timeout, failOpen));
  }

  @Test
  @DisplayName("ErrorCode 0 allows the send")
  void allow() throws Exception {
    assertEquals(BeforeVerdict.ALLOW, ask(answering(CallbackReceiver.OK)));
    assertEquals(TencentCallbacks.BEFORE_SEND_C2C, receiver.next().query().get("CallbackCommand"));
  }

  @Test
  @DisplayName("a non-zero ErrorCode refuses the send with the app's code and ErrorInfo")
  void refuse() throws Exception {
    assertEquals(new BeforeVerdict.Refuse(1, "no red packets"),
        ask(answering("{\"ActionStatus\":\"OK\",\"ErrorCode\":1,\"ErrorInfo\":\"no red packets\"}")));
    receiver.close();
    assertEquals(new BeforeVerdict.Refuse(120001, "custom refusal"),
        ask(answering("{\"ActionStatus\":\"OK\",\"ErrorCode\":120001,\"ErrorInfo\":\"custom refusal\"}")));
  }

  @Test
  @DisplayName("ErrorCode 0 with a MsgBody lets the send through with the app's body")
  void modify() throws Exception {
    String body = "[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"***\"}}]";

    BeforeVerdict v = ask(answering("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"MsgBody\":" + body + "}"));

    assertEquals(new BeforeVerdict.Modify(Optional.of(json(body)), Optional.empty()), v);
  }

  @Test
  @DisplayName("ErrorCode 2 discards the message silently")
  void discard() throws Exception {
    assertEquals(new BeforeVerdict.Discard(), ask(answering("{\"ActionStatus\":\"OK\",\"ErrorCode\":2,\"ErrorInfo\":\"\"}")));
  }

  @Test
  @DisplayName("no answer within the app's timeout allows the send when the app is fail-open")
  void timeoutFailOpen() throws Exception {
    assertEquals(BeforeVerdict.ALLOW, ask(silent(SHORT, true)));
    assertEquals(1, callbacks.stats().beforeUnanswered());
  }

  @Test
  @DisplayName("no answer within the app's timeout refuses the send with a clear code when the app is fail-closed")
  void timeoutFailClosed() throws Exception {
    BeforeVerdict v = ask(silent(SHORT, false));

    assertEquals(BeforeVerdict.Refuse.noAnswer(), v);
    assertEquals(BeforeVerdict.Refuse.NO_ANSWER, ((BeforeVerdict.Refuse) v).code());
    assertEquals(1, callbacks.stats().beforeUnanswered());
  }

  @Test
  @DisplayName("a refused connection, a 5xx or an answer not in the vendor's format leave it to the app's policy")
  void errorsFollowThePolicy() throws Exception {
    URI dead = CallbackReceiver.refusingUrl();
    assertEquals(BeforeVerdict.ALLOW, ask(tencent(settings(dead))));
    assertEquals(BeforeVerdict.Refuse.noAnswer(),
        ask(tencent(settings(dead, Optional.empty(), Optional.empty(), SHORT, false))));

    receiver = CallbackReceiver.start((r, n) -> n == 1 ? new Reply(500, CallbackReceiver.OK) : new Reply(200, "<html>"));
    App closed = tencent(settings(receiver.url(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5), false));
    assertEquals(BeforeVerdict.Refuse.noAnswer(), ask(closed));
    assertEquals(BeforeVerdict.Refuse.noAnswer(), ask(closed));
    assertEquals(2, receiver.count(), "a Before callback is never retried");
    assertEquals(4, callbacks.stats().beforeUnanswered());
  }

  @Test
  @DisplayName("a Before command the app did not enable, or an app without a URL, allows at once without a request")
  void disabledAllowsAtOnce() throws Exception {
    receiver = CallbackReceiver.start();
    App afterOnly = tencent(settings(receiver.url(), Optional.empty(), Optional.of(Set.of(TencentCallbacks.AFTER_SEND_C2C)),
        SHORT, false));

    CompletableFuture<BeforeVerdict> disabled = callbacks.before(afterOnly, tencentText());
    CompletableFuture<BeforeVerdict> noUrl = callbacks.before(tencent(CallbackSettings.NONE),
        tencentText());

    assertTrue(disabled.isDone() && noUrl.isDone(), "decided without asking anyone");
    assertEquals(BeforeVerdict.ALLOW, disabled.get());
    assertEquals(BeforeVerdict.ALLOW, noUrl.get());
    assertEquals(0, receiver.count());
  }

  @Test
  @DisplayName("more Before calls at once than allowed are decided by the app's policy without a request")
  void tooManyInFlight() throws Exception {
    try (Callbacks one = new Callbacks(Map.of(VendorKind.TENCENT, new TencentCallbacks()),
        CallbackOptions.DEFAULTS.withMaxBeforeInFlight(1))) {
      App app = silent(Duration.ofSeconds(20), false);

      CompletableFuture<BeforeVerdict> first = one.before(app, tencentText());
      receiver.next(); // the first call is out and unanswered
      BeforeVerdict second = one.before(app, tencentText()).get(10, TimeUnit.SECONDS);

      assertEquals(BeforeVerdict.Refuse.noAnswer(), second);
      assertEquals(1, receiver.count());
      receiver.close();
      first.get(30, TimeUnit.SECONDS); // completes once the app server goes away
    }
  }
}
