package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.FaceElement;
import io.parley.protocol.v1.FileElement;
import io.parley.protocol.v1.ImageElement;
import io.parley.protocol.v1.ImageSize;
import io.parley.protocol.v1.LocationElement;
import io.parley.protocol.v1.SoundElement;
import io.parley.protocol.v1.TextElement;
import io.parley.protocol.v1.VideoElement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The Rongcloud message types that have a core element, each a table of content fields to element fields (field
 * names of the vendor's SDK, {@code io.rong.messages}): what {@link #read} fills from a content object and what
 * {@link #write} makes from an element. Content fields outside the table are the caller's to keep.
 */
enum RongcloudKind {
  TEXT("RC:TxtMsg", Element.KindCase.TEXT, List.of("content")) {
    @Override
    void read(Fields c, Element.Builder e) throws Mismatch {
      e.setText(TextElement.newBuilder().setText(c.text("content")));
    }

    @Override
    void write(Element e, ObjectNode c) {
      c.put("content", e.getText().getText());
    }
  },
  /** {@code imageUri} is the original picture; {@code content} (a base64 thumbnail) has no core slot. */
  IMAGE("RC:ImgMsg", Element.KindCase.IMAGE, List.of("imageUri")) {
    @Override
    void read(Fields c, Element.Builder e) throws Mismatch {
      e.setImage(ImageElement.newBuilder().addSizes(ImageSize.newBuilder().setType(1).setUrl(c.text("imageUri"))));
    }

    @Override
    void write(Element e, ObjectNode c) {
      c.put("imageUri", e.getImage().getSizesCount() == 0 ? "" : e.getImage().getSizes(0).getUrl());
    }
  },
  /** The high-quality voice message: a URL and seconds ({@code RC:VcMsg} carries the audio inline: no core slot). */
  SOUND("RC:HQVCMsg", Element.KindCase.SOUND, List.of("remoteUrl", "duration")) {
    @Override
    void read(Fields c, Element.Builder e) throws Mismatch {
      e.setSound(SoundElement.newBuilder().setUrl(c.text("remoteUrl")).setSeconds(c.u32("duration")));
    }

    @Override
    void write(Element e, ObjectNode c) {
      c.put("remoteUrl", e.getSound().getUrl());
      c.put("duration", Integer.toUnsignedLong(e.getSound().getSeconds()));
    }
  },
  /** The short video; its {@code name} and base64 thumbnail {@code content} have no core slot. */
  VIDEO("RC:SightMsg", Element.KindCase.VIDEO, List.of("sightUrl", "duration", "size")) {
    @Override
    void read(Fields c, Element.Builder e) throws Mismatch {
      e.setVideo(VideoElement.newBuilder().setVideoUrl(c.text("sightUrl")).setVideoSeconds(c.u32("duration"))
          .setVideoSize(c.u63("size")));
    }

    @Override
    void write(Element e, ObjectNode c) {
      c.put("sightUrl", e.getVideo().getVideoUrl());
      c.put("duration", Integer.toUnsignedLong(e.getVideo().getVideoSeconds()));
      c.put("size", e.getVideo().getVideoSize());
    }
  },
  /** A file; the docs' {@code type} (extension) has no core slot. */
  FILE("RC:FileMsg", Element.KindCase.FILE, List.of("name", "size", "fileUrl")) {
    @Override
    void read(Fields c, Element.Builder e) throws Mismatch {
      e.setFile(FileElement.newBuilder().setName(c.text("name")).setSize(c.u63("size")).setUrl(c.text("fileUrl")));
    }

    @Override
    void write(Element e, ObjectNode c) {
      c.put("name", e.getFile().getName());
      c.put("size", e.getFile().getSize());
      c.put("fileUrl", e.getFile().getUrl());
    }
  },
  /** A place: {@code poi} is its name; the base64 map thumbnail {@code content} has no core slot. */
  LOCATION("RC:LBSMsg", Element.KindCase.LOCATION, List.of("latitude", "longitude", "poi")) {
    @Override
    void read(Fields c, Element.Builder e) throws Mismatch {
      e.setLocation(LocationElement.newBuilder().setLatitude(c.number("latitude")).setLongitude(c.number("longitude"))
          .setDesc(c.text("poi")));
    }

    @Override
    void write(Element e, ObjectNode c) {
      c.put("latitude", e.getLocation().getLatitude());
      c.put("longitude", e.getLocation().getLongitude());
      c.put("poi", e.getLocation().getDesc());
    }
  },
  /** Rongcloud has no face message: a core face element travels as this Parley type, and comes back from it. */
  FACE("Parley:FaceMsg", Element.KindCase.FACE, List.of("index", "data")) {
    @Override
    void read(Fields c, Element.Builder e) throws Mismatch {
      e.setFace(FaceElement.newBuilder().setIndex(c.i32("index")).setData(c.text("data")));
    }

    @Override
    void write(Element e, ObjectNode c) {
      c.put("index", e.getFace().getIndex());
      c.put("data", e.getFace().getData());
    }
  };

  final String objectName;
  final Element.KindCase kindCase;
  /** The content fields the table fills, in the order {@link #write} writes them. */
  final List<String> fields;

  RongcloudKind(String objectName, Element.KindCase kindCase, List<String> fields) {
    this.objectName = objectName;
    this.kindCase = kindCase;
    this.fields = fields;
  }

  /** Fills the element's kind from the content. @throws Mismatch when a table field has a value of another type */
  abstract void read(Fields content, Element.Builder element) throws Mismatch;

  /** Writes every table field of the element's kind, defaults included. */
  abstract void write(Element element, ObjectNode content);

  static Optional<RongcloudKind> byObjectName(String objectName) {
    for (RongcloudKind k : values()) {
      if (k.objectName.equals(objectName)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  static Optional<RongcloudKind> byKind(Element.KindCase kindCase) {
    for (RongcloudKind k : values()) {
      if (k.kindCase == kindCase) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** A table field's value does not fit its core slot: the message is kept verbatim instead. */
  static final class Mismatch extends Exception {
    Mismatch(String field) {
      super(field, null, false, false);
    }
  }

  /** Typed reads of a content object: an absent or null field is the slot's default. */
  record Fields(JsonNode content) {
    String text(String name) throws Mismatch {
      JsonNode v = present(name);
      if (v == null) {
        return "";
      }
      if (!v.isTextual()) {
        throw new Mismatch(name);
      }
      return v.asText();
    }

    int u32(String name) throws Mismatch {
      return (int) whole(name, 0, 0xFFFF_FFFFL);
    }

    int i32(String name) throws Mismatch {
      return (int) whole(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    long u63(String name) throws Mismatch {
      return whole(name, 0, Long.MAX_VALUE);
    }

    double number(String name) throws Mismatch {
      JsonNode v = present(name);
      if (v == null) {
        return 0;
      }
      if (!v.isNumber()) {
        throw new Mismatch(name);
      }
      return v.doubleValue();
    }

    /** A number of integral value (5 and 5.0) within [min, max]. */
    private long whole(String name, long min, long max) throws Mismatch {
      JsonNode v = present(name);
      if (v == null) {
        return 0;
      }
      if (!v.isNumber()) {
        throw new Mismatch(name);
      }
      BigDecimal d = v.decimalValue();
      BigInteger i;
      try {
        i = d.toBigIntegerExact();
      } catch (ArithmeticException fraction) {
        throw new Mismatch(name);
      }
      if (i.compareTo(BigInteger.valueOf(min)) < 0 || i.compareTo(BigInteger.valueOf(max)) > 0) {
        throw new Mismatch(name);
      }
      return i.longValue();
    }

    private JsonNode present(String name) {
      JsonNode v = content.get(name);
      return v == null || v.isNull() ? null : v;
    }
  }
}
