package io.parley.server.callback;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends callback requests with the JDK's asynchronous HTTP client (HTTP/1.1, no redirects, a connect timeout). The
 * returned future also fails after the request timeout plus the connect timeout, whatever the app server does.
 *
 * <p>Call it off the event loops: the JDK client resolves host names on the calling thread.
 */
final class HttpPoster {
  private final HttpClient client;
  private final Duration connectTimeout;

  HttpPoster(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .build();
  }

  <T> CompletableFuture<HttpResponse<T>> post(CallbackRequest r, Duration timeout, HttpResponse.BodyHandler<T> answer) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(r.uri())
          .timeout(timeout)
          .POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
      r.headers().forEach(b::header);
      long hardNanos = timeout.plus(connectTimeout).toNanos();
      return client.sendAsync(b.build(), answer).orTimeout(hardNanos, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) { // a bad URL or a header the JDK client refuses to set
      return CompletableFuture.failedFuture(e);
    }
  }
}
