package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.protocol.credential.rongcloud.RongcloudApiSignature;
import io.parley.server.config.Sandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Rongcloud Server API calls by hand with the JDK's HttpClient: signed for the sandbox app with a fresh nonce and the
 * current time by default, every header replaceable or removable, so that each refusal can be provoked.
 */
final class RongcloudRestCall {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final AtomicLong NONCES = new AtomicLong(System.nanoTime());

  /** One answer: its HTTP status and its JSON body. */
  record Answer(int status, JsonNode body) {
    int code() {
      return body.path("code").asInt();
    }

    String message() {
      return body.path("errorMessage").asText();
    }
  }

  private final String url;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final List<String[]> form = new ArrayList<>();
  private String secret = Sandbox.RONGCLOUD_APP_SECRET;
  private boolean sign = true;
  private String contentType = "application/x-www-form-urlencoded";

  private RongcloudRestCall(String url) {
    this.url = url;
    headers.put("App-Key", Sandbox.RONGCLOUD_APP_KEY);
    headers.put("Nonce", Long.toString(NONCES.incrementAndGet()));
    headers.put("Timestamp", Long.toString(System.currentTimeMillis()));
  }

  /** A call to {@code http://127.0.0.1:<port><path>}. */
  static RongcloudRestCall to(int port, String path) {
    return new RongcloudRestCall("http://127.0.0.1:" + port + path);
  }

  /** Sets a header; null removes it. A Signature set here is sent as is. */
  RongcloudRestCall header(String name, String value) {
    if (value == null) {
      headers.remove(name);
    } else {
      headers.put(name, value);
    }
    if (name.equals("Signature")) {
      sign = false;
    }
    return this;
  }

  /** Signs with this secret instead of the app's. */
  RongcloudRestCall secret(String secret) {
    this.secret = secret;
    return this;
  }

  RongcloudRestCall contentType(String contentType) {
    this.contentType = contentType;
    return this;
  }

  /** Adds a form parameter (repeat the name for an array). */
  RongcloudRestCall form(String name, String value) {
    form.add(new String[] {name, value});
    return this;
  }

  /** The headers as they will be sent, Signature included. */
  Map<String, String> signedHeaders() {
    Map<String, String> out = new LinkedHashMap<>(headers);
    if (sign) {
      out.put("Signature", RongcloudApiSignature.sign(secret, headers.getOrDefault("Nonce", ""),
          headers.getOrDefault("Timestamp", "")));
    }
    return out;
  }

  String body() {
    return form.stream().map(p -> enc(p[0]) + "=" + enc(p[1])).collect(Collectors.joining("&"));
  }

  Answer send() throws Exception {
    return send(signedHeaders());
  }

  /** Sends with exactly these headers (to replay a request). */
  Answer send(Map<String, String> exactHeaders) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body()));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    exactHeaders.forEach(b::header);
    HttpResponse<String> response = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
