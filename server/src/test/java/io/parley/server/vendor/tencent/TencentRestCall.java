package io.parley.server.vendor.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.config.Sandbox;
import io.parley.server.support.TestServers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tencent REST calls by hand with the JDK's HttpClient: the sandbox app's admin by default, every URL parameter
 * replaceable or removable, so that each refusal can be provoked. Asserts that every answer is HTTP 200 JSON.
 */
final class TencentRestCall {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String base;
  private final Map<String, String> params = new LinkedHashMap<>();
  private String method = "POST";

  private TencentRestCall(String base) {
    this.base = base;
    params.put("sdkappid", Sandbox.TENCENT_APP_ID);
    params.put("identifier", Sandbox.TENCENT_ADMIN);
    params.put("usersig", TestServers.userSig(Sandbox.TENCENT_ADMIN));
    params.put("random", "12345");
    params.put("contenttype", "json");
  }

  /** A call to {@code http://127.0.0.1:<port>/v4/<serviceAndCommand>}. */
  static TencentRestCall to(int port, String serviceAndCommand) {
    return new TencentRestCall("http://127.0.0.1:" + port + "/v4/" + serviceAndCommand);
  }

  /** Sets a URL parameter; null removes it. */
  TencentRestCall param(String name, String value) {
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, value);
    }
    return this;
  }

  TencentRestCall method(String method) {
    this.method = method;
    return this;
  }

  URI uri() {
    return URI.create(base + "?" + params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")));
  }

  /** Sends {@code body} as is and returns the parsed envelope, having checked it came with HTTP 200 as JSON. */
  JsonNode send(String body) throws Exception {
    return send(CLIENT, body);
  }

  JsonNode send(HttpClient client, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    return JSON.readTree(response.body());
  }
}
