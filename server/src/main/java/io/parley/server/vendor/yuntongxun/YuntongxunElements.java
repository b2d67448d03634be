package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.protocol.v1.Element;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Yuntongxun messages ({@code {"msgType": "1", "msgContent": "hi", "msgDomain": "…"}}, all values strings) to core
 * elements and back, without loss either way. A Yuntongxun message is one element; {@link YuntongxunKinds} maps its
 * fields. Everything else is kept:
 *
 * <ul>
 *   <li>fields of the message the table does not reproduce exactly ({@code msgDomain}, {@code msgFileName} of an image,
 *       a size written {@code "007"}, nulls) go to {@code Element.vendor_json} and back in place; table fields the
 *       original lacked are listed there under {@value #ABSENT};
 *   <li>an element the table cannot express in full (a face, a sound's seconds, an image's other sizes, a custom
 *       element's desc) gets the Parley field {@value #PARLEY_ELEMENT}: standard Base64 of the element's protobuf
 *       bytes, read back instead of the table fields;
 *   <li>a message of several elements is the first one's object with the Parley field {@value #PARLEY_MORE}: the
 *       JSON text of an array of the others' objects. vendor_json cannot set {@value #PARLEY_MORE}.
 * </ul>
 */
public final class YuntongxunElements {
  static final String ABSENT = "__absent";
  static final String PARLEY_ELEMENT = "parleyElement";
  static final String PARLEY_MORE = "parleyMore";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YuntongxunElements() {}

  /** Elements as one Yuntongxun message object; no elements make an empty object (no message has none). */
  public static ObjectNode toVendor(List<Element> elements) {
    if (elements.isEmpty()) {
      return NODES.objectNode();
    }
    ObjectNode first = toMessage(elements.get(0));
    if (elements.size() > 1) {
      ArrayNode more = NODES.arrayNode();
      elements.subList(1, elements.size()).forEach(e -> more.add(toMessage(e)));
      first.put(PARLEY_MORE, more.toString());
    }
    return first;
  }

  /** A Yuntongxun message object as elements. @throws YuntongxunBodyException naming the field at fault */
  public static List<Element> fromVendor(JsonNode body) throws YuntongxunBodyException {
    if (body == null || !body.isObject()) {
      throw new YuntongxunBodyException("the message", "must be a JSON object of its fields (msgType, msgContent, ...)");
    }
    ObjectNode first = body.deepCopy();
    JsonNode more = first.remove(PARLEY_MORE);
    List<Element> out = new ArrayList<>();
    out.add(fromMessage(first, ""));
    if (more != null && !more.isNull()) {
      JsonNode array = more;
      if (more.isTextual()) {
        try {
          array = JSON.readTree(more.textValue());
        } catch (JsonProcessingException e) {
          array = null;
        }
      }
      if (array == null || !array.isArray()) {
        throw new YuntongxunBodyException(PARLEY_MORE, "must be the JSON text of an array of message objects");
      }
      for (int i = 0; i < array.size(); i++) {
        out.add(fromMessage(array.get(i), PARLEY_MORE + "[" + i + "]."));
      }
    }
    return out;
  }

  /** One element as one message object: the table's fields, {@value #PARLEY_ELEMENT} if needed, then vendor_json. */
  static ObjectNode toMessage(Element e) {
    ObjectNode m = generated(e.toBuilder().clearVendorJson().build());
    if (!e.getVendorJson().isEmpty()) {
      JsonNode extra;
      try {
        extra = JSON.readTree(e.getVendorJson());
      } catch (JsonProcessingException bad) { // ElementRules refuses it before it is stored
        throw new IllegalArgumentException("vendor_json is not JSON", bad);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> x = it.next();
        if (x.getKey().equals(ABSENT)) {
          x.getValue().forEach(name -> m.remove(name.asText()));
        } else if (!x.getKey().equals(PARLEY_MORE)) {
          m.set(x.getKey(), x.getValue());
        }
      }
    }
    return m;
  }

  static Element fromMessage(JsonNode m, String at) throws YuntongxunBodyException {
    String where = at.isEmpty() ? "the message" : at.substring(0, at.length() - 1);
    if (m == null || !m.isObject()) {
      throw new YuntongxunBodyException(where, "must be an object of message fields");
    }
    if (m.has(PARLEY_MORE)) {
      throw new YuntongxunBodyException(at + PARLEY_MORE, "may only be a field of the outermost message");
    }
    JsonNode type = m.get(YuntongxunKinds.MSG_TYPE);
    if (type == null || !(type.isTextual() || type.isIntegralNumber())) {
      throw new YuntongxunBodyException(at + YuntongxunKinds.MSG_TYPE, "is required: the message type, a number as a string");
    }
    JsonNode packed = m.get(PARLEY_ELEMENT);
    Element element = packed == null || packed.isNull() ? YuntongxunKinds.parse(type.asText(), m, at) : unpack(packed, at);
    ObjectNode left = leftovers(m, generated(element));
    return left.isEmpty() ? element : element.toBuilder().setVendorJson(left.toString()).build();
  }

  /** The table's fields for an element without vendor_json, and {@value #PARLEY_ELEMENT} when they fall short. */
  private static ObjectNode generated(Element e) {
    ObjectNode m = YuntongxunKinds.write(e);
    try {
      if (YuntongxunKinds.parse(m.get(YuntongxunKinds.MSG_TYPE).asText(), m, "").equals(e)) {
        return m;
      }
    } catch (YuntongxunBodyException cannot) {
      throw new IllegalStateException("the table wrote what it cannot read: " + m, cannot);
    }
    m.put(PARLEY_ELEMENT, Base64.getEncoder().encodeToString(e.toByteArray()));
    return m;
  }

  private static Element unpack(JsonNode packed, String at) throws YuntongxunBodyException {
    String field = at + PARLEY_ELEMENT;
    if (!packed.isTextual()) {
      throw new YuntongxunBodyException(field, "must be a string");
    }
    Element e;
    try {
      e = Element.parseFrom(Base64.getDecoder().decode(packed.textValue()));
    } catch (IllegalArgumentException | InvalidProtocolBufferException bad) {
      throw new YuntongxunBodyException(field, "is not a Parley element (Base64 of its protobuf bytes)");
    }
    if (!e.getVendorJson().isEmpty()) {
      throw new YuntongxunBodyException(field, "must hold an element without vendor_json");
    }
    return e;
  }

  /** What of the original the generated object does not reproduce: changed or unknown fields, absent ones. */
  private static ObjectNode leftovers(JsonNode original, ObjectNode generated) {
    ObjectNode left = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode mine = generated.get(f.getKey());
      if (mine == null || !mine.equals(f.getValue())) {
        left.set(f.getKey(), f.getValue());
      }
    }
    ArrayNode absent = NODES.arrayNode();
    generated.fieldNames().forEachRemaining(name -> {
      if (!original.has(name)) {
        absent.add(name);
      }
    });
    if (!absent.isEmpty()) {
      left.set(ABSENT, absent);
    }
    return left;
  }
}
