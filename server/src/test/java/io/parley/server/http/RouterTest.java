package io.parley.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The router")
class RouterTest {
  private static final HttpHandler HEALTH = r -> HttpResponse.text(200, "health");
  private static final HttpHandler V4 = r -> HttpResponse.text(200, "v4");
  private static final HttpHandler V4_GROUP = r -> HttpResponse.text(200, "v4 group");
  private static final HttpHandler EXACT = r -> HttpResponse.text(200, "exact");
  private static final ErrorWriter TENCENT = (status, message) -> HttpResponse.text(200, "tencent " + status);
  private static final ErrorWriter TENCENT_GROUP = (status, message) -> HttpResponse.text(200, "group " + status);

  private final Router router = Router.builder("vendor")
      .get("/health", HEALTH)
      .prefix("POST", "/v4/", V4)
      .prefix("post", "/v4/group_open_http_svc/", V4_GROUP)
      .post("/v4/exact", EXACT)
      .errors("/v4/", TENCENT)
      .errors("/v4/group_open_http_svc/", TENCENT_GROUP)
      .build();

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "GET,  /health,                              health",
      "POST, /v4/openim/sendmsg,                   v4",
      "POST, /v4/group_open_http_svc/create_group, v4 group",
      "POST, /v4/exact,                            exact",
      "POST, /v4/,                                 v4"})
  @DisplayName("exact paths first, then the longest matching prefix of the method")
  void matches(String method, String path, String answer) throws Exception {
    Router.Match m = router.match(method, path);
    assertNull(m.refusal());
    assertEquals(answer, m.handler().handle(null).bodyText());
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "GET  | /nope          | 404 | no vendor route matches GET /nope; routes here: GET /health, POST /v4/exact, POST /v4/*, POST /v4/group_open_http_svc/*",
      "POST | /health        | 405 | /health does not take POST; use GET",
      "PUT  | /health        | 405 | /health does not take PUT; use GET",
      "GET  | /v4x           | 404 | no vendor route matches GET /v4x; routes here: GET /health, POST /v4/exact, POST /v4/*, POST /v4/group_open_http_svc/*",
      "GET  | /health/more   | 404 | no vendor route matches GET /health/more; routes here: GET /health, POST /v4/exact, POST /v4/*, POST /v4/group_open_http_svc/*"})
  @DisplayName("no route is a 404 naming the face and its routes, another method's route a 405")
  void refusals(String method, String path, int status, String message) throws Exception {
    Router.Match m = router.match(method, path);
    assertNull(m.handler());
    assertEquals(status, m.refusal().status());
    assertEquals("{\"error\":\"" + message + "\"}", m.refusal().bodyText());
  }

  @Test
  @DisplayName("a 405 says which methods the path takes in Allow")
  void allow() {
    assertEquals("GET", router.match("DELETE", "/health").refusal().headers().get("Allow"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/v4/openim/sendmsg, tencent 405", "/v4/group_open_http_svc/x, group 405"})
  @DisplayName("refusals under a prefix with an error writer use the longest such prefix's writer")
  void prefixErrors(String path, String answer) {
    assertEquals(answer, router.match("GET", path).refusal().bodyText());
  }

  @Test
  @DisplayName("paths under no error prefix get the JSON errors")
  void defaultErrors() {
    assertSame(JsonErrors.WRITER, router.errors("/health"));
  }

  @Test
  @DisplayName("a router with no routes answers every path with a 404 that lists none")
  void empty() {
    assertEquals("{\"error\":\"no vendor route matches POST /v4/x\"}",
        Router.builder("vendor").build().match("POST", "/v4/x").refusal().bodyText());
  }

  @Test
  @DisplayName("the same method and path twice is a mistake caught at build time")
  void duplicates() {
    assertThrows(IllegalArgumentException.class, () -> Router.builder("x").get("/a", HEALTH).get("/a", HEALTH));
    assertThrows(IllegalArgumentException.class, () -> Router.builder("x").prefix("POST", "/v4/", V4).prefix("post", "/v4/", V4));
    assertThrows(IllegalArgumentException.class, () -> Router.builder("x").get("health", HEALTH));
  }

  @Test
  @DisplayName("a built router does not change when its builder goes on")
  void immutable() {
    Router.Builder b = Router.builder("x").get("/a", HEALTH);
    Router built = b.build();
    b.get("/b", HEALTH).route("POST", "/a", HEALTH);
    assertEquals(404, built.match("GET", "/b").refusal().status());
    assertEquals(405, built.match("POST", "/a").refusal().status());
  }
}
