package io.parley.server.vendor.yuntongxun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Yuntongxun messages to elements and back, without loss")
class YuntongxunElementsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Odd Unicode: astral emoji, a lone combining mark, right-to-left text, NUL, line separators, quotes. */
  static final List<String> ODD = List.of("", "hi", "😀👍🏽", "e\u0301", "\u202Eabc", "a\u0000b", "\u2028\u2029",
      "\"quoted\" \\ back/slash", "中文名字", "{\"not\":\"json\"", "  ", "\uFEFF");

  static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static List<Element> read(String body) throws YuntongxunBodyException {
    return YuntongxunElements.fromVendor(json(body));
  }

  @Nested
  @DisplayName("each msgType becomes its element")
  class Kinds {
    @Test
    @DisplayName("1 text: msgContent is the text")
    void text() throws Exception {
      Element e = read("{\"msgType\":\"1\",\"msgContent\":\"hello\"}").get(0);
      assertEquals(Element.newBuilder().setText(TextElement.newBuilder().setText("hello")).build(), e);
    }

    @Test
    @DisplayName("2 voice, 3 video, 4 image: msgFileUrl and msgFileSize are the media's URL and bytes")
    void media() throws Exception {
      assertEquals(SoundElement.newBuilder().setUrl("https://x/a.amr").setSize(12).build(),
          read("{\"msgType\":\"2\",\"msgFileUrl\":\"https://x/a.amr\",\"msgFileSize\":\"12\"}").get(0).getSound());
      assertEquals(VideoElement.newBuilder().setVideoUrl("https://x/v.mp4").setVideoSize(99).build(),
          read("{\"msgType\":\"3\",\"msgFileUrl\":\"https://x/v.mp4\",\"msgFileSize\":\"99\"}").get(0).getVideo());
      assertEquals(ImageElement.newBuilder().addSizes(ImageSize.newBuilder().setType(1).setUrl("https://x/i.jpg")
              .setSize(5)).build(),
          read("{\"msgType\":\"4\",\"msgFileUrl\":\"https://x/i.jpg\",\"msgFileSize\":\"5\"}").get(0).getImage());
    }

    @Test
    @DisplayName("5 location: msgContent is the JSON text of lat, lon and title")
    void location() throws Exception {
      Element e = read("{\"msgType\":\"5\",\"msgContent\":\"{\\\"lat\\\":\\\"39.9\\\",\\\"lon\\\":116.4,\\\"title\\\":\\\"天安门\\\"}\"}")
          .get(0);
      assertEquals(LocationElement.newBuilder().setLatitude(39.9).setLongitude(116.4).setDesc("天安门").build(),
          e.getLocation());
    }

    @Test
    @DisplayName("6 and 7 file (compressed or not): URL, bytes and msgFileName; 7 is kept as sent")
    void file() throws Exception {
      FileElement expected = FileElement.newBuilder().setUrl("https://x/f.zip").setSize(7).setName("f.zip").build();
      String six = "{\"msgType\":\"6\",\"msgFileUrl\":\"https://x/f.zip\",\"msgFileSize\":\"7\",\"msgFileName\":\"f.zip\"}";
      assertEquals(expected, read(six).get(0).getFile());
      assertEquals("", read(six).get(0).getVendorJson());
      Element seven = read(six.replace("\"6\"", "\"7\"")).get(0);
      assertEquals(expected, seven.getFile());
      assertEquals(json(six.replace("\"6\"", "\"7\"")), YuntongxunElements.toVendor(List.of(seven)));
    }

    @Test
    @DisplayName("any other msgType is an app-defined message: a custom element with msgContent as its data")
    void custom() throws Exception {
      Element e = read("{\"msgType\":\"12\",\"msgContent\":\"typing\",\"msgDomain\":\"1\"}").get(0);
      assertEquals(CustomElement.newBuilder().setData("typing").build(), e.getCustom());
      assertEquals(json("{\"msgType\":\"12\",\"msgDomain\":\"1\"}"), json(e.getVendorJson()));
    }

    @Test
    @DisplayName("fields without a core slot (msgDomain, senderNickName) ride in vendor_json, and only they")
    void unmapped() throws Exception {
      Element e = read("{\"msgType\":\"1\",\"msgContent\":\"hi\",\"msgDomain\":\"{\\\"k\\\":1}\",\"senderNickName\":\"小明\"}")
          .get(0);
      assertEquals("hi", e.getText().getText());
      assertEquals(json("{\"msgDomain\":\"{\\\"k\\\":1}\",\"senderNickName\":\"小明\"}"), json(e.getVendorJson()));
    }
  }

  @Nested
  @DisplayName("core elements as Yuntongxun writes them")
  class Writing {
    @Test
    @DisplayName("a plain text is exactly {msgType 1, msgContent}, all values strings")
    void plainText() {
      assertEquals(json("{\"msgType\":\"1\",\"msgContent\":\"hello\"}"),
          YuntongxunElements.toVendor(List.of(Element.newBuilder().setText(TextElement.newBuilder().setText("hello")).build())));
    }

    @Test
    @DisplayName("an element with more than the table holds (a sound's seconds) adds parleyElement, and the vendor fields stay readable")
    void richer() throws Exception {
      Element sound = Element.newBuilder().setSound(SoundElement.newBuilder().setUrl("https://x/a.amr").setSeconds(3)).build();
      ObjectNode m = YuntongxunElements.toVendor(List.of(sound));
      assertEquals("2", m.get("msgType").asText());
      assertEquals("https://x/a.amr", m.get("msgFileUrl").asText());
      assertTrue(m.has(YuntongxunElements.PARLEY_ELEMENT), m.toString());
      assertEquals(List.of(sound), YuntongxunElements.fromVendor(m));
    }

    @Test
    @DisplayName("several elements: the first one's fields, the others in parleyMore")
    void several() throws Exception {
      List<Element> two = List.of(Element.newBuilder().setText(TextElement.newBuilder().setText("a")).build(),
          Element.newBuilder().setText(TextElement.newBuilder().setText("b")).build());
      ObjectNode m = YuntongxunElements.toVendor(two);
      assertEquals("a", m.get("msgContent").asText());
      assertEquals(json("[{\"msgType\":\"1\",\"msgContent\":\"b\"}]"), json(m.get(YuntongxunElements.PARLEY_MORE).asText()));
      assertEquals(two, YuntongxunElements.fromVendor(m));
    }
  }

  @Nested
  @DisplayName("round trips, over many generated cases")
  class RoundTrips {
    static Stream<Integer> seeds() {
      return IntStream.range(0, 400).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("elements → Yuntongxun → elements is the identity, every field and kind, odd Unicode and empty optionals")
    void elementsRoundTrip(int seed) throws Exception {
      Random r = new Random(seed);
      List<Element> elements = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        elements.add(Generate.element(r));
      }
      JsonNode wire = json(YuntongxunElements.toVendor(elements).toString()); // as the app receives it
      assertEquals(elements, YuntongxunElements.fromVendor(wire));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("Yuntongxun → elements → Yuntongxun gives the same JSON, odd values and extra fields included")
    void vendorRoundTrip(int seed) throws Exception {
      Random r = new Random(seed);
      ObjectNode message = Generate.message(r);
      List<Element> elements = YuntongxunElements.fromVendor(message);
      assertEquals(message, YuntongxunElements.toVendor(elements));
      for (Element e : elements) { // and the elements survive the store's protobuf encoding
        assertEquals(e, Element.parseFrom(e.toByteArray()));
      }
    }

    @Test
    @DisplayName("a face and an element of no kind have no Yuntongxun type, yet come back whole")
    void noVendorType() throws Exception {
      Element face = Element.newBuilder().setFace(FaceElement.newBuilder().setIndex(7).setData("[微笑]")).build();
      ObjectNode m = YuntongxunElements.toVendor(List.of(face));
      assertEquals(YuntongxunKinds.CUSTOM, m.get("msgType").asText());
      assertEquals("[微笑]", m.get("msgContent").asText(), "vendor clients show the face's text");
      assertEquals(List.of(face), YuntongxunElements.fromVendor(m));
      Element none = Element.getDefaultInstance();
      assertEquals(List.of(none), YuntongxunElements.fromVendor(YuntongxunElements.toVendor(List.of(none))));
    }

    @Test
    @DisplayName("negative zero, NaN and tiny coordinates survive a location")
    void oddCoordinates() throws Exception {
      for (double d : new double[] {-0.0, Double.NaN, 1e-300, -180, 89.99999999999999}) {
        Element e = Element.newBuilder().setLocation(LocationElement.newBuilder().setLatitude(d).setLongitude(-d)).build();
        assertEquals(List.of(e), YuntongxunElements.fromVendor(json(YuntongxunElements.toVendor(List.of(e)).toString())));
      }
    }
  }

  @Nested
  @DisplayName("malformed messages are refused, naming the field")
  class Refusals {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[]|the message",
        "{}|msgType",
        "{\"msgType\":{}}|msgType",
        "{\"msgType\":\"1\",\"msgContent\":5}|msgContent",
        "{\"msgType\":\"4\",\"msgFileSize\":\"-1\"}|msgFileSize",
        "{\"msgType\":\"4\",\"msgFileSize\":\"18446744073709551616\"}|msgFileSize",
        "{\"msgType\":\"5\",\"msgContent\":\"here\"}|msgContent",
        "{\"msgType\":\"5\",\"msgContent\":\"{\\\"lat\\\":\\\"north\\\",\\\"lon\\\":1}\"}|msgContent.lat",
        "{\"msgType\":\"5\",\"msgContent\":\"{\\\"lat\\\":1}\"}|msgContent.lon",
        "{\"msgType\":\"1\",\"parleyElement\":\"%%%\"}|parleyElement",
        "{\"msgType\":\"1\",\"parleyMore\":\"{}\"}|parleyMore",
        "{\"msgType\":\"1\",\"parleyMore\":\"[{\\\"msgType\\\":\\\"4\\\",\\\"msgFileSize\\\":\\\"x\\\"}]\"}|parleyMore[0].msgFileSize",
        "{\"msgType\":\"1\",\"parleyMore\":\"[{\\\"msgType\\\":\\\"1\\\",\\\"parleyMore\\\":\\\"[]\\\"}]\"}|parleyMore[0].parleyMore"})
    @DisplayName("each names its field")
    void refused(String caseAndField) {
      String[] parts = caseAndField.split("\\|");
      YuntongxunBodyException e = assertThrows(YuntongxunBodyException.class, () -> read(parts[0]));
      assertEquals(parts[1], e.field(), e.getMessage());
      assertFalse(e.getMessage().isBlank());
    }
  }

  /** Random elements of every kind and random vendor messages, from a seed. */
  static final class Generate {
    static String text(Random r) {
      return r.nextInt(4) == 0 ? "" : ODD.get(r.nextInt(ODD.size())) + (r.nextBoolean() ? "" : Integer.toString(r.nextInt()));
    }

    static long u64(Random r) {
      return switch (r.nextInt(4)) {
        case 0 -> 0;
        case 1 -> -1L; // 2^64 - 1
        default -> r.nextInt(1 << 20);
      };
    }

    static int i32(Random r) {
      return r.nextInt(3) == 0 ? 0 : r.nextInt();
    }

    static ImageSize size(Random r) {
      return ImageSize.newBuilder().setType(r.nextInt(4)).setSize(u64(r)).setWidth(i32(r)).setHeight(i32(r))
          .setUrl(text(r)).build();
    }

    static Element element(Random r) {
      Element.Builder e = Element.newBuilder();
      switch (r.nextInt(9)) {
        case 0 -> e.setText(TextElement.newBuilder().setText(text(r)));
        case 1 -> e.setFace(FaceElement.newBuilder().setIndex(i32(r)).setData(text(r)));
        case 2 -> {
          ImageElement.Builder image = ImageElement.newBuilder().setUuid(r.nextBoolean() ? "" : text(r));
          if (r.nextBoolean()) {
            image.setFormat(i32(r));
          }
          int sizes = r.nextInt(4);
          for (int i = 0; i < sizes; i++) {
            image.addSizes(r.nextBoolean() ? ImageSize.newBuilder().setType(1).setUrl(text(r)).setSize(u64(r)).build() : size(r));
          }
          e.setImage(image);
        }
        case 3 -> e.setSound(r.nextBoolean() ? SoundElement.newBuilder().setUrl(text(r)).setSize(u64(r)).build()
            : SoundElement.newBuilder().setUrl(text(r)).setUuid(text(r)).setSize(u64(r)).setSeconds(i32(r))
                .setDownloadFlag(i32(r)).build());
        case 4 -> e.setVideo(r.nextBoolean() ? VideoElement.newBuilder().setVideoUrl(text(r)).setVideoSize(u64(r)).build()
            : VideoElement.newBuilder().setVideoUrl(text(r)).setVideoUuid(text(r)).setVideoSize(u64(r))
                .setVideoSeconds(i32(r)).setVideoFormat(text(r)).setVideoDownloadFlag(i32(r)).setThumbUrl(text(r))
                .setThumbUuid(text(r)).setThumbSize(u64(r)).setThumbWidth(i32(r)).setThumbHeight(i32(r))
                .setThumbFormat(text(r)).setThumbDownloadFlag(i32(r)).build());
        case 5 -> e.setFile(FileElement.newBuilder().setUrl(text(r)).setSize(u64(r)).setName(text(r))
            .setUuid(r.nextBoolean() ? "" : text(r)).setDownloadFlag(r.nextBoolean() ? 0 : i32(r)));
        case 6 -> e.setLocation(LocationElement.newBuilder().setDesc(text(r)).setLatitude(r.nextDouble() * 180 - 90)
            .setLongitude(r.nextBoolean() ? 0 : r.nextDouble() * 360 - 180));
        case 7 -> e.setCustom(r.nextBoolean() ? CustomElement.newBuilder().setData(text(r)).build()
            : CustomElement.newBuilder().setData(text(r)).setDesc(text(r)).setExt(text(r)).setSound(text(r)).build());
        default -> { } // no kind
      }
      if (r.nextInt(3) == 0) {
        e.setVendorJson(JSON.createObjectNode().put("msgDomain", text(r)).put("senderNickName", text(r)).toString());
      }
      return e.build();
    }

    /** A message object as an app or SDK might write it: known types, odd spellings, extra and null fields. */
    static ObjectNode message(Random r) {
      ObjectNode m = JSON.createObjectNode();
      String[] types = {"1", "2", "3", "4", "5", "6", "7", "11", "12", "24", "0"};
      String type = types[r.nextInt(types.length)];
      if (r.nextInt(5) == 0) {
        m.put("msgType", Integer.parseInt(type)); // a number, not a string
      } else {
        m.put("msgType", type);
      }
      if (type.equals("5")) {
        m.put("msgContent", r.nextBoolean()
            ? "{\"lat\":\"" + (r.nextDouble() * 180 - 90) + "\",\"lon\":" + (r.nextDouble() * 360 - 180) + ",\"title\":\""
                + "天安门" + "\"}"
            : "{ \"lon\" : \"0\", \"lat\" : \"-0.0\" }");
      } else if (r.nextBoolean()) {
        m.put("msgContent", text(r));
      }
      if (r.nextBoolean()) {
        m.put("msgFileUrl", text(r));
      }
      switch (r.nextInt(5)) {
        case 0 -> m.put("msgFileSize", Long.toString(r.nextInt(1 << 20)));
        case 1 -> m.put("msgFileSize", "007");
        case 2 -> m.put("msgFileSize", r.nextInt(1000)); // a number
        case 3 -> m.put("msgFileSize", "");
        default -> { }
      }
      if (r.nextBoolean()) {
        m.put("msgFileName", text(r));
      }
      if (r.nextBoolean()) {
        m.put("msgDomain", text(r));
      }
      if (r.nextInt(4) == 0) {
        m.putNull("senderNickName");
      }
      if (r.nextInt(6) == 0) {
        m.set("nested", JSON.createObjectNode().put("k", text(r)));
      }
      if (r.nextInt(5) == 0) {
        m.put("parleyMore", JSON.createArrayNode().add(JSON.createObjectNode().put("msgType", "1").put("msgContent", text(r)))
            .toString());
      }
      return m;
    }
  }
}
