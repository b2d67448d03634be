package io.parley.server.callback;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One signed HTTP POST to an app's callback URL: the full URL with any query parameters, the headers (in order,
 * {@code Content-Type} included) and the body bytes. The body array is not copied; do not change it.
 */
public record CallbackRequest(URI uri, Map<String, String> headers, byte[] body) {

  public CallbackRequest {
    Objects.requireNonNull(uri, "uri");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }

  /** The value of a header, matched without regard to case, or null. */
  public String header(String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
