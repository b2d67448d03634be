package io.parley.server.callback;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Appends a vendor's query parameters to an app's callback URL, keeping any query the app's URL already has. */
public final class CallbackUrls {
  private CallbackUrls() {}

  /** {@code base} with {@code params} appended in order, each name and value form-encoded. */
  public static URI withQuery(URI base, Map<String, String> params) {
    String url = base.toString();
    int hash = url.indexOf('#');
    if (hash >= 0) {
      url = url.substring(0, hash);
    }
    StringBuilder out = new StringBuilder(url);
    char sep = base.getRawQuery() == null ? '?' : '&';
    if (url.endsWith("?") || url.endsWith("&")) {
      sep = 0;
    }
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (sep != 0) {
        out.append(sep);
      }
      out.append(encode(p.getKey())).append('=').append(encode(p.getValue()));
      sep = '&';
    }
    return URI.create(out.toString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
