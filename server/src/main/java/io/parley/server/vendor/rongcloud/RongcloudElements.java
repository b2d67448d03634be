package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.CustomElement;
import io.parley.protocol.v1.Element;
import io.parley.server.messaging.ElementRules;
import io.parley.server.messaging.SendRefused;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Rongcloud message ({@code objectName} + {@code content} JSON) to one core element and back, without loss.
 *
 * <p>The types of {@link RongcloudKind} become their core element; every content field the table cannot reproduce
 * exactly (extra, user, mentionedInfo, a base64 thumbnail, a field that was absent — listed under {@value #ABSENT})
 * is kept in {@code Element.vendor_json} and put back in place. Any other type ({@code RC:VcMsg}, {@code RC:ImgTextMsg},
 * {@code RC:GIFMsg}, {@code App:…}), and a known type whose content the core element cannot hold (a field of another
 * type, a URL the core refuses), is a custom element: {@code desc} the objectName, {@code data} the content text
 * exactly as sent.
 */
public final class RongcloudElements {
  /** The vendor_json key listing table fields the original content did not have. */
  static final String ABSENT = "__parley_absent";
  /** The objectName a custom element without a {@code desc} is sent as. */
  static final String CUSTOM = "Parley:CustomMsg";

  private RongcloudElements() {}

  /**
   * The element of one Rongcloud message. @throws ContentException when the content is not one JSON value (the
   * vendor's content is a JSON string) or a known type's content is not a JSON object
   */
  public static Element fromVendor(String objectName, String content) throws ContentException {
    JsonNode node = RongcloudJson.read(content).orElseThrow(() -> new ContentException(
        "content must be JSON text (the message's content object as a string)"));
    Optional<RongcloudKind> kind = RongcloudKind.byObjectName(objectName);
    if (kind.isEmpty()) {
      return verbatim(objectName, content);
    }
    if (!node.isObject()) {
      throw new ContentException("content of a " + objectName + " message must be a JSON object, not "
          + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    if (node.has(ABSENT)) {
      return verbatim(objectName, content); // a field of our marker's name could not come back: keep all as is
    }
    Element.Builder element = Element.newBuilder();
    try {
      kind.get().read(new RongcloudKind.Fields(node), element);
    } catch (RongcloudKind.Mismatch m) {
      return verbatim(objectName, content);
    }
    ObjectNode leftovers = leftovers(kind.get(), (ObjectNode) node, generated(kind.get(), element.build()));
    if (!leftovers.isEmpty()) {
      element.setVendorJson(RongcloudJson.write(leftovers));
    }
    Element built = element.build();
    try {
      ElementRules.check(List.of(built));
    } catch (SendRefused notCore) {
      return verbatim(objectName, content);
    }
    return built;
  }

  /** The Rongcloud message of one element. */
  public static RongcloudMessage toVendor(Element e) {
    if (e.getKindCase() == Element.KindCase.CUSTOM) {
      CustomElement c = e.getCustom();
      return new RongcloudMessage(c.getDesc().isEmpty() ? CUSTOM : c.getDesc(),
          RongcloudJson.NODES.textNode(c.getData().isEmpty() ? "{}" : c.getData()));
    }
    RongcloudKind kind = RongcloudKind.byKind(e.getKindCase())
        .orElseThrow(() -> new IllegalArgumentException("an element without a kind has no Rongcloud form"));
    ObjectNode content = generated(kind, e);
    if (!e.getVendorJson().isEmpty()) {
      JsonNode extra = RongcloudJson.read(e.getVendorJson())
          .filter(JsonNode::isObject) // checked on the way in (ElementRules): a stored element cannot differ
          .orElseThrow(() -> new IllegalStateException("vendor_json is not a JSON object"));
      for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> x = it.next();
        if (x.getKey().equals(ABSENT)) {
          x.getValue().forEach(name -> content.remove(name.asText()));
        } else {
          content.set(x.getKey(), x.getValue());
        }
      }
    }
    return new RongcloudMessage(kind.objectName, content);
  }

  private static Element verbatim(String objectName, String content) {
    return Element.newBuilder().setCustom(CustomElement.newBuilder().setDesc(objectName).setData(content)).build();
  }

  private static ObjectNode generated(RongcloudKind kind, Element e) {
    ObjectNode content = RongcloudJson.object();
    kind.write(e, content);
    return content;
  }

  /**
   * What of the original the generated content does not reproduce: changed or unknown fields (by name, so that the
   * same content always gives the same element), then the absent ones.
   */
  private static ObjectNode leftovers(RongcloudKind kind, ObjectNode original, ObjectNode generated) {
    Map<String, JsonNode> changed = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode mine = generated.get(f.getKey());
      if (mine == null || !RongcloudJson.same(mine, f.getValue())) {
        changed.put(f.getKey(), f.getValue());
      }
    }
    ObjectNode left = RongcloudJson.object();
    changed.forEach(left::set);
    ArrayNode absent = RongcloudJson.NODES.arrayNode();
    kind.fields.stream().filter(f -> !original.has(f)).forEach(absent::add);
    if (!absent.isEmpty()) {
      left.set(ABSENT, absent);
    }
    return left;
  }
}
