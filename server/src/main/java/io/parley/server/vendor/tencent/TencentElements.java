package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.ImageSize;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tencent's {@code MsgBody} ({@code [{MsgType, MsgContent}]}, the eight {@code TIM*Elem} types with the field names
 * of tencent.md §3 and the doocs SDK) to core elements and back, without loss. Each type is a table of JSON field to
 * element field. Whatever of a {@code MsgContent} the table cannot reproduce exactly (unknown fields, nulls, a field
 * that was absent — listed under {@value #ABSENT}) is kept in {@code Element.vendor_json} and put back in place.
 */
public final class TencentElements {
  /** The vendor_json key listing table fields the original MsgContent did not have. */
  static final String ABSENT = "__absent";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One TIM*Elem type: its element kind (the Element field) and its JSON-to-element-field table. */
  private record Kind(String msgType, String elementField, Map<String, String> fields) {}

  private static final Map<String, String> IMAGE_SIZE = table("Type", "type", "Size", "size", "Width", "width",
      "Height", "height", "URL", "url");
  private static final List<Kind> KINDS = List.of(
      new Kind("TIMTextElem", "text", table("Text", "text")),
      new Kind("TIMFaceElem", "face", table("Index", "index", "Data", "data")),
      new Kind("TIMLocationElem", "location", table("Desc", "desc", "Latitude", "latitude", "Longitude", "longitude")),
      new Kind("TIMCustomElem", "custom", table("Data", "data", "Desc", "desc", "Ext", "ext", "Sound", "sound")),
      new Kind("TIMSoundElem", "sound", table("Url", "url", "UUID", "uuid", "Size", "size", "Second", "seconds",
          "Download_Flag", "download_flag")),
      new Kind("TIMImageElem", "image", table("UUID", "uuid", "ImageFormat", "format", "ImageInfoArray", "sizes")),
      new Kind("TIMFileElem", "file", table("Url", "url", "UUID", "uuid", "FileSize", "size", "FileName", "name",
          "Download_Flag", "download_flag")),
      new Kind("TIMVideoFileElem", "video", table("VideoUrl", "video_url", "VideoUUID", "video_uuid", "VideoSize",
          "video_size", "VideoSecond", "video_seconds", "VideoFormat", "video_format", "VideoDownloadFlag",
          "video_download_flag", "ThumbUrl", "thumb_url", "ThumbUUID", "thumb_uuid", "ThumbSize", "thumb_size",
          "ThumbWidth", "thumb_width", "ThumbHeight", "thumb_height", "ThumbFormat", "thumb_format",
          "ThumbDownloadFlag", "thumb_download_flag")));

  private TencentElements() {}

  /** A MsgBody array to elements. @throws MsgBodyException naming the field that is missing or of the wrong type */
  public static List<Element> fromMsgBody(JsonNode msgBody) throws MsgBodyException {
    if (msgBody == null || !msgBody.isArray()) {
      throw new MsgBodyException("MsgBody", "must be an array of {MsgType, MsgContent}");
    }
    List<Element> out = new ArrayList<>(msgBody.size());
    for (int i = 0; i < msgBody.size(); i++) {
      out.add(fromTim(msgBody.get(i), "MsgBody[" + i + "]"));
    }
    return out;
  }

  /** Elements to a MsgBody array. */
  public static ArrayNode toMsgBody(List<Element> elements) {
    ArrayNode body = NODES.arrayNode();
    for (Element e : elements) {
      body.add(toTim(e));
    }
    return body;
  }

  static Element fromTim(JsonNode tim, String at) throws MsgBodyException {
    if (tim == null || !tim.isObject()) {
      throw new MsgBodyException(at, "must be an object {MsgType, MsgContent}");
    }
    JsonNode type = tim.get("MsgType");
    if (type == null || !type.isTextual()) {
      throw new MsgBodyException(at + ".MsgType", "is required and must be a string");
    }
    Kind kind = KINDS.stream().filter(k -> k.msgType.equals(type.asText())).findFirst()
        .orElseThrow(() -> new MsgBodyException(at + ".MsgType", "\"" + type.asText() + "\" is not a message element "
            + "type this server takes; use one of " + KINDS.stream().map(Kind::msgType).toList()));
    JsonNode content = tim.get("MsgContent");
    if (content == null || !content.isObject()) {
      throw new MsgBodyException(at + ".MsgContent", "is required and must be an object");
    }
    Element.Builder element = Element.newBuilder();
    FieldDescriptor kindField = Element.getDescriptor().findFieldByName(kind.elementField);
    Message.Builder neutral = element.getFieldBuilder(kindField);
    for (Map.Entry<String, String> f : kind.fields.entrySet()) {
      JsonNode value = content.get(f.getKey());
      if (value != null && !value.isNull()) {
        set(neutral, f.getValue(), value, at + ".MsgContent." + f.getKey());
      }
    }
    element.setField(kindField, neutral.build());
    ObjectNode leftovers = leftovers(kind, content, generated(kind, neutral.build()));
    if (!leftovers.isEmpty()) {
      element.setVendorJson(leftovers.toString());
    }
    return element.build();
  }

  static ObjectNode toTim(Element e) {
    Kind kind = KINDS.stream().filter(k -> k.elementField.equals(kindFieldName(e))).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("an element without a kind has no Tencent form"));
    ObjectNode content = generated(kind, (Message) e.getField(Element.getDescriptor().findFieldByName(kind.elementField)));
    if (!e.getVendorJson().isEmpty()) {
      try {
        JsonNode extra = JSON.readTree(e.getVendorJson());
        for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> x = it.next();
          if (x.getKey().equals(ABSENT)) {
            x.getValue().forEach(name -> content.remove(name.asText()));
          } else {
            content.set(x.getKey(), x.getValue());
          }
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException bad) {
        // validated on the way in (ElementRules); an element stored before cannot be malformed
        throw new IllegalStateException("vendor_json is not JSON", bad);
      }
    }
    ObjectNode tim = NODES.objectNode();
    tim.put("MsgType", kind.msgType);
    tim.set("MsgContent", content);
    return tim;
  }

  private static String kindFieldName(Element e) {
    return switch (e.getKindCase()) {
      case KIND_NOT_SET -> "";
      default -> e.getKindCase().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** The MsgContent the table makes from the neutral fields alone: every field, defaults included. */
  private static ObjectNode generated(Kind kind, Message neutral) {
    ObjectNode content = NODES.objectNode();
    for (Map.Entry<String, String> f : kind.fields.entrySet()) {
      FieldDescriptor fd = neutral.getDescriptorForType().findFieldByName(f.getValue());
      if (fd.isRepeated()) { // ImageInfoArray
        ArrayNode sizes = content.putArray(f.getKey());
        for (int i = 0; i < neutral.getRepeatedFieldCount(fd); i++) {
          Message size = (Message) neutral.getRepeatedField(fd, i);
          ObjectNode s = sizes.addObject();
          IMAGE_SIZE.forEach((json, proto) -> s.set(json, node(size, size.getDescriptorForType().findFieldByName(proto))));
        }
      } else {
        content.set(f.getKey(), node(neutral, fd));
      }
    }
    return content;
  }

  /** What of the original the generated content does not reproduce: changed or unknown fields, absent ones. */
  private static ObjectNode leftovers(Kind kind, JsonNode original, ObjectNode generated) {
    ObjectNode left = NODES.objectNode();
    ArrayNode absent = NODES.arrayNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode mine = generated.get(f.getKey());
      if (mine == null || !sameJson(mine, f.getValue())) {
        left.set(f.getKey(), f.getValue());
      }
    }
    for (String field : kind.fields.keySet()) {
      if (!original.has(field)) {
        absent.add(field);
      }
    }
    if (!absent.isEmpty()) {
      left.set(ABSENT, absent);
    }
    return left;
  }

  private static void set(Message.Builder b, String protoField, JsonNode value, String at) throws MsgBodyException {
    FieldDescriptor fd = b.getDescriptorForType().findFieldByName(protoField);
    if (fd.isRepeated()) {
      if (!value.isArray()) {
        throw new MsgBodyException(at, "must be an array");
      }
      for (int i = 0; i < value.size(); i++) {
        JsonNode size = value.get(i);
        if (!size.isObject()) {
          throw new MsgBodyException(at + "[" + i + "]", "must be an object");
        }
        ImageSize.Builder s = ImageSize.newBuilder();
        for (Map.Entry<String, String> f : IMAGE_SIZE.entrySet()) {
          JsonNode v = size.get(f.getKey());
          if (v != null && !v.isNull()) {
            set(s, f.getValue(), v, at + "[" + i + "]." + f.getKey());
          }
        }
        b.addRepeatedField(fd, s.build());
      }
      return;
    }
    switch (fd.getJavaType()) {
      case STRING -> {
        if (!value.isTextual()) {
          throw new MsgBodyException(at, "must be a string");
        }
        b.setField(fd, value.asText());
      }
      case INT -> {
        boolean unsigned = fd.getType() == FieldDescriptor.Type.UINT32;
        if (!value.isIntegralNumber() || !fits(value, unsigned ? 0 : Integer.MIN_VALUE, unsigned ? 0xFFFF_FFFFL : Integer.MAX_VALUE)) {
          throw new MsgBodyException(at, "must be a whole number" + (unsigned ? " from 0 to 4294967295" : ""));
        }
        b.setField(fd, (int) value.asLong());
      }
      case LONG -> {
        if (!value.isIntegralNumber() || value.bigIntegerValue().signum() < 0 || value.bigIntegerValue().bitLength() > 64) {
          throw new MsgBodyException(at, "must be a whole number of at least 0");
        }
        b.setField(fd, value.bigIntegerValue().longValue());
      }
      case DOUBLE -> {
        if (!value.isNumber()) {
          throw new MsgBodyException(at, "must be a number");
        }
        b.setField(fd, value.asDouble());
      }
      default -> throw new IllegalStateException("no JSON form for " + fd);
    }
  }

  private static boolean fits(JsonNode value, long min, long max) {
    BigInteger v = value.bigIntegerValue();
    return v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0;
  }

  private static JsonNode node(Message m, FieldDescriptor fd) {
    Object v = m.getField(fd);
    return switch (fd.getType()) {
      case STRING -> NODES.textNode((String) v);
      case UINT32 -> NODES.numberNode(Integer.toUnsignedLong((Integer) v));
      case INT32 -> NODES.numberNode((Integer) v);
      case UINT64 -> (Long) v >= 0 ? NODES.numberNode((Long) v) : NODES.numberNode(new BigInteger(Long.toUnsignedString((Long) v)));
      case DOUBLE -> NODES.numberNode((Double) v);
      default -> throw new IllegalStateException("no JSON form for " + fd);
    };
  }

  /** JSON equality where numbers compare by value (1 and 1.0, int and long nodes). */
  static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals((x, y) -> {
      if (x.isNumber() && y.isNumber()) {
        return x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
      }
      return x.equals(y) ? 0 : 1;
    }, b);
  }

  private static Map<String, String> table(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
