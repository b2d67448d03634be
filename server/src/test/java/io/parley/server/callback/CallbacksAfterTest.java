package io.parley.server.callback;

import static io.parley.server.support.CallbackFixtures.login;
import static io.parley.server.support.CallbackFixtures.settings;
import static io.parley.server.support.CallbackFixtures.tencent;
import static io.parley.server.support.CallbackFixtures.tencentText;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.app.App;
import io.parley.server.app.CallbackSettings;
import io.parley.server.app.VendorKind;
import io.parley.server.support.CallbackReceiver;
import io.parley.server.support.CallbackReceiver.Reply;
import io.parley.server.vendor.tencent.TencentCallbacks;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("After callbacks")
@Timeout(60)
class CallbacksAfterTest {
  /** Fast retries, so that tests about retrying do not wait seconds. */
  static final CallbackOptions QUICK = CallbackOptions.DEFAULTS.withRetries(3, Duration.ofMillis(10));
  static final Map<VendorKind, CallbackFormat> TENCENT = Map.of(VendorKind.TENCENT, new TencentCallbacks());

  CallbackReceiver receiver;
  Callbacks callbacks;

  @AfterEach
  void tearDown() {
    if (callbacks != null) {
      callbacks.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  Callbacks start(CallbackOptions options) {
    callbacks = new Callbacks(TENCENT, options);
    return callbacks;
  }

  @Test
  @DisplayName("a callback reaches the app's URL once and counts as sent")
  void deliveredOnce() throws Exception {
    receiver = CallbackReceiver.start();
    App app = tencent(settings(receiver.url()));
    start(QUICK);

    assertTrue(callbacks.after(app, login("alice")));

    CallbackReceiver.Received r = receiver.next();
    assertEquals("POST", r.method());
    assertEquals("/im/callback", r.uri().getPath());
    await().until(() -> callbacks.stats().equals(new CallbackStats(1, 0, 0, 0, 0, 0, 0)));
    assertEquals(1, receiver.count());
  }

  @Test
  @DisplayName("a 5xx answer is retried until the app answers 2xx")
  void retriedOn5xx() throws Exception {
    receiver = CallbackReceiver.start((r, n) -> n == 1 ? new Reply(500, "") : n == 2 ? new Reply(503, "") : Reply.ok());
    start(QUICK);

    callbacks.after(tencent(settings(receiver.url())), login("alice"));

    await().until(() -> callbacks.stats().sent() == 1);
    assertEquals(3, receiver.count());
    assertEquals(2, callbacks.stats().retried());
    assertEquals(0, callbacks.stats().failed());
    assertEquals(receiver.all().get(0).text(), receiver.all().get(2).text(), "a retry carries the same body");
  }

  @Test
  @DisplayName("retries stop after the limit: 1 + 3 attempts, then the callback counts as failed")
  void retriesStopAtTheLimit() throws Exception {
    receiver = CallbackReceiver.start((r, n) -> new Reply(502, ""));
    start(QUICK);

    callbacks.after(tencent(settings(receiver.url())), login("alice"));

    await().until(() -> callbacks.stats().equals(new CallbackStats(0, 1, 0, 3, 0, 0, 0)));
    assertEquals(4, receiver.count());
  }

  @Test
  @DisplayName("a 4xx answer is not retried")
  void notRetriedOn4xx() throws Exception {
    receiver = CallbackReceiver.start((r, n) -> new Reply(404, ""));
    start(QUICK);

    callbacks.after(tencent(settings(receiver.url())), login("alice"));

    await().until(() -> callbacks.stats().failed() == 1);
    assertEquals(1, receiver.count());
    assertEquals(0, callbacks.stats().retried());
  }

  @Test
  @DisplayName("an endpoint that refuses connections is retried up to the limit, then the callback counts as failed")
  void deadEndpointFails() throws Exception {
    start(QUICK);

    callbacks.after(tencent(settings(CallbackReceiver.refusingUrl())), login("alice"));

    await().until(() -> callbacks.stats().equals(new CallbackStats(0, 1, 0, 3, 0, 0, 0)));
  }

  @Test
  @DisplayName("a dead endpoint never blocks offer and never grows the queue past its bound: the overflow is counted")
  void deadEndpointOverflow() throws Exception {
    // Retries 1 s apart keep every in-flight slot busy, so the queue fills.
    start(CallbackOptions.DEFAULTS.withQueueCapacity(20).withMaxInFlight(2).withWorkers(1));
    App app = tencent(settings(CallbackReceiver.refusingUrl()));

    int accepted = offerMany(app, 1_000);

    CallbackStats stats = callbacks.stats();
    assertTrue(accepted <= 20 + 2, "accepted " + accepted);
    assertEquals(1_000 - accepted, stats.dropped());
    assertTrue(stats.queued() <= 20, stats.toString());
  }

  @Test
  @DisplayName("a slow endpoint (answers after 5 s) never blocks offer and never grows the queue past its bound")
  void slowEndpointOverflow() throws Exception {
    receiver = CallbackReceiver.start((r, n) -> {
      receiver.holdUpTo(Duration.ofSeconds(5));
      return Reply.ok();
    });
    start(CallbackOptions.DEFAULTS.withQueueCapacity(20).withMaxInFlight(2).withWorkers(1)
        .withRequestTimeout(Duration.ofSeconds(30)).withCloseGrace(Duration.ZERO));
    App app = tencent(settings(receiver.url()));

    int accepted = offerMany(app, 1_000);

    assertEquals(0, receiver.answered(), "every offer returned while the app had not answered once");
    CallbackStats stats = callbacks.stats();
    assertTrue(accepted <= 20 + 2, "accepted " + accepted);
    assertEquals(1_000 - accepted, stats.dropped());
    assertTrue(stats.queued() <= 20, stats.toString());
    assertTrue(stats.inFlight() <= 2, stats.toString());
  }

  @Test
  @DisplayName("a command the app did not enable is not sent; an enabled one is")
  void disabledCommandsNotSent() throws Exception {
    receiver = CallbackReceiver.start();
    CallbackSettings onlyAfterSend = new CallbackSettings(Optional.of(receiver.url()), Optional.empty(),
        Optional.of(Set.of(TencentCallbacks.AFTER_SEND_C2C)), CallbackSettings.DEFAULT_BEFORE_TIMEOUT, true);
    App app = tencent(onlyAfterSend);
    start(QUICK.withWorkers(1));

    assertFalse(callbacks.after(app, login("alice")), "State.StateChange is not enabled");
    assertTrue(callbacks.after(app, tencentText()));

    assertEquals(TencentCallbacks.AFTER_SEND_C2C, receiver.next().query().get("CallbackCommand"));
    await().until(() -> callbacks.stats().sent() == 1);
    assertEquals(1, receiver.count());
    assertEquals(0, callbacks.stats().dropped(), "a callback the app does not take is not a drop");
  }

  @Test
  @DisplayName("an app without a callback URL, or of a vendor without a format, gets no callbacks")
  void noUrlNoCallback() {
    start(QUICK);

    assertFalse(callbacks.after(tencent(CallbackSettings.NONE), login("alice")));
    try (Callbacks none = new Callbacks(Map.of(), QUICK)) {
      assertFalse(none.after(tencent(settings(URI.create("http://127.0.0.1:1/"))), login("alice")));
    }
    assertEquals(new CallbackStats(0, 0, 0, 0, 0, 0, 0), callbacks.stats());
  }

  @Test
  @DisplayName("close sends what is queued within its grace period, and later callbacks are dropped and counted")
  void closeDrains() throws Exception {
    receiver = CallbackReceiver.start();
    App app = tencent(settings(receiver.url()));
    start(QUICK.withWorkers(1).withCloseGrace(Duration.ofSeconds(30)));

    for (int i = 0; i < 50; i++) {
      assertTrue(callbacks.after(app, login("user" + i)));
    }
    callbacks.close();

    assertEquals(50, callbacks.stats().sent());
    assertEquals(50, receiver.count());
    assertFalse(callbacks.after(app, login("late")));
    assertEquals(1, callbacks.stats().dropped());
  }

  @Test
  @DisplayName("command names the app's vendor does not use are reported, so that a typo does not go unnoticed")
  void unknownCommands() {
    start(QUICK);
    App typo = tencent(new CallbackSettings(Optional.of(URI.create("http://127.0.0.1:1/")), Optional.empty(),
        Optional.of(Set.of("State.StateChange", "C2C.CallbackAfterSendMessage", "C2C.CallbackBeforeSendMsg")),
        CallbackSettings.DEFAULT_BEFORE_TIMEOUT, true));

    assertEquals(List.of("C2C.CallbackAfterSendMessage"), callbacks.unknownCommands(typo));
    assertEquals(List.of(), callbacks.unknownCommands(tencent(CallbackSettings.NONE)));
  }

  /** Offers {@code n} callbacks from this thread; how many were queued. */
  private int offerMany(App app, int n) {
    int accepted = 0;
    for (int i = 0; i < n; i++) {
      if (callbacks.after(app, login("user" + i))) {
        accepted++;
      }
    }
    return accepted;
  }
}
