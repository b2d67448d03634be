package io.parley.server.vendor.netease;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.CustomElement;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.ImageSize;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * NetEase message {@code type} + {@code body} (netease.md §3) to one core element and back, without loss. Types 0
 * text, 1 image, 2 voice, 3 video, 4 location, 6 file and 10 tip are tables of body field to element field; type 100
 * (custom), 5 (team notification) and any other number become a custom element whose {@code data} is the body's JSON
 * text exactly as sent.
 *
 * <p>Whatever the table cannot reproduce exactly is kept in {@code Element.vendor_json} as {@code {"type": n}} (a
 * type the element kind does not say: 10 on a text, 5 on a custom), {@code {"body": {…}}} (body fields with no
 * element slot, nulls, values the element holds differently, such as a voice {@code dur} that is not whole seconds)
 * and {@code {"absent": […]}} (table fields the body did not have), and put back in place on the way out.
 */
public final class NeteaseElements {
  public static final int TEXT = 0;
  public static final int IMAGE = 1;
  public static final int VOICE = 2;
  public static final int VIDEO = 3;
  public static final int LOCATION = 4;
  public static final int NOTIFICATION = 5;
  public static final int FILE = 6;
  public static final int TIP = 10;
  public static final int CUSTOM = 100;

  static final String V_TYPE = "type";
  static final String V_BODY = "body";
  static final String V_ABSENT = "absent";

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long UINT32 = 0xFFFF_FFFFL;

  /** How a body value is held: a string, a count (0..2^63-1), a pixel size (uint32), degrees, or ms as seconds. */
  private enum Shape { STRING, COUNT, PIXELS, DEGREES, MILLIS }

  /** One body field: its JSON name, its shape, and how it is read from and written to the element. */
  private record Field(String json, Shape shape, Function<Element, Object> get, BiConsumer<Element.Builder, Object> set) {}

  /** One tabled type: its number, its fields, those it requires, and how an empty element of it starts. */
  private record Kind(int type, List<Field> fields, Set<String> required, Consumer<Element.Builder> start) {}

  private static final List<Field> TEXT_FIELDS = List.of(
      new Field("msg", Shape.STRING, e -> e.getText().getText(), (b, v) -> b.getTextBuilder().setText((String) v)));

  private static final List<Kind> KINDS = List.of(
      new Kind(TEXT, TEXT_FIELDS, Set.of("msg"), b -> b.getTextBuilder()),
      new Kind(TIP, TEXT_FIELDS, Set.of("msg"), b -> b.getTextBuilder()),
      new Kind(IMAGE, List.of(
          new Field("url", Shape.STRING, e -> size0(e).getUrl(), (b, v) -> size0(b).setUrl((String) v)),
          new Field("w", Shape.PIXELS, e -> size0(e).getWidth(), (b, v) -> size0(b).setWidth((Integer) v)),
          new Field("h", Shape.PIXELS, e -> size0(e).getHeight(), (b, v) -> size0(b).setHeight((Integer) v)),
          new Field("size", Shape.COUNT, e -> size0(e).getSize(), (b, v) -> size0(b).setSize((Long) v))),
          Set.of("url"), b -> b.getImageBuilder().addSizes(ImageSize.newBuilder().setType(1))),
      new Kind(VOICE, List.of(
          new Field("dur", Shape.MILLIS, e -> e.getSound().getSeconds(), (b, v) -> b.getSoundBuilder().setSeconds((Integer) v)),
          new Field("url", Shape.STRING, e -> e.getSound().getUrl(), (b, v) -> b.getSoundBuilder().setUrl((String) v)),
          new Field("size", Shape.COUNT, e -> e.getSound().getSize(), (b, v) -> b.getSoundBuilder().setSize((Long) v))),
          Set.of("url"), b -> b.getSoundBuilder()),
      new Kind(VIDEO, List.of(
          new Field("dur", Shape.MILLIS, e -> e.getVideo().getVideoSeconds(),
              (b, v) -> b.getVideoBuilder().setVideoSeconds((Integer) v)),
          new Field("url", Shape.STRING, e -> e.getVideo().getVideoUrl(), (b, v) -> b.getVideoBuilder().setVideoUrl((String) v)),
          new Field("w", Shape.PIXELS, e -> e.getVideo().getThumbWidth(), (b, v) -> b.getVideoBuilder().setThumbWidth((Integer) v)),
          new Field("h", Shape.PIXELS, e -> e.getVideo().getThumbHeight(),
              (b, v) -> b.getVideoBuilder().setThumbHeight((Integer) v)),
          new Field("ext", Shape.STRING, e -> e.getVideo().getVideoFormat(),
              (b, v) -> b.getVideoBuilder().setVideoFormat((String) v)),
          new Field("size", Shape.COUNT, e -> e.getVideo().getVideoSize(), (b, v) -> b.getVideoBuilder().setVideoSize((Long) v))),
          Set.of("url"), b -> b.getVideoBuilder()),
      new Kind(LOCATION, List.of(
          new Field("title", Shape.STRING, e -> e.getLocation().getDesc(), (b, v) -> b.getLocationBuilder().setDesc((String) v)),
          new Field("lng", Shape.DEGREES, e -> e.getLocation().getLongitude(),
              (b, v) -> b.getLocationBuilder().setLongitude((Double) v)),
          new Field("lat", Shape.DEGREES, e -> e.getLocation().getLatitude(),
              (b, v) -> b.getLocationBuilder().setLatitude((Double) v))),
          Set.of("lat", "lng"), b -> b.getLocationBuilder()),
      new Kind(FILE, List.of(
          new Field("name", Shape.STRING, e -> e.getFile().getName(), (b, v) -> b.getFileBuilder().setName((String) v)),
          new Field("url", Shape.STRING, e -> e.getFile().getUrl(), (b, v) -> b.getFileBuilder().setUrl((String) v)),
          new Field("size", Shape.COUNT, e -> e.getFile().getSize(), (b, v) -> b.getFileBuilder().setSize((Long) v))),
          Set.of("url"), b -> b.getFileBuilder()));

  private NeteaseElements() {}

  /**
   * A message's content as an element.
   *
   * @param body the body's JSON text, as {@code msg/sendMsg.action} takes it
   * @throws NeteaseBodyException naming {@code body} or the body field that is not JSON, missing or of the wrong type
   */
  public static Element fromBody(int type, String body) throws NeteaseBodyException {
    JsonNode node;
    try {
      node = body == null ? null : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new NeteaseBodyException("body", "is not JSON: " + e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new NeteaseBodyException("body", "is empty; it is a JSON string");
    }
    Kind kind = kind(type);
    if (kind == null) {
      Element.Builder custom = Element.newBuilder().setCustom(CustomElement.newBuilder().setData(body));
      if (type != CUSTOM) {
        custom.setVendorJson(NODES.objectNode().put(V_TYPE, type).toString());
      }
      return custom.build();
    }
    if (!node.isObject()) {
      throw new NeteaseBodyException("body", "must be a JSON object for type " + type);
    }
    Element.Builder element = Element.newBuilder();
    kind.start().accept(element);
    for (Field f : kind.fields()) {
      JsonNode value = node.get(f.json());
      boolean given = value != null && !value.isNull();
      if (given) {
        f.set().accept(element, read(f, value));
      }
      if (kind.required().contains(f.json()) && (!given || value.isTextual() && value.asText().isEmpty())) {
        throw new NeteaseBodyException("body." + f.json(), "is required for type " + type);
      }
    }
    ObjectNode vendor = leftovers(kind, node, generated(kind, element.build()));
    if (type == TIP) {
      vendor.put(V_TYPE, TIP);
    }
    if (!vendor.isEmpty()) {
      element.setVendorJson(vendor.toString());
    }
    return element.build();
  }

  /** An element as a NetEase message content: the body that {@link #fromBody} read it from, when it did. */
  public static NeteaseBody toBody(Element e) {
    ObjectNode vendor = vendorJson(e);
    switch (e.getKindCase()) {
      case CUSTOM -> {
        int type = vendor.path(V_TYPE).isInt() ? vendor.get(V_TYPE).asInt() : CUSTOM;
        return new NeteaseBody(type, customBody(e.getCustom()));
      }
      case FACE -> {
        ObjectNode face = NODES.objectNode().put("parley", "face").put("index", e.getFace().getIndex())
            .put("data", e.getFace().getData());
        return new NeteaseBody(CUSTOM, face.toString());
      }
      case KIND_NOT_SET -> throw new IllegalArgumentException("an element without a kind has no NetEase form");
      default -> {
        Kind kind = kind(kindOf(e, vendor));
        ObjectNode body = generated(kind, e);
        vendor.path(V_BODY).fields().forEachRemaining(f -> body.set(f.getKey(), f.getValue()));
        vendor.path(V_ABSENT).forEach(name -> body.remove(name.asText()));
        return new NeteaseBody(kind.type(), body.toString());
      }
    }
  }

  /** JSON equality where numbers compare by value but a whole number and a fraction differ (30 and 30.0). */
  static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals((x, y) -> {
      if (x.isNumber() && y.isNumber()) {
        return x.isIntegralNumber() == y.isIntegralNumber() && x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
      }
      return x.equals(y) ? 0 : 1;
    }, b);
  }

  private static int kindOf(Element e, ObjectNode vendor) {
    return switch (e.getKindCase()) {
      case TEXT -> vendor.path(V_TYPE).asInt(TEXT) == TIP ? TIP : TEXT;
      case IMAGE -> IMAGE;
      case SOUND -> VOICE;
      case VIDEO -> VIDEO;
      case LOCATION -> LOCATION;
      case FILE -> FILE;
      default -> throw new IllegalArgumentException("not a tabled kind: " + e.getKindCase());
    };
  }

  /** A custom element's body: its data when that is JSON and nothing else is set, else its fields as an object. */
  private static String customBody(CustomElement c) {
    if (c.getDesc().isEmpty() && c.getExt().isEmpty() && c.getSound().isEmpty() && isJson(c.getData())) {
      return c.getData();
    }
    ObjectNode body = NODES.objectNode().put("data", c.getData());
    if (!c.getDesc().isEmpty()) {
      body.put("desc", c.getDesc());
    }
    if (!c.getExt().isEmpty()) {
      body.put("ext", c.getExt());
    }
    if (!c.getSound().isEmpty()) {
      body.put("sound", c.getSound());
    }
    return body.toString();
  }

  private static boolean isJson(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      return n != null && !n.isMissingNode();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static Kind kind(int type) {
    for (Kind k : KINDS) {
      if (k.type() == type) {
        return k;
      }
    }
    return null;
  }

  private static ObjectNode vendorJson(Element e) {
    if (e.getVendorJson().isEmpty()) {
      return NODES.objectNode();
    }
    try {
      JsonNode n = JSON.readTree(e.getVendorJson());
      return n != null && n.isObject() ? (ObjectNode) n : NODES.objectNode();
    } catch (JsonProcessingException bad) {
      // validated on the way in (ElementRules); an element stored before cannot be malformed
      throw new IllegalStateException("vendor_json is not JSON", bad);
    }
  }

  /** The body the table makes from the element alone: every field, defaults included. */
  private static ObjectNode generated(Kind kind, Element e) {
    ObjectNode body = NODES.objectNode();
    for (Field f : kind.fields()) {
      body.set(f.json(), write(f, f.get().apply(e)));
    }
    return body;
  }

  /** What of the original the generated body does not reproduce: changed or unknown fields, absent ones. */
  private static ObjectNode leftovers(Kind kind, JsonNode original, ObjectNode generated) {
    ObjectNode vendor = NODES.objectNode();
    ObjectNode body = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode mine = generated.get(f.getKey());
      if (mine == null || !sameJson(mine, f.getValue())) {
        body.set(f.getKey(), f.getValue());
      }
    }
    ArrayNode absent = NODES.arrayNode();
    kind.fields().stream().map(Field::json).filter(name -> !original.has(name)).forEach(absent::add);
    if (!body.isEmpty()) {
      vendor.set(V_BODY, body);
    }
    if (!absent.isEmpty()) {
      vendor.set(V_ABSENT, absent);
    }
    return vendor;
  }

  private static Object read(Field f, JsonNode v) throws NeteaseBodyException {
    String at = "body." + f.json();
    return switch (f.shape()) {
      case STRING -> {
        if (!v.isTextual()) {
          throw new NeteaseBodyException(at, "must be a string");
        }
        yield v.asText();
      }
      case COUNT -> wholeNumber(v, at, Long.MAX_VALUE).longValue();
      case PIXELS -> wholeNumber(v, at, UINT32).intValue();
      case MILLIS -> (int) Math.min((wholeNumber(v, at, Long.MAX_VALUE).longValue() + 500) / 1000, UINT32);
      case DEGREES -> {
        if (!v.isNumber()) {
          throw new NeteaseBodyException(at, "must be a number");
        }
        yield v.asDouble();
      }
    };
  }

  private static BigInteger wholeNumber(JsonNode v, String at, long max) throws NeteaseBodyException {
    if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0
        || v.bigIntegerValue().compareTo(BigInteger.valueOf(max)) > 0) {
      throw new NeteaseBodyException(at, "must be a whole number from 0 to " + max);
    }
    return v.bigIntegerValue();
  }

  private static JsonNode write(Field f, Object v) {
    return switch (f.shape()) {
      case STRING -> NODES.textNode((String) v);
      case COUNT -> (Long) v >= 0 ? NODES.numberNode((Long) v)
          : NODES.numberNode(new BigInteger(Long.toUnsignedString((Long) v)));
      case PIXELS -> NODES.numberNode(Integer.toUnsignedLong((Integer) v));
      case MILLIS -> NODES.numberNode(Integer.toUnsignedLong((Integer) v) * 1000);
      case DEGREES -> NODES.numberNode((Double) v);
    };
  }

  private static ImageSize size0(Element e) {
    return e.getImage().getSizesCount() > 0 ? e.getImage().getSizes(0) : ImageSize.getDefaultInstance();
  }

  private static ImageSize.Builder size0(Element.Builder b) {
    return b.getImageBuilder().getSizesBuilder(0);
  }
}
