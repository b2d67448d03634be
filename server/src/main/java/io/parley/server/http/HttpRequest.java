package io.parley.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as a handler sees it: method, decoded path, query parameters, headers (names case-insensitive), the
 * peer's address and the body bytes, all copied off the Netty request so that nothing of it outlives the event loop.
 */
public final class HttpRequest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String FORM = "application/x-www-form-urlencoded";

  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final InetSocketAddress remoteAddress;
  private final byte[] body;

  /**
   * @param method upper case, as sent ({@code GET}, {@code POST})
   * @param path the decoded path, without the query
   */
  public HttpRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
      InetSocketAddress remoteAddress, byte[] body) {
    this.method = method;
    this.path = path;
    this.query = copy(query, new LinkedHashMap<>());
    this.headers = copy(headers, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    this.remoteAddress = remoteAddress;
    this.body = body.clone();
  }

  /** A copy of a Netty request; the caller still owns (and releases) {@code request}. */
  static HttpRequest copyOf(FullHttpRequest request, SocketAddress remote) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
    return new HttpRequest(request.method().name(), uri.path(), uri.parameters(), headers,
        remote instanceof InetSocketAddress a ? a : null, ByteBufUtil.getBytes(request.content()));
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** Query parameters by name, each with its values in order. */
  public Map<String, List<String>> query() {
    return query;
  }

  /** The first value of this header, if the request has it (the name is case-insensitive). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every header, names case-insensitive. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The peer's address, or null when the channel has none (an in-memory channel). */
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  /** A copy of the body bytes. */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The query parameters, followed by those of an {@code application/x-www-form-urlencoded} body (UTF-8): a name in
   * both has the query's values first. A body of another content type adds nothing.
   */
  public Map<String, List<String>> form() {
    Map<String, List<String>> all = new LinkedHashMap<>();
    query.forEach((name, values) -> all.put(name, new ArrayList<>(values)));
    if (body.length > 0 && header("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).startsWith(FORM)).orElse(false)) {
      new QueryStringDecoder(bodyText(), StandardCharsets.UTF_8, false).parameters()
          .forEach((name, values) -> all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    }
    return copy(all, new LinkedHashMap<>());
  }

  /** The body as one JSON value. @throws BadJsonException when it is empty or not exactly one JSON value */
  public JsonNode json() throws BadJsonException {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new BadJsonException("the body is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadJsonException("the body is not valid JSON: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new BadJsonException("the body is empty; it must be JSON");
    }
    return node;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> from, Map<String, List<String>> into) {
    from.forEach((name, values) -> into.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(into);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
