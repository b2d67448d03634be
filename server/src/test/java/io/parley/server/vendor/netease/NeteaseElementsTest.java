package io.parley.server.vendor.netease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.client.Elements;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.VideoElement;
import io.parley.server.messaging.ElementRules;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("NetEase type + body to elements and back, without loss")
class NeteaseElementsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  static Stream<Arguments> namedBodies() {
    return Stream.of(
        Arguments.of(0, "{\"msg\":\"hello 你好 👋\"}"),
        Arguments.of(1, "{\"name\":\"图片发送于2015-05-07 13:59\",\"md5\":\"9894907e4ad9de4678091277509361f7\","
            + "\"url\":\"https://nim.nosdn.127.net/MTAxMTAwMg==/bmltYV8xNDc4\",\"ext\":\"jpg\",\"w\":6814,\"h\":2332,"
            + "\"size\":388245}"),
        Arguments.of(2, "{\"dur\":4551,\"md5\":\"87b94a090dec5c58f242b7132a530a01\","
            + "\"url\":\"https://nim.nosdn.127.net/MTAxMTAwMg==/a.aac\",\"ext\":\"aac\",\"size\":16420}"),
        Arguments.of(3, "{\"dur\":8003,\"md5\":\"da2cef3e5663ee9c3547ef5d127f7e3e\","
            + "\"url\":\"https://nim.nosdn.127.net/MTAxMTAwMg==/v.mp4\",\"w\":480,\"h\":640,\"ext\":\"mp4\",\"size\":16420}"),
        Arguments.of(4, "{\"title\":\"中国 浙江省 杭州市 网商路 599号\",\"lng\":120.1908686708565,\"lat\":30.18704515647036}"),
        Arguments.of(6, "{\"name\":\"BlizzardReg.ttf\",\"md5\":\"79d62a35fa3d34c367b20c66afc2a500\","
            + "\"url\":\"https://nim.nosdn.127.net/MTAxMTAwMg==/f.ttf\",\"ext\":\"ttf\",\"size\":91144}"),
        Arguments.of(10, "{\"msg\":\"a tip: alice joined\"}"),
        Arguments.of(100, "{\"myKey\":\"myValue\",\"nested\":{\"list\":[1,2.5,\"x\",null,true]}}"),
        Arguments.of(100, "[1, 2,   3]"),
        Arguments.of(100, "\"just a JSON string\""),
        Arguments.of(5, "{\"id\":2,\"data\":{\"tid\":\"123\",\"ids\":[\"bob\"]}}"),
        Arguments.of(0, "{\"msg\":\"with extras\",\"future\":{\"deep\":[1]},\"nulled\":null}"),
        Arguments.of(1, "{\"url\":\"https://cdn.example.com/only-url.png\"}"),
        Arguments.of(2, "{\"url\":\"https://cdn.example.com/whole.aac\",\"dur\":3000}"),
        Arguments.of(4, "{\"lng\":120,\"lat\":-30}"),
        Arguments.of(6, "{\"url\":\"https://cdn.example.com/f\",\"name\":\"\",\"size\":0}"),
        Arguments.of(3, "{\"url\":\"https://cdn.example.com/v.mp4\",\"w\":null,\"size\":\"12\"}".replace("\"12\"", "12")));
  }

  @ParameterizedTest(name = "[{index}] type {0}: {1}")
  @MethodSource("namedBodies")
  @DisplayName("each type, with extra, null and absent fields: body to element to body is the same JSON and type")
  void namedRoundTrip(int type, String body) throws Exception {
    Element element = NeteaseElements.fromBody(type, body);
    ElementRules.check(List.of(element));
    NeteaseBody out = NeteaseElements.toBody(element);

    assertEquals(type, out.type());
    assertTrue(NeteaseElements.sameJson(json(body), json(out.json())), "expected " + body + "\nbut got  " + out.json());
    assertEquals(element, NeteaseElements.fromBody(out.type(), out.json()), "and reading it again gives the same element");
  }

  @Test
  @DisplayName("the neutral fields are read from the vendor's names; what has no slot stays in vendor_json")
  void neutralFields() throws Exception {
    Element image = NeteaseElements.fromBody(1, "{\"name\":\"a.jpg\",\"md5\":\"m\",\"url\":\"https://x.example/a.jpg\","
        + "\"ext\":\"jpg\",\"w\":6,\"h\":4,\"size\":99}");
    assertEquals(6, image.getImage().getSizes(0).getWidth());
    assertEquals(4, image.getImage().getSizes(0).getHeight());
    assertEquals(99, image.getImage().getSizes(0).getSize());
    assertEquals("https://x.example/a.jpg", image.getImage().getSizes(0).getUrl());
    assertEquals(json("{\"body\":{\"name\":\"a.jpg\",\"md5\":\"m\",\"ext\":\"jpg\"}}"), json(image.getVendorJson()));

    Element voice = NeteaseElements.fromBody(2, "{\"url\":\"https://x.example/a.aac\",\"dur\":4551}");
    assertEquals(5, voice.getSound().getSeconds(), "milliseconds rounded to seconds");
    assertEquals(json("{\"body\":{\"dur\":4551},\"absent\":[\"size\"]}"), json(voice.getVendorJson()));

    Element location = NeteaseElements.fromBody(4, "{\"title\":\"t\",\"lng\":120.5,\"lat\":30.25}");
    assertEquals(30.25, location.getLocation().getLatitude());
    assertEquals(120.5, location.getLocation().getLongitude());
    assertEquals("t", location.getLocation().getDesc());
    assertEquals("", location.getVendorJson(), "nothing left over when every field maps");
  }

  @Test
  @DisplayName("a tip is a text element marked type 10; a custom body is the custom data, exactly as sent")
  void tipsAndCustoms() throws Exception {
    Element tip = NeteaseElements.fromBody(10, "{\"msg\":\"note\"}");
    assertEquals("note", tip.getText().getText());
    assertEquals(json("{\"type\":10}"), json(tip.getVendorJson()));

    String spaced = "{ \"k\" : [1,  2.50] }";
    Element custom = NeteaseElements.fromBody(100, spaced);
    assertEquals(spaced, custom.getCustom().getData());
    assertEquals("", custom.getVendorJson());
    assertEquals(new NeteaseBody(100, spaced), NeteaseElements.toBody(custom), "byte for byte");
    assertEquals(new NeteaseBody(5, "{}"), NeteaseElements.toBody(NeteaseElements.fromBody(5, "{}")));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  @DisplayName("random bodies of every type, odd Unicode, extra and missing fields survive the round trip")
  void randomRoundTrips(long seed) throws Exception {
    Random r = new Random(seed);
    for (int n = 0; n < 80; n++) {
      int[] types = {0, 1, 2, 3, 4, 6, 10, 100, 5};
      int type = types[r.nextInt(types.length)];
      String in = JSON.writeValueAsString(randomBody(r, type));
      Element element = NeteaseElements.fromBody(type, in);
      NeteaseBody out = NeteaseElements.toBody(element);
      assertEquals(type, out.type(), "seed " + seed + " case " + n);
      assertTrue(NeteaseElements.sameJson(json(in), json(out.json())),
          "seed " + seed + " case " + n + ": " + in + "\n -> " + out.json());
      assertEquals(element, NeteaseElements.fromBody(out.type(), out.json()), "seed " + seed + " case " + n);
    }
  }

  @Test
  @DisplayName("elements made by a Parley client become full NetEase bodies and come back equal")
  void clientElements() throws Exception {
    List<Element> made = List.of(Elements.text("hi"), Elements.location("x", 1.5, 2.5),
        Elements.image("https://cdn.example.com/p.png", 10, 20, 30), Elements.sound("https://cdn.example.com/s.aac", 7, 9),
        Elements.file("https://cdn.example.com/f.pdf", "f.pdf", 5), Elements.custom("{\"k\":1}", "", ""),
        Element.newBuilder().setVideo(VideoElement.newBuilder().setVideoUrl("https://cdn.example.com/v.mp4")
            .setVideoSeconds(3).setVideoFormat("mp4").setVideoSize(8).setThumbWidth(4).setThumbHeight(3)).build());
    int[] types = {0, 4, 1, 2, 6, 100, 3};
    for (int i = 0; i < made.size(); i++) {
      NeteaseBody body = NeteaseElements.toBody(made.get(i));
      assertEquals(types[i], body.type(), body.json());
      assertEquals(made.get(i), NeteaseElements.fromBody(body.type(), body.json()), body.json());
    }
    assertEquals(json("{\"url\":\"https://cdn.example.com/p.png\",\"w\":10,\"h\":20,\"size\":30}"),
        json(NeteaseElements.toBody(made.get(2)).json()));
    assertEquals(json("{\"dur\":7000,\"url\":\"https://cdn.example.com/s.aac\",\"size\":9}"),
        json(NeteaseElements.toBody(made.get(3)).json()));
  }

  @Test
  @DisplayName("what NetEase cannot say (a face, a custom with desc, several elements) becomes one custom message")
  void noNeteaseForm() throws Exception {
    assertEquals(new NeteaseBody(100, "{\"parley\":\"face\",\"index\":3,\"data\":\"smile\"}"),
        NeteaseElements.toBody(Elements.face(3, "smile")));
    assertEquals(json("{\"data\":\"not json\",\"desc\":\"d\"}"),
        json(NeteaseElements.toBody(Elements.custom("not json", "d", "")).json()));
    JsonNode both = new NeteaseMessageFormat().toVendor(List.of(Elements.text("a"), Elements.text("b")));
    assertEquals(100, both.get("type").asInt());
    assertEquals(json("{\"parley\":\"elements\",\"elements\":[{\"type\":0,\"body\":{\"msg\":\"a\"}},"
        + "{\"type\":0,\"body\":{\"msg\":\"b\"}}]}"), json(both.get("body").asText()));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(0, "not json", "body"),
        Arguments.of(0, "", "body"),
        Arguments.of(0, "{\"msg\":\"a\"} trailing", "body"),
        Arguments.of(0, "[\"msg\"]", "body"),
        Arguments.of(0, "{}", "body.msg"),
        Arguments.of(0, "{\"msg\":\"\"}", "body.msg"),
        Arguments.of(0, "{\"msg\":5}", "body.msg"),
        Arguments.of(10, "{\"msg\":null}", "body.msg"),
        Arguments.of(1, "{\"w\":1}", "body.url"),
        Arguments.of(1, "{\"url\":\"https://x.example/a\",\"w\":\"wide\"}", "body.w"),
        Arguments.of(1, "{\"url\":\"https://x.example/a\",\"h\":-1}", "body.h"),
        Arguments.of(1, "{\"url\":\"https://x.example/a\",\"w\":4294967296}", "body.w"),
        Arguments.of(2, "{\"url\":\"https://x.example/a\",\"dur\":1.5}", "body.dur"),
        Arguments.of(3, "{\"url\":\"https://x.example/a\",\"size\":-5}", "body.size"),
        Arguments.of(4, "{\"lng\":1}", "body.lat"),
        Arguments.of(4, "{\"lng\":1,\"lat\":\"north\"}", "body.lat"),
        Arguments.of(6, "{\"url\":7}", "body.url"));
  }

  @ParameterizedTest(name = "type {0} {1} names {2}")
  @MethodSource("malformed")
  @DisplayName("a malformed body is refused naming the field")
  void malformedBody(int type, String body, String field) {
    NeteaseBodyException e = assertThrows(NeteaseBodyException.class, () -> NeteaseElements.fromBody(type, body));
    assertEquals(field, e.field());
  }

  // --- a generator of NetEase bodies ------------------------------------------------------------------------

  private static final String[] ODD = {"", "a", "你好", "👋🏽", "\u05e9\u05dc\u05d5\u05dd", "e\u0301", "𝄞 music",
      "tab\there", "quote\"and\\back", "line\nbreak", "日本語テキスト", "\u0000nul", "\ud83d\ude00"};

  private static String text(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(3); i >= 0; i--) {
      b.append(ODD[r.nextInt(ODD.length)]);
    }
    return b.toString();
  }

  private static String url(Random r) {
    return "https://nim.nosdn.127.net/" + r.nextInt(1000) + "/" + (r.nextBoolean() ? "%E4%BD%A0" : "a") + ".bin";
  }

  private static ObjectNode randomBody(Random r, int type) {
    ObjectNode b = JSON.createObjectNode();
    switch (type) {
      case 0, 10 -> b.put("msg", text(r) + "x");
      case 1 -> {
        maybe(r, () -> b.put("name", text(r)));
        maybe(r, () -> b.put("md5", Long.toHexString(r.nextLong())));
        b.put("url", url(r));
        maybe(r, () -> b.put("ext", r.nextBoolean() ? "jpg" : text(r)));
        maybe(r, () -> b.put("w", r.nextInt(9000)));
        maybe(r, () -> b.put("h", r.nextInt(9000)));
        maybe(r, () -> b.put("size", (long) r.nextInt(Integer.MAX_VALUE) * 7));
      }
      case 2, 3 -> {
        maybe(r, () -> b.put("dur", r.nextBoolean() ? r.nextInt(600) * 1000 : r.nextInt(600_000)));
        maybe(r, () -> b.put("md5", Long.toHexString(r.nextLong())));
        b.put("url", url(r));
        maybe(r, () -> b.put("ext", text(r)));
        maybe(r, () -> b.put("size", r.nextInt(1 << 30)));
        if (type == 3) {
          maybe(r, () -> b.put("w", r.nextInt(4000)));
          maybe(r, () -> b.put("h", r.nextInt(4000)));
        }
      }
      case 4 -> {
        maybe(r, () -> b.put("title", text(r)));
        b.put("lat", r.nextBoolean() ? r.nextInt(90) : r.nextDouble() * 180 - 90);
        b.put("lng", r.nextBoolean() ? r.nextInt(180) : r.nextDouble() * 360 - 180);
      }
      case 6 -> {
        maybe(r, () -> b.put("name", text(r)));
        maybe(r, () -> b.put("md5", Long.toHexString(r.nextLong())));
        b.put("url", url(r));
        maybe(r, () -> b.put("ext", text(r)));
        maybe(r, () -> b.put("size", r.nextInt(1 << 30)));
      }
      default -> {
        b.put("id", r.nextInt(11));
        maybe(r, () -> b.put("text", text(r)));
        maybe(r, () -> b.putArray("list").add(r.nextDouble()).add(text(r)).addNull());
      }
    }
    if (r.nextInt(4) == 0) {
      b.putObject("unknown" + r.nextInt(3)).put("deep", text(r)).putArray("list").add(r.nextInt()).add(r.nextDouble());
    }
    if (r.nextInt(6) == 0) {
      b.putNull("nullField");
    }
    return b;
  }

  private static void maybe(Random r, Runnable put) {
    if (r.nextInt(3) > 0) {
      put.run();
    }
  }
}
