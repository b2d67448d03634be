package io.parley.server.vendor.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.Element;
import io.parley.server.messaging.ElementRules;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Tencent MsgBody to elements and back, without loss")
class TencentElementsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  /** The wire form: what a JSON body becomes once written and read again. */
  static JsonNode reparsed(JsonNode n) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(n));
  }

  static Stream<String> namedBodies() {
    return Stream.of(
        "[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"hello 你好 👋\"}}]",
        "[{\"MsgType\":\"TIMFaceElem\",\"MsgContent\":{\"Index\":1,\"Data\":\"content\"}}]",
        "[{\"MsgType\":\"TIMLocationElem\",\"MsgContent\":{\"Desc\":\"Tencent Binhai\",\"Latitude\":22.5431,\"Longitude\":113.9344}}]",
        "[{\"MsgType\":\"TIMCustomElem\",\"MsgContent\":{\"Data\":\"message\",\"Desc\":\"notification\",\"Ext\":\"url\",\"Sound\":\"dingdong.aiff\"}}]",
        "[{\"MsgType\":\"TIMSoundElem\",\"MsgContent\":{\"Url\":\"https://1400000000.vod2.myqcloud.com/a.mp3\",\"UUID\":\"5:a\",\"Size\":62351,\"Second\":1,\"Download_Flag\":2}}]",
        "[{\"MsgType\":\"TIMImageElem\",\"MsgContent\":{\"UUID\":\"1853095_D61040894AC3DE44CDFFFB3EC7EB720F\",\"ImageFormat\":1,"
            + "\"ImageInfoArray\":[{\"Type\":1,\"Size\":1853095,\"Width\":2448,\"Height\":3264,\"URL\":\"http://cdn.example.com/1.jpg\"},"
            + "{\"Type\":3,\"Size\":8922,\"Width\":198,\"Height\":264,\"URL\":\"http://cdn.example.com/3.jpg\"}]}}]",
        "[{\"MsgType\":\"TIMFileElem\",\"MsgContent\":{\"Url\":\"https://cdn.example.com/f.pdf\",\"UUID\":\"u\",\"FileSize\":1773552,\"FileName\":\"file:///a.pdf\",\"Download_Flag\":2}}]",
        "[{\"MsgType\":\"TIMVideoFileElem\",\"MsgContent\":{\"VideoUrl\":\"https://cdn.example.com/v.mp4\",\"VideoUUID\":\"v\",\"VideoSize\":1,"
            + "\"VideoSecond\":5,\"VideoFormat\":\"mp4\",\"VideoDownloadFlag\":2,\"ThumbUrl\":\"https://cdn.example.com/t.jpg\",\"ThumbUUID\":\"t\","
            + "\"ThumbSize\":13907,\"ThumbWidth\":720,\"ThumbHeight\":1280,\"ThumbFormat\":\"JPG\",\"ThumbDownloadFlag\":2}}]",
        "[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"a\"}},{\"MsgType\":\"TIMCustomElem\",\"MsgContent\":{\"Data\":\"only data\"}}]",
        "[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"with extras\",\"Future\":{\"nested\":[1,2.5,\"x\"]},\"Nulled\":null}}]",
        "[{\"MsgType\":\"TIMCustomElem\",\"MsgContent\":{\"Data\":null,\"Desc\":\"\"}}]",
        "[{\"MsgType\":\"TIMImageElem\",\"MsgContent\":{\"ImageInfoArray\":[{\"URL\":\"https://cdn.example.com/x.png\",\"Extra\":true}]}}]",
        "[{\"MsgType\":\"TIMLocationElem\",\"MsgContent\":{\"Desc\":\"whole degrees\",\"Latitude\":22,\"Longitude\":-113}}]");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("namedBodies")
  @DisplayName("each element type, with extra, null and absent fields: MsgBody to elements to MsgBody is the same JSON")
  void namedRoundTrip(String body) throws Exception {
    JsonNode in = json(body);
    List<Element> elements = TencentElements.fromMsgBody(in);
    ElementRules.check(elements);
    JsonNode out = reparsed(TencentElements.toMsgBody(elements));
    assertTrue(TencentElements.sameJson(in, out), "expected " + in + "\nbut got  " + out);
    assertEquals(elements, TencentElements.fromMsgBody(out), "and reading it again gives the same elements");
  }

  @Test
  @DisplayName("the neutral fields are read from the vendor's names")
  void neutralFields() throws Exception {
    Element img = TencentElements.fromMsgBody(json(namedBodies().skip(5).findFirst().orElseThrow())).get(0);
    assertEquals(2, img.getImage().getSizesCount());
    assertEquals(2448, img.getImage().getSizes(0).getWidth());
    assertEquals("http://cdn.example.com/3.jpg", img.getImage().getSizes(1).getUrl());
    assertEquals("", img.getVendorJson(), "nothing left over when every field maps");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  @DisplayName("random MsgBodies of every type, odd Unicode, extra and missing fields survive the round trip")
  void randomRoundTrips(long seed) throws Exception {
    Random r = new Random(seed);
    for (int n = 0; n < 50; n++) {
      ArrayNode body = JSON.createArrayNode();
      IntStream.range(0, 1 + r.nextInt(4)).forEach(i -> body.add(randomTim(r)));
      JsonNode in = reparsed(body);
      List<Element> elements = TencentElements.fromMsgBody(in);
      JsonNode out = reparsed(TencentElements.toMsgBody(elements));
      assertTrue(TencentElements.sameJson(in, out), "seed " + seed + " case " + n + ": " + in + "\n -> " + out);
      List<Element> again = TencentElements.fromMsgBody(out);
      assertEquals(elements.size(), again.size());
      for (int i = 0; i < elements.size(); i++) {
        Element a = elements.get(i);
        Element b = again.get(i);
        assertEquals(a.toBuilder().clearVendorJson().build(), b.toBuilder().clearVendorJson().build());
        assertTrue(TencentElements.sameJson(vendor(a), vendor(b)), "vendor leftovers survive too");
      }
    }
  }

  @Test
  @DisplayName("elements made by a client (no leftovers) become full TIM elements and come back equal")
  void clientElements() throws Exception {
    List<Element> made = List.of(io.parley.client.Elements.text("hi"), io.parley.client.Elements.location("x", 1.5, 2.5),
        io.parley.client.Elements.image("https://cdn.example.com/p.png", 10, 20, 30),
        io.parley.client.Elements.custom("d", "", "e"));
    JsonNode body = reparsed(TencentElements.toMsgBody(made));
    assertEquals("TIMImageElem", body.get(2).get("MsgType").asText());
    assertEquals(10, body.get(2).get("MsgContent").get("ImageInfoArray").get(0).get("Width").asInt());
    assertEquals(made, TencentElements.fromMsgBody(body));
  }

  static Stream<String[]> malformed() {
    return Stream.of(
        new String[] {"{}", "MsgBody"},
        new String[] {"[1]", "MsgBody[0]"},
        new String[] {"[{\"MsgContent\":{}}]", "MsgBody[0].MsgType"},
        new String[] {"[{\"MsgType\":\"TIMRelayElem\",\"MsgContent\":{}}]", "MsgBody[0].MsgType"},
        new String[] {"[{\"MsgType\":\"TIMTextElem\"}]", "MsgBody[0].MsgContent"},
        new String[] {"[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":5}}]", "MsgBody[0].MsgContent.Text"},
        new String[] {"[{\"MsgType\":\"TIMFaceElem\",\"MsgContent\":{\"Index\":\"1\"}}]", "MsgBody[0].MsgContent.Index"},
        new String[] {"[{\"MsgType\":\"TIMSoundElem\",\"MsgContent\":{\"Size\":-1}}]", "MsgBody[0].MsgContent.Size"},
        new String[] {"[{\"MsgType\":\"TIMLocationElem\",\"MsgContent\":{\"Latitude\":\"north\"}}]", "MsgBody[0].MsgContent.Latitude"},
        new String[] {"[{\"MsgType\":\"TIMImageElem\",\"MsgContent\":{\"ImageInfoArray\":{}}}]", "MsgBody[0].MsgContent.ImageInfoArray"},
        new String[] {"[{\"MsgType\":\"TIMImageElem\",\"MsgContent\":{\"ImageInfoArray\":[{\"Width\":-3}]}}]",
            "MsgBody[0].MsgContent.ImageInfoArray[0].Width"});
  }

  @ParameterizedTest(name = "{0} names {1}")
  @MethodSource("malformed")
  @DisplayName("a malformed MsgBody is refused naming the field")
  void malformedBody(String body, String field) throws Exception {
    MsgBodyException e = assertThrows(MsgBodyException.class, () -> TencentElements.fromMsgBody(json(body)));
    assertEquals(field, e.field());
  }

  private static JsonNode vendor(Element e) throws Exception {
    return e.getVendorJson().isEmpty() ? JSON.createObjectNode() : JSON.readTree(e.getVendorJson());
  }

  // --- a generator of TIM elements --------------------------------------------------------------------------

  private static final String[] ODD = {"", "a", "你好", "👋🏽", "\u05e9\u05dc\u05d5\u05dd", "e\u0301", "𝄞 music", "tab\there",
      "quote\"and\\back", "line\nbreak", "日本語テキスト"};

  private static String text(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(3); i >= 0; i--) {
      b.append(ODD[r.nextInt(ODD.length)]);
    }
    return b.toString();
  }

  private static String url(Random r) {
    return "https://cdn.example.com/" + r.nextInt(1000) + "/" + (r.nextBoolean() ? "%E4%BD%A0" : "a") + ".bin";
  }

  private static ObjectNode randomTim(Random r) {
    ObjectNode tim = JSON.createObjectNode();
    ObjectNode c = JSON.createObjectNode();
    switch (r.nextInt(8)) {
      case 0 -> {
        tim.put("MsgType", "TIMTextElem");
        c.put("Text", text(r) + "x");
      }
      case 1 -> {
        tim.put("MsgType", "TIMFaceElem");
        maybe(r, () -> c.put("Index", r.nextInt(200) - 10));
        maybe(r, () -> c.put("Data", text(r)));
      }
      case 2 -> {
        tim.put("MsgType", "TIMLocationElem");
        maybe(r, () -> c.put("Desc", text(r)));
        c.put("Latitude", r.nextBoolean() ? r.nextInt(90) : r.nextDouble() * 180 - 90);
        c.put("Longitude", r.nextDouble() * 360 - 180);
      }
      case 3 -> {
        tim.put("MsgType", "TIMCustomElem");
        maybe(r, () -> c.put("Data", text(r)));
        maybe(r, () -> c.put("Desc", text(r)));
        maybe(r, () -> c.put("Ext", text(r)));
        maybe(r, () -> c.put("Sound", text(r)));
      }
      case 4 -> {
        tim.put("MsgType", "TIMSoundElem");
        c.put("Url", url(r));
        maybe(r, () -> c.put("UUID", text(r)));
        maybe(r, () -> c.put("Size", (long) r.nextInt(Integer.MAX_VALUE) * 3));
        maybe(r, () -> c.put("Second", r.nextInt(600)));
        maybe(r, () -> c.put("Download_Flag", 2));
      }
      case 5 -> {
        tim.put("MsgType", "TIMImageElem");
        maybe(r, () -> c.put("UUID", text(r)));
        maybe(r, () -> c.put("ImageFormat", r.nextInt(5)));
        ArrayNode sizes = c.putArray("ImageInfoArray");
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
          ObjectNode s = sizes.addObject();
          s.put("Type", i + 1);
          maybe(r, () -> s.put("Size", r.nextInt(1 << 24)));
          maybe(r, () -> s.put("Width", r.nextInt(5000)));
          maybe(r, () -> s.put("Height", r.nextInt(5000)));
          s.put("URL", url(r));
        }
      }
      case 6 -> {
        tim.put("MsgType", "TIMFileElem");
        c.put("Url", url(r));
        maybe(r, () -> c.put("UUID", text(r)));
        maybe(r, () -> c.put("FileSize", r.nextInt(1 << 30)));
        maybe(r, () -> c.put("FileName", text(r)));
        maybe(r, () -> c.put("Download_Flag", 2));
      }
      default -> {
        tim.put("MsgType", "TIMVideoFileElem");
        c.put("VideoUrl", url(r));
        maybe(r, () -> c.put("VideoUUID", text(r)));
        maybe(r, () -> c.put("VideoSize", r.nextInt(1 << 30)));
        maybe(r, () -> c.put("VideoSecond", r.nextInt(3600)));
        maybe(r, () -> c.put("VideoFormat", "mp4"));
        maybe(r, () -> c.put("ThumbUrl", url(r)));
        maybe(r, () -> c.put("ThumbWidth", r.nextInt(2000)));
        maybe(r, () -> c.put("ThumbFormat", text(r)));
      }
    }
    if (r.nextInt(4) == 0) {
      c.putObject("Unknown" + r.nextInt(3)).put("deep", text(r)).putArray("list").add(r.nextInt()).add(r.nextDouble());
    }
    if (r.nextInt(6) == 0) {
      c.putNull("NullField");
    }
    tim.set("MsgContent", c);
    return tim;
  }

  private static void maybe(Random r, Runnable put) {
    if (r.nextInt(3) > 0) {
      put.run();
    }
  }
}
