package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.CustomElement;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.FileElement;
import io.parley.protocol.v1.ImageElement;
import io.parley.protocol.v1.ImageSize;
import io.parley.protocol.v1.LocationElement;
import io.parley.protocol.v1.SoundElement;
import io.parley.protocol.v1.TextElement;
import io.parley.protocol.v1.VideoElement;

/**
 * The msgType table: which core element each of Yuntongxun's message types is, and which of its fields (all strings)
 * carry which element field. The numbers are the vendor SDKs' ({@code 1} text, {@code 2} voice, {@code 3} video,
 * {@code 4} image, {@code 5} location, {@code 6} file, {@code 7} file sent uncompressed, {@code 11} text with
 * @-mentions); any other number is an app-defined (custom) message, {@code msgContent} its data. Writing, a field
 * with an empty or zero value is left out; Parley writes a custom element as {@value #CUSTOM}.
 */
final class YuntongxunKinds {
  static final String TEXT = "1";
  static final String VOICE = "2";
  static final String VIDEO = "3";
  static final String IMAGE = "4";
  static final String LOCATION = "5";
  static final String FILE = "6";
  static final String FILE_UNCOMPRESSED = "7";
  static final String TEXT_MENTIONS = "11";
  /** What Parley writes for a custom element: the SDKs' "unknown type", which their clients show as text. */
  static final String CUSTOM = "0";

  static final String MSG_TYPE = "msgType";
  static final String CONTENT = "msgContent";
  static final String FILE_URL = "msgFileUrl";
  static final String FILE_SIZE = "msgFileSize";
  static final String FILE_NAME = "msgFileName";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YuntongxunKinds() {}

  /** The element the table makes of a message object of this msgType. */
  static Element parse(String msgType, JsonNode m, String at) throws YuntongxunBodyException {
    Element.Builder e = Element.newBuilder();
    switch (msgType) {
      case TEXT, TEXT_MENTIONS -> e.setText(TextElement.newBuilder().setText(text(m, CONTENT, at)));
      case VOICE -> e.setSound(SoundElement.newBuilder().setUrl(text(m, FILE_URL, at)).setSize(size(m, at)));
      case VIDEO -> e.setVideo(VideoElement.newBuilder().setVideoUrl(text(m, FILE_URL, at)).setVideoSize(size(m, at)));
      case IMAGE -> {
        ImageElement.Builder image = ImageElement.newBuilder();
        String url = text(m, FILE_URL, at);
        long size = size(m, at);
        if (!url.isEmpty() || size != 0) {
          image.addSizes(ImageSize.newBuilder().setType(1).setUrl(url).setSize(size));
        }
        e.setImage(image);
      }
      case LOCATION -> e.setLocation(location(m, at));
      case FILE, FILE_UNCOMPRESSED -> e.setFile(FileElement.newBuilder().setUrl(text(m, FILE_URL, at))
          .setSize(size(m, at)).setName(text(m, FILE_NAME, at)));
      default -> e.setCustom(CustomElement.newBuilder().setData(text(m, CONTENT, at)));
    }
    return e.build();
  }

  /** The message object the table writes for an element (without vendor_json); a face is written as custom. */
  static ObjectNode write(Element e) {
    ObjectNode m = NODES.objectNode();
    switch (e.getKindCase()) {
      case TEXT -> put(m, TEXT, CONTENT, e.getText().getText());
      case SOUND -> put(put(m, VOICE, FILE_URL, e.getSound().getUrl()), FILE_SIZE, e.getSound().getSize());
      case VIDEO -> put(put(m, VIDEO, FILE_URL, e.getVideo().getVideoUrl()), FILE_SIZE, e.getVideo().getVideoSize());
      case IMAGE -> {
        ImageSize first = e.getImage().getSizesCount() == 0 ? ImageSize.getDefaultInstance() : e.getImage().getSizes(0);
        put(put(m, IMAGE, FILE_URL, first.getUrl()), FILE_SIZE, first.getSize());
      }
      case LOCATION -> {
        ObjectNode where = NODES.objectNode();
        where.put("lat", Double.toString(e.getLocation().getLatitude()));
        where.put("lon", Double.toString(e.getLocation().getLongitude()));
        where.put("title", e.getLocation().getDesc());
        put(m, LOCATION, CONTENT, where.toString());
      }
      case FILE -> put(put(put(m, FILE, FILE_URL, e.getFile().getUrl()), FILE_SIZE, e.getFile().getSize()), FILE_NAME,
          e.getFile().getName());
      case CUSTOM -> put(m, CUSTOM, CONTENT, e.getCustom().getData());
      case FACE -> put(m, CUSTOM, CONTENT, e.getFace().getData());
      case KIND_NOT_SET -> m.put(MSG_TYPE, CUSTOM);
    }
    return m;
  }

  private static ObjectNode put(ObjectNode m, String msgType, String field, String value) {
    m.put(MSG_TYPE, msgType);
    if (!value.isEmpty()) {
      m.put(field, value);
    }
    return m;
  }

  private static ObjectNode put(ObjectNode m, String field, long unsignedValue) {
    if (unsignedValue != 0) {
      m.put(field, Long.toUnsignedString(unsignedValue));
    }
    return m;
  }

  private static ObjectNode put(ObjectNode m, String field, String value) {
    if (!value.isEmpty()) {
      m.put(field, value);
    }
    return m;
  }

  /** A string field; absent or null reads as empty. */
  static String text(JsonNode m, String field, String at) throws YuntongxunBodyException {
    JsonNode v = m.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new YuntongxunBodyException(at + field, "must be a string");
    }
    return v.textValue();
  }

  /** {@code msgFileSize}: a whole number of bytes, as a string of digits (or a JSON number); absent or "" is 0. */
  private static long size(JsonNode m, String at) throws YuntongxunBodyException {
    JsonNode v = m.get(FILE_SIZE);
    if (v == null || v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
      return 0;
    }
    String digits = v.isTextual() ? v.textValue() : v.isIntegralNumber() ? v.bigIntegerValue().toString() : "-";
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new YuntongxunBodyException(at + FILE_SIZE, "must be a whole number of bytes, written as a string of digits");
    }
    try {
      return Long.parseUnsignedLong(digits);
    } catch (NumberFormatException e) {
      throw new YuntongxunBodyException(at + FILE_SIZE, "is larger than 18446744073709551615");
    }
  }

  /** {@code msgContent} of a location: the JSON text of {@code {"lat", "lon", "title"}}, numbers as strings or not. */
  private static LocationElement location(JsonNode m, String at) throws YuntongxunBodyException {
    String content = text(m, CONTENT, at);
    JsonNode where;
    try {
      where = JSON.readTree(content);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      where = null;
    }
    if (where == null || !where.isObject()) {
      throw new YuntongxunBodyException(at + CONTENT, "of a location (msgType 5) must be the JSON text of "
          + "{\"lat\": ..., \"lon\": ..., \"title\": ...}");
    }
    return LocationElement.newBuilder().setLatitude(coordinate(where, "lat", at)).setLongitude(coordinate(where, "lon", at))
        .setDesc(text(where, "title", at + CONTENT + ".")).build();
  }

  private static double coordinate(JsonNode where, String name, String at) throws YuntongxunBodyException {
    JsonNode v = where.get(name);
    String field = at + CONTENT + "." + name;
    if (v == null || !(v.isTextual() || v.isNumber())) {
      throw new YuntongxunBodyException(field, "is required: a number, or a string of one");
    }
    try {
      return v.isNumber() ? v.doubleValue() : Double.parseDouble(v.textValue());
    } catch (NumberFormatException e) {
      throw new YuntongxunBodyException(field, "must be a number, not \"" + v.textValue() + "\"");
    }
  }
}
