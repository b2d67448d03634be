package io.parley.bench;

import io.parley.client.KickReason;
import io.parley.client.LoginInfo;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyListener;
import io.parley.client.Platform;
import io.parley.client.ReceivedMessage;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley-bench listen}: prints each received timeline entry as one JSON line; exits after N or a timeout. */
@Command(name = "listen", mixinStandardHelpOptions = true,
    description = "Print received messages as JSON lines; exit after --count messages (code 0) or --timeout seconds (code 1).")
public final class ListenCommand implements Callable<Integer> {
  @Mixin Target target;
  @Option(names = "--user", required = true, description = "who listens") String user;
  @Option(names = "--count", defaultValue = "1", description = "exit after this many messages (default ${DEFAULT-VALUE})") int count;
  @Option(names = "--timeout", defaultValue = "60", description = "give up after this many seconds (default ${DEFAULT-VALUE})") int timeoutSeconds;
  @Option(names = "--after-seq", defaultValue = "0", description = "resume after this timeline seq (default 0: the whole timeline)") long afterSeq;
  @Option(names = "--platform", defaultValue = "WEB", description = "device platform (default ${DEFAULT-VALUE}; one session per platform)") Platform platform;

  @Override
  public Integer call() throws Exception {
    CountDownLatch remaining = new CountDownLatch(count);
    CountDownLatch fatal = new CountDownLatch(1);
    ParleyListener printer = new ParleyListener() {
      @Override
      public void onMessage(ReceivedMessage m) {
        if (remaining.getCount() > 0) {
          System.out.println(Json.of(m));
          System.out.flush();
          remaining.countDown();
        }
      }

      @Override
      public void onKicked(KickReason reason, String message) {
        System.err.println("parley-bench: kicked (" + reason + "): " + message);
        fatal.countDown();
      }

      @Override
      public void onLoginFailed(int code, String message) {
        System.err.println("parley-bench: login refused (" + code + "): " + message);
        fatal.countDown();
      }

      @Override
      public void onConnected(LoginInfo info) {
        System.err.println("parley-bench: listening as " + user + " (newest seq " + info.newestSeq() + ")");
      }
    };
    try (ParleyClient client = target.client(user).deviceId("parley-bench-listen").platform(platform)
        .lastAckedSeq(afterSeq).listener(printer).build()) {
      try {
        client.connect().get(15, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        System.err.println("parley-bench: " + e.getCause().getMessage());
        return 1;
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
      while (remaining.getCount() > 0 && fatal.getCount() > 0 && System.nanoTime() < deadline) {
        remaining.await(100, TimeUnit.MILLISECONDS);
      }
      if (remaining.getCount() > 0) {
        System.err.println("parley-bench: got " + (count - remaining.getCount()) + " of " + count + " messages");
        return 1;
      }
      return 0;
    }
  }
}
