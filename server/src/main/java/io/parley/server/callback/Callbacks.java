package io.parley.server.callback;

import io.parley.server.app.App;
import io.parley.server.app.VendorKind;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one callback front of a server: {@link #before} asks an app about an operation and {@link #after} tells it
 * one happened, each in its vendor's format, signed as the vendor signs. Only apps with a callback URL, and only the
 * commands they enabled, get callbacks. Neither call blocks: call them from an event loop and continue on the loop
 * when the Before future completes (it completes on a callback thread).
 */
public final class Callbacks implements AutoCloseable {
  private final Map<VendorKind, CallbackFormat> formats;
  private final CallbackOptions options;
  private final CallbackCounters counters = new CallbackCounters();
  private final ExecutorService signer;
  private final AfterQueue afterQueue;
  private final BeforeCaller beforeCaller;

  /** Callbacks in the given vendors' formats (a vendor without one sends none), with the system clock. */
  public Callbacks(Map<VendorKind, CallbackFormat> formats, CallbackOptions options) {
    this(formats, options, Clock.systemUTC());
  }

  public Callbacks(Map<VendorKind, CallbackFormat> formats, CallbackOptions options, Clock clock) {
    this.formats = formats.isEmpty() ? Map.of() : new EnumMap<>(formats);
    this.options = options;
    HttpPoster poster = new HttpPoster(options.connectTimeout());
    AtomicInteger n = new AtomicInteger();
    this.signer = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "parley-callback-before-" + n.getAndIncrement());
      t.setDaemon(true);
      return t;
    });
    this.afterQueue = new AfterQueue(options, poster, counters, clock);
    this.beforeCaller = new BeforeCaller(poster, signer, options.maxBeforeInFlight(), counters, clock);
  }

  /**
   * Asks the app whether the operation may go ahead. Allows at once when the app takes no such callback (no URL,
   * command not enabled, or none in its vendor's format). The future never fails.
   */
  public CompletableFuture<BeforeVerdict> before(App app, CallbackEvent event) {
    Optional<String> command = command(app, event, Phase.BEFORE);
    if (command.isEmpty()) {
      return CompletableFuture.completedFuture(BeforeVerdict.ALLOW);
    }
    return beforeCaller.call(app, formats.get(app.vendor()), command.get(), event);
  }

  /**
   * Queues an After callback and returns at once: true when queued, false when the app takes no such callback or it
   * was dropped (queue full or closed; counted in {@link CallbackStats#dropped()}).
   */
  public boolean after(App app, CallbackEvent event) {
    Optional<String> command = command(app, event, Phase.AFTER);
    return command.isPresent() && afterQueue.offer(new Pending(app, formats.get(app.vendor()), command.get(), event));
  }

  /**
   * The names in the app's {@code callback.commands} that its vendor's callbacks do not use, sorted; a misspelt name
   * would silently turn a callback off, so wiring should warn about these at startup and on reload.
   */
  public List<String> unknownCommands(App app) {
    CallbackFormat format = formats.get(app.vendor());
    return format == null ? app.callback().commands().map(c -> c.stream().sorted().toList()).orElse(List.of())
        : format.unknownCommands(app.callback());
  }

  /** The counters so far, for /metrics. */
  public CallbackStats stats() {
    return counters.snapshot(afterQueue.queued(), afterQueue.inFlight());
  }

  /** Stops taking callbacks and waits up to the close grace for queued ones to go out; the rest are counted lost. */
  @Override
  public void close() {
    afterQueue.close(options.closeGrace());
    signer.shutdown();
  }

  /** The vendor command this event triggers for this app, when the app takes it. */
  private Optional<String> command(App app, CallbackEvent event, Phase phase) {
    CallbackFormat format = formats.get(app.vendor());
    if (format == null || app.callback().url().isEmpty()) {
      return Optional.empty();
    }
    return format.command(event, phase).filter(app.callback()::enabled);
  }
}
