package io.parley.server.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Callback URLs")
class CallbackUrlsTest {
  static Map<String, String> params(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  @DisplayName("parameters are appended in order after a '?'")
  void appended() {
    assertEquals(URI.create("https://app.example.com/im?SdkAppid=1400000000&CallbackCommand=State.StateChange"),
        CallbackUrls.withQuery(URI.create("https://app.example.com/im"),
            params("SdkAppid", "1400000000", "CallbackCommand", "State.StateChange")));
  }

  @Test
  @DisplayName("a query the app's URL already has is kept, and ours follows it")
  void keepsQuery() {
    assertEquals(URI.create("http://h/cb?tenant=a&nonce=1"),
        CallbackUrls.withQuery(URI.create("http://h/cb?tenant=a"), params("nonce", "1")));
    assertEquals(URI.create("http://h/cb?nonce=1"), CallbackUrls.withQuery(URI.create("http://h/cb?"), params("nonce", "1")));
  }

  @Test
  @DisplayName("values are form-encoded and a fragment is dropped")
  void encoded() {
    assertEquals(URI.create("http://h/cb?ClientIP=%3A%3A1&x=a+b%26c"),
        CallbackUrls.withQuery(URI.create("http://h/cb#top"), params("ClientIP", "::1", "x", "a b&c")));
  }
}
