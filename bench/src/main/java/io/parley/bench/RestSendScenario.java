package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.credential.tencent.UserSig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley-bench rest-send}: loads Tencent REST v4 {@code openim/sendmsg} as an app server would, with a fixed
 * number of requests in flight over keep-alive HTTP/1.1, and reports requests/s and latency percentiles. Every
 * request is a distinct message (its own MsgRandom), durable before it is answered.
 */
@Command(name = "rest-send", mixinStandardHelpOptions = true,
    description = "Load Tencent REST sendmsg (the sandbox Tencent app by default): requests/s and latency.")
public final class RestSendScenario implements Callable<Integer> {
  @Option(names = "--host", defaultValue = "127.0.0.1") String host;
  @Option(names = "--http-port", defaultValue = "9300", description = "the vendor REST HTTP port") int port;
  @Option(names = "--sdkappid", defaultValue = "1400000000") long sdkAppId;
  @Option(names = "--key", defaultValue = "parley-dev-tencent-key", description = "the app's UserSig key") String key;
  @Option(names = "--admin", defaultValue = "administrator", description = "the app's admin identifier") String admin;
  @Option(names = "--in-flight", defaultValue = "16", description = "requests in flight") int inFlight;
  @Option(names = "--pairs", defaultValue = "10", description = "sender/recipient pairs the requests rotate over") int pairs;
  @Option(names = "--body-bytes", defaultValue = "100", description = "text length per message") int bodyBytes;
  @Option(names = "--warmup", defaultValue = "3", description = "seconds before measuring") int warmupSeconds;
  @Option(names = "--duration", defaultValue = "10", description = "seconds measured") int durationSeconds;
  @Option(names = "--out", defaultValue = "bench-results") Path out;

  private final AtomicLong randoms = new AtomicLong(1);

  @Override
  public Integer call() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
    String sig = UserSig.generate(sdkAppId, key, admin, 86_400, null, System.currentTimeMillis() / 1000);
    URI base = URI.create("http://" + host + ":" + port + "/v4/");
    String query = "?sdkappid=" + sdkAppId + "&identifier=" + admin + "&usersig=" + sig + "&contenttype=json&random=";
    importAccounts(http, base, query);
    String text = "x".repeat(Math.max(1, bodyBytes));

    ExecutorService workers = Executors.newFixedThreadPool(inFlight);
    long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long end = warmupEnd + TimeUnit.SECONDS.toNanos(durationSeconds);
    List<Future<Worker>> done = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      Worker w = new Worker(http, base.resolve("openim/sendmsg" + query), text, i, warmupEnd, end);
      done.add(workers.submit(() -> {
        w.run();
        return w;
      }));
    }
    Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    long ok = 0;
    long failed = 0;
    String firstError = null;
    for (Future<Worker> f : done) {
      Worker w = f.get();
      latency.add(w.latency);
      ok += w.ok;
      failed += w.failed;
      firstError = firstError != null ? firstError : w.firstError;
    }
    workers.shutdown();

    ObjectNode report = Report.start("rest-send");
    report.put("inFlight", inFlight);
    report.put("pairs", pairs);
    report.put("bodyBytes", bodyBytes);
    report.put("measuredSeconds", durationSeconds);
    report.put("requests", ok);
    report.put("failed", failed);
    report.put("requestsPerSecond", ok / (double) durationSeconds);
    report.set("latency", Report.latency(latency));
    if (firstError != null) {
      report.put("firstError", firstError);
    }
    System.out.printf("rest-send: %d in flight, %d pairs, %d-byte texts, %d s measured%n", inFlight, pairs, bodyBytes,
        durationSeconds);
    System.out.printf("  %.0f requests/s, %d failed; latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms%n",
        ok / (double) durationSeconds, failed, latency.getValueAtPercentile(50) / 1e6,
        latency.getValueAtPercentile(99) / 1e6, latency.getValueAtPercentile(99.9) / 1e6);
    if (firstError != null) {
      System.out.println("  first error: " + firstError);
    }
    System.out.println("  report: " + Report.write(out, report));
    return failed == 0 && ok > 0 ? 0 : 1;
  }

  /** Imports the senders and recipients, as an app server does before it sends in their names. */
  private void importAccounts(HttpClient http, URI base, String query) throws Exception {
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < pairs; i++) {
      ids.append(i == 0 ? "" : ",").append("\"rs").append(i).append("\",\"rr").append(i).append('"');
    }
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("im_open_login_svc/multiaccount_import"
        + query + randoms.incrementAndGet())).POST(HttpRequest.BodyPublishers.ofString("{\"Accounts\":[" + ids + "]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (!r.body().contains("\"ActionStatus\":\"OK\"")) {
      throw new IllegalStateException("account import failed: " + r.body());
    }
  }

  /** One request in flight: send, wait for the answer, send the next, until the end. */
  private final class Worker {
    final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    final HttpClient http;
    final URI uri;
    final String text;
    final int index;
    final long warmupEnd;
    final long end;
    long ok;
    long failed;
    String firstError;

    Worker(HttpClient http, URI uri, String text, int index, long warmupEnd, long end) {
      this.http = http;
      this.uri = uri;
      this.text = text;
      this.index = index;
      this.warmupEnd = warmupEnd;
      this.end = end;
    }

    void run() {
      int pair = index % pairs;
      while (true) {
        long start = System.nanoTime();
        if (start >= end) {
          return;
        }
        long random = randoms.incrementAndGet() & 0xFFFF_FFFFL;
        String body = "{\"SyncOtherMachine\":2,\"From_Account\":\"rs" + pair + "\",\"To_Account\":\"rr" + pair
            + "\",\"MsgRandom\":" + random + ",\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\""
            + text + "\"}}]}";
        boolean good;
        String error = null;
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri + Long.toString(random)))
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
          good = r.statusCode() == 200 && r.body().contains("\"ActionStatus\":\"OK\"");
          error = good ? null : r.statusCode() + " " + r.body();
        } catch (Exception e) {
          good = false;
          error = e.toString();
        }
        long now = System.nanoTime();
        if (start >= warmupEnd) {
          if (good) {
            ok++;
            latency.recordValue(Math.min(now - start, latency.getHighestTrackableValue()));
          } else {
            failed++;
            firstError = firstError != null ? firstError : error;
          }
        }
        pair = (pair + 1) % pairs;
      }
    }
  }
}
