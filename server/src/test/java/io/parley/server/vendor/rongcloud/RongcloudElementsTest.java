package io.parley.server.vendor.rongcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.CustomElement;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.FaceElement;
import io.parley.protocol.v1.FileElement;
import io.parley.protocol.v1.ImageElement;
import io.parley.protocol.v1.ImageSize;
import io.parley.protocol.v1.LocationElement;
import io.parley.protocol.v1.SoundElement;
import io.parley.protocol.v1.TextElement;
import io.parley.protocol.v1.VideoElement;
import io.parley.server.messaging.ElementRules;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Rongcloud objectName + content to a core element and back, without loss")
class RongcloudElementsTest {
  static final String[] TYPES = {"RC:TxtMsg", "RC:ImgMsg", "RC:HQVCMsg", "RC:VcMsg", "RC:SightMsg", "RC:FileMsg",
      "RC:LBSMsg", "RC:ImgTextMsg", "RC:GIFMsg", "RC:CmdMsg", "App:Card", "Parley:FaceMsg"};

  static JsonNode json(String text) {
    return RongcloudJson.read(text).orElseThrow();
  }

  /** The content as it leaves again: parsed from the text the Server API and the callbacks carry. */
  static JsonNode back(Element e) {
    return json(RongcloudElements.toVendor(e).contentText());
  }

  static void assertSameContent(String sent, Element e) {
    JsonNode in = json(sent);
    JsonNode out = back(e);
    assertTrue(RongcloudJson.same(in, out), "sent     " + in + "\ncame back " + out);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> named() {
    return Stream.of(
        args("RC:TxtMsg", "{\"content\":\"hello 你好 👋\",\"extra\":\"e\"}", Element.KindCase.TEXT),
        args("RC:TxtMsg", "{\"content\":\"@all\",\"mentionedInfo\":{\"type\":2,\"userIdList\":[\"a\",\"b\"],"
            + "\"mentionedContent\":\"you\"},\"isMentioned\":1}", Element.KindCase.TEXT),
        args("RC:TxtMsg", "{\"content\":\"who\",\"user\":{\"id\":\"u1\",\"name\":\"Ü\",\"portrait\":\"https://x/p.png\","
            + "\"extra\":\"\"}}", Element.KindCase.TEXT),
        args("RC:ImgMsg", "{\"content\":\"/9j/4AAQSkZJRg==\",\"imageUri\":\"https://cdn.example.com/a.jpg\",\"extra\":\"\"}",
            Element.KindCase.IMAGE),
        args("RC:HQVCMsg", "{\"localPath\":\"\",\"remoteUrl\":\"https://cdn.example.com/v.aac\",\"duration\":7}",
            Element.KindCase.SOUND),
        args("RC:SightMsg", "{\"content\":\"thumb\",\"sightUrl\":\"https://cdn.example.com/s.mp4\",\"duration\":12,"
            + "\"size\":1048576,\"name\":\"s.mp4\",\"extra\":\"\"}", Element.KindCase.VIDEO),
        args("RC:FileMsg", "{\"name\":\"报告.pdf\",\"size\":1773552,\"type\":\"pdf\",\"fileUrl\":\"https://cdn.example.com/f.pdf\"}",
            Element.KindCase.FILE),
        args("RC:LBSMsg", "{\"content\":\"map\",\"latitude\":39.9087,\"longitude\":116.3975,\"poi\":\"天安门\",\"extra\":\"\"}",
            Element.KindCase.LOCATION),
        args("RC:ImgTextMsg", "{\"title\":\"t\",\"content\":\"c\",\"imageUri\":\"https://x/i.png\",\"url\":\"https://x\"}",
            Element.KindCase.CUSTOM),
        args("RC:VcMsg", "{\"content\":\"IyFBTVIK\",\"duration\":3}", Element.KindCase.CUSTOM),
        args("App:Card", "{ \"card\" : [1, 2.50, true, null] }", Element.KindCase.CUSTOM),
        args("RC:TxtMsg", "{\"content\":\"\"}", Element.KindCase.CUSTOM),
        args("RC:ImgMsg", "{\"content\":\"only a thumbnail\"}", Element.KindCase.CUSTOM),
        args("RC:HQVCMsg", "{\"remoteUrl\":\"ftp://x/v.aac\",\"duration\":1}", Element.KindCase.CUSTOM),
        args("RC:HQVCMsg", "{\"remoteUrl\":\"https://x/v.aac\",\"duration\":\"7\"}", Element.KindCase.CUSTOM),
        args("RC:LBSMsg", "{\"latitude\":91,\"longitude\":0,\"poi\":\"\"}", Element.KindCase.CUSTOM),
        args("RC:TxtMsg", "{\"content\":\"x\",\"" + RongcloudElements.ABSENT + "\":1}", Element.KindCase.CUSTOM));
  }

  static org.junit.jupiter.params.provider.Arguments args(String type, String content, Element.KindCase kind) {
    return org.junit.jupiter.params.provider.Arguments.of(type, content, kind);
  }

  @ParameterizedTest(name = "[{index}] {0} {1} → {2}")
  @MethodSource("named")
  @DisplayName("each type becomes its core element (or a verbatim custom one) and comes back as the same content")
  void namedRoundTrip(String objectName, String content, Element.KindCase kind) throws Exception {
    Element e = RongcloudElements.fromVendor(objectName, content);
    assertEquals(kind, e.getKindCase(), e.toString());
    ElementRules.check(List.of(e));
    assertEquals(objectName, RongcloudElements.toVendor(e).objectName());
    assertSameContent(content, e);
    if (kind == Element.KindCase.CUSTOM) {
      assertEquals(content, RongcloudElements.toVendor(e).contentText(), "a verbatim type keeps its exact text");
    }
  }

  @Test
  @DisplayName("the core fields are read from the vendor's field names; only what has no slot is left in vendor_json")
  void coreFields() throws Exception {
    assertEquals("hi", RongcloudElements.fromVendor("RC:TxtMsg", "{\"content\":\"hi\"}").getText().getText());
    assertEquals("", RongcloudElements.fromVendor("RC:TxtMsg", "{\"content\":\"hi\"}").getVendorJson());
    Element img = RongcloudElements.fromVendor("RC:ImgMsg", "{\"content\":\"b64\",\"imageUri\":\"https://x/a.jpg\"}");
    assertEquals("https://x/a.jpg", img.getImage().getSizes(0).getUrl());
    assertEquals(json("{\"content\":\"b64\"}"), json(img.getVendorJson()));
    Element sound = RongcloudElements.fromVendor("RC:HQVCMsg", "{\"remoteUrl\":\"https://x/v.aac\",\"duration\":9}");
    assertEquals(9, sound.getSound().getSeconds());
    Element video = RongcloudElements.fromVendor("RC:SightMsg",
        "{\"sightUrl\":\"https://x/s.mp4\",\"duration\":4,\"size\":77,\"name\":\"s\",\"content\":\"t\"}");
    assertEquals(4, video.getVideo().getVideoSeconds());
    assertEquals(77, video.getVideo().getVideoSize());
    Element file = RongcloudElements.fromVendor("RC:FileMsg", "{\"name\":\"n\",\"size\":5,\"fileUrl\":\"https://x/f\"}");
    assertEquals("n", file.getFile().getName());
    assertEquals("https://x/f", file.getFile().getUrl());
    Element place = RongcloudElements.fromVendor("RC:LBSMsg", "{\"latitude\":1.5,\"longitude\":-2.25,\"poi\":\"p\"}");
    assertEquals(1.5, place.getLocation().getLatitude());
    assertEquals("p", place.getLocation().getDesc());
    Element card = RongcloudElements.fromVendor("App:Card", "{\"a\":1}");
    assertEquals("App:Card", card.getCustom().getDesc());
    assertEquals("{\"a\":1}", card.getCustom().getData());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  @DisplayName("random contents of every type (every field, odd Unicode, extras, nulls, absent fields) survive the round trip")
  void randomRoundTrip(long seed) throws Exception {
    Random r = new Random(seed);
    for (int i = 0; i < 200; i++) {
      String type = TYPES[r.nextInt(TYPES.length)];
      String content = RongcloudJson.write(randomContent(r, type));
      Element e = RongcloudElements.fromVendor(type, content);
      ElementRules.check(List.of(e));
      assertEquals(type, RongcloudElements.toVendor(e).objectName(), content);
      assertSameContent(content, e);
      assertEquals(e, RongcloudElements.fromVendor(type, RongcloudElements.toVendor(e).contentText()),
          "and reading it again gives the same element: " + content);
    }
  }

  static Stream<Element> coreElements() {
    return Stream.of(
        Element.newBuilder().setText(TextElement.newBuilder().setText("שלום 👋\u0007")).build(),
        Element.newBuilder().setImage(ImageElement.newBuilder().addSizes(ImageSize.newBuilder().setType(1)
            .setUrl("https://x/a.png"))).build(),
        Element.newBuilder().setSound(SoundElement.newBuilder().setUrl("https://x/v.aac").setSeconds(-1)).build(),
        Element.newBuilder().setVideo(VideoElement.newBuilder().setVideoUrl("https://x/v.mp4").setVideoSeconds(3)
            .setVideoSize(Long.MAX_VALUE)).build(),
        Element.newBuilder().setFile(FileElement.newBuilder().setUrl("https://x/f").setName("f").setSize(1)).build(),
        Element.newBuilder().setLocation(LocationElement.newBuilder().setLatitude(-90).setLongitude(180)
            .setDesc("edge")).build(),
        Element.newBuilder().setFace(FaceElement.newBuilder().setIndex(-3).setData("smile")).build(),
        Element.newBuilder().setCustom(CustomElement.newBuilder().setDesc("App:Poll").setData("{\"q\":\"?\"}")).build());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("coreElements")
  @DisplayName("an element in the vendor's shape (as a client sends it) becomes a Rongcloud message and comes back equal")
  void coreRoundTrip(Element e) throws Exception {
    RongcloudMessage m = RongcloudElements.toVendor(e);
    assertEquals(e, RongcloudElements.fromVendor(m.objectName(), m.contentText()));
  }

  @Test
  @DisplayName("a custom element without desc or data is sent as Parley:CustomMsg with an empty object")
  void bareCustom() {
    RongcloudMessage m = RongcloudElements.toVendor(Element.newBuilder().setCustom(CustomElement.getDefaultInstance()).build());
    assertEquals(RongcloudElements.CUSTOM, m.objectName());
    assertEquals("{}", m.contentText());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "RC:TxtMsg|not json|JSON text",
      "App:Card|{\"a\":1} trailing|JSON text",
      "RC:TxtMsg|{\"content\":\"a\",\"content\":\"b\"}|JSON text",
      "RC:TxtMsg|\"just a string\"|JSON object",
      "RC:FileMsg|[1,2]|JSON object"})
  @DisplayName("content that is not JSON, or not an object for a known type, is refused saying so")
  void refused(String objectName, String content, String says) {
    ContentException e = assertThrows(ContentException.class, () -> RongcloudElements.fromVendor(objectName, content));
    assertTrue(e.getMessage().contains(says), e.getMessage());
  }

  // ---- random contents ----------------------------------------------------------------------------------------

  /** Emoji, RTL, combining marks, CJK, control characters other than NUL, quotes and backslashes. */
  static String text(Random r) {
    String[] pieces = {"a", "Z", "9", " ", "你好", "👋", "🏳️‍🌈", "مرحبا", "שלום", "\u200F", "\u202E", "e\u0301", "\u0001",
        "\u001F", "\u007F", "\t", "\n", "\"", "\\", "/", "\u2028", "\uFEFF", "𝄞", "Ω"};
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      b.append(pieces[r.nextInt(pieces.length)]);
    }
    return b.toString();
  }

  static String url(Random r) {
    return "https://cdn.example.com/" + Integer.toHexString(r.nextInt()) + "/" + text(r).replaceAll("[^a-zA-Z0-9]", "x");
  }

  static ObjectNode randomContent(Random r, String type) {
    ObjectNode c = RongcloudJson.object();
    switch (type) {
      case "RC:TxtMsg" -> c.put("content", "t" + text(r));
      case "RC:ImgMsg" -> {
        maybe(r, () -> c.put("content", text(r)));
        c.put("imageUri", url(r));
      }
      case "RC:HQVCMsg" -> {
        maybe(r, () -> c.put("localPath", text(r)));
        c.put("remoteUrl", url(r));
        maybe(r, () -> c.put("duration", r.nextInt(600)));
      }
      case "RC:VcMsg" -> {
        c.put("content", text(r));
        c.put("duration", r.nextInt(60));
      }
      case "RC:SightMsg" -> {
        maybe(r, () -> c.put("content", text(r)));
        c.put("sightUrl", url(r));
        maybe(r, () -> c.put("duration", r.nextInt(600)));
        maybe(r, () -> c.put("size", Math.abs(r.nextLong())));
        maybe(r, () -> c.put("name", text(r)));
      }
      case "RC:FileMsg" -> {
        maybe(r, () -> c.put("name", text(r)));
        maybe(r, () -> c.put("size", r.nextInt(Integer.MAX_VALUE)));
        maybe(r, () -> c.put("type", text(r)));
        c.put("fileUrl", url(r));
      }
      case "RC:LBSMsg" -> {
        maybe(r, () -> c.put("content", text(r)));
        maybe(r, () -> c.put("latitude", r.nextDouble() * 180 - 90));
        maybe(r, () -> c.put("longitude", new java.math.BigDecimal("116.39750000000000000001")));
        maybe(r, () -> c.put("poi", text(r)));
      }
      case "RC:ImgTextMsg" -> {
        c.put("title", text(r));
        c.put("content", text(r));
        maybe(r, () -> c.put("imageUri", url(r)));
        maybe(r, () -> c.put("url", url(r)));
      }
      case "Parley:FaceMsg" -> {
        maybe(r, () -> c.put("index", r.nextInt()));
        maybe(r, () -> c.put("data", text(r)));
      }
      default -> c.put("data", text(r));
    }
    maybe(r, () -> c.put("extra", text(r)));
    maybe(r, () -> c.putObject("user").put("id", text(r)).put("name", text(r)).put("portrait", url(r))
        .put("extra", text(r)));
    maybe(r, () -> {
      ObjectNode m = c.putObject("mentionedInfo").put("type", 1 + r.nextInt(2)).put("mentionedContent", text(r));
      ArrayNode ids = m.putArray("userIdList");
      for (int i = r.nextInt(3); i > 0; i--) {
        ids.add(text(r));
      }
      c.put("isMentioned", 1);
    });
    maybe(r, () -> c.putNull("future" + r.nextInt(3)));
    maybe(r, () -> c.putArray("nested").add(1.5).add(text(r)).addObject().put("deep", r.nextLong()));
    return c;
  }

  static void maybe(Random r, Runnable put) {
    if (r.nextBoolean()) {
      put.run();
    }
  }
}
