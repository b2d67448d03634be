package io.parley.client;

import io.parley.protocol.v1.CustomElement;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.FaceElement;
import io.parley.protocol.v1.FileElement;
import io.parley.protocol.v1.ImageElement;
import io.parley.protocol.v1.ImageSize;
import io.parley.protocol.v1.LocationElement;
import io.parley.protocol.v1.SoundElement;
import io.parley.protocol.v1.TextElement;

/**
 * Builds the elements of a message body for {@link ParleyClient#send(String, Element...)}: the common kinds in one
 * call each; any other combination of fields through {@link Element#newBuilder()}. Media are URLs the app uploaded.
 */
public final class Elements {
  private Elements() {}

  public static Element text(String text) {
    return Element.newBuilder().setText(TextElement.newBuilder().setText(text)).build();
  }

  public static Element face(int index, String data) {
    return Element.newBuilder().setFace(FaceElement.newBuilder().setIndex(index).setData(data)).build();
  }

  /** A picture at one size (type 1, original). */
  public static Element image(String url, int width, int height, long sizeBytes) {
    return Element.newBuilder().setImage(ImageElement.newBuilder().addSizes(ImageSize.newBuilder().setType(1)
        .setUrl(url).setWidth(width).setHeight(height).setSize(sizeBytes))).build();
  }

  public static Element sound(String url, int seconds, long sizeBytes) {
    return Element.newBuilder().setSound(SoundElement.newBuilder().setUrl(url).setSeconds(seconds).setSize(sizeBytes))
        .build();
  }

  public static Element file(String url, String name, long sizeBytes) {
    return Element.newBuilder().setFile(FileElement.newBuilder().setUrl(url).setName(name).setSize(sizeBytes)).build();
  }

  public static Element location(String desc, double latitude, double longitude) {
    return Element.newBuilder().setLocation(LocationElement.newBuilder().setDesc(desc).setLatitude(latitude)
        .setLongitude(longitude)).build();
  }

  public static Element custom(String data, String desc, String ext) {
    return Element.newBuilder().setCustom(CustomElement.newBuilder().setData(data).setDesc(desc).setExt(ext)).build();
  }
}
