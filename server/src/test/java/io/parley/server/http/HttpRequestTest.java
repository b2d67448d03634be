package io.parley.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("What a handler reads from a request")
class HttpRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private Stack stack;

  /** Answers what it read, as JSON. */
  private static HttpResponse echo(HttpRequest r) {
    ObjectNode out = JSON.createObjectNode();
    out.put("method", r.method()).put("path", r.path());
    out.set("query", JSON.valueToTree(r.query()));
    out.set("form", JSON.valueToTree(r.form()));
    out.put("traceHeader", r.header("x-TRACE-id").orElse("(none)"));
    out.put("remote", r.remoteAddress().getAddress().getHostAddress());
    return HttpResponse.json(200, out);
  }

  /** A handler with its own error format for bad JSON, as a vendor face has. */
  private static HttpResponse vendorJson(HttpRequest r) {
    try {
      return HttpResponse.json(200, JSON.createObjectNode().put("ActionStatus", "OK").set("got", r.json()));
    } catch (BadJsonException e) {
      return HttpResponse.json(200, JSON.createObjectNode().put("ActionStatus", "FAIL").put("ErrorCode", 90001)
          .put("ErrorInfo", e.getMessage()));
    }
  }

  @BeforeEach
  void start() throws Exception {
    stack = new Stack(Router.builder("test")
        .get("/echo", HttpRequestTest::echo)
        .post("/echo", HttpRequestTest::echo)
        .post("/vendor", HttpRequestTest::vendorJson)
        .post("/plain-json", r -> HttpResponse.json(200, r.json()))
        .build());
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private JsonNode send(String request) throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      RawHttp.Reply reply = c.exchange(request);
      assertEquals(200, reply.status(), reply.body());
      return JSON.readTree(reply.body());
    }
  }

  @Test
  @DisplayName("method, decoded path, multi-valued query, a header by any case, and the peer's address")
  void basics() throws Exception {
    JsonNode r = send(RawHttp.get("/echo?a=1&a=2&name=%E5%90%8D+x", "X-Trace-Id: t-1\r\n"));
    assertEquals("GET", r.get("method").asText());
    assertEquals("/echo", r.get("path").asText());
    assertEquals("{\"a\":[\"1\",\"2\"],\"name\":[\"名 x\"]}", r.get("query").toString());
    assertEquals("t-1", r.get("traceHeader").asText());
    assertEquals("127.0.0.1", r.get("remote").asText());
  }

  @Test
  @DisplayName("form() is the query followed by a form body (UTF-8, '+' is a space): a name in both has the query's value first")
  void form() throws Exception {
    JsonNode r = send(RawHttp.post("/echo?app=q&only=query", "application/x-www-form-urlencoded; charset=UTF-8",
        "app=body&user=%E5%90%8D%E5%AD%97&note=two+words&user=second"));
    assertEquals("{\"app\":[\"q\",\"body\"],\"only\":[\"query\"],\"user\":[\"名字\",\"second\"],\"note\":[\"two words\"]}",
        r.get("form").toString());
  }

  @Test
  @DisplayName("a body of another content type adds nothing to form()")
  void formIgnoresOtherBodies() throws Exception {
    JsonNode r = send(RawHttp.post("/echo?a=1", "application/json", "{\"a\":2}"));
    assertEquals("{\"a\":[\"1\"]}", r.get("form").toString());
  }

  @Test
  @DisplayName("json() reads the body as one JSON value")
  void json() throws Exception {
    JsonNode r = send(RawHttp.post("/vendor", "application/json", "{\"From_Account\":\"名字\",\"n\":[1,2]}"));
    assertEquals("OK", r.get("ActionStatus").asText());
    assertEquals("{\"From_Account\":\"名字\",\"n\":[1,2]}", r.get("got").toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "broken       | {\"a\":     | the body is not valid JSON at line 1, column 6",
      "empty        | ''          | the body is empty; it must be JSON",
      "two values   | {} {}       | the body is not valid JSON at line 1, column 4",
      "not JSON     | a=b         | the body is not valid JSON at line 1, column 1"})
  @DisplayName("bad JSON is a BadJsonException the handler maps to its own format")
  void badJson(String name, String body, String messageStart) throws Exception {
    JsonNode r = send(RawHttp.post("/vendor", "application/json", body));
    assertEquals("FAIL", r.get("ActionStatus").asText());
    assertEquals(90001, r.get("ErrorCode").asInt());
    String info = r.get("ErrorInfo").asText();
    assertEquals(messageStart, info.substring(0, Math.min(info.length(), messageStart.length())), info);
  }

  @Test
  @DisplayName("a BadJsonException a handler lets escape is a JSON 400 with its message, not a 500")
  void badJsonEscapes() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      RawHttp.Reply reply = c.exchange(RawHttp.post("/plain-json", "application/json", "[1,"));
      assertEquals(400, reply.status());
      String error = JSON.readTree(reply.body()).get("error").asText();
      assertTrue(error.startsWith("the body is not valid JSON at line 1"), error);
    }
  }
}
