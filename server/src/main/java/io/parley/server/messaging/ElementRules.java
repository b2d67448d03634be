package io.parley.server.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.ImageSize;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * What a message body's elements must satisfy before they are stored: a kind, its required fields, media URLs that
 * are http(s) and at most {@value #MAX_URL} characters, coordinates on the globe, at most {@value #MAX_ELEMENTS}
 * elements, vendor leftovers as a JSON object. Each refusal names the element by index and the field.
 */
public final class ElementRules {
  public static final int MAX_ELEMENTS = 32;
  public static final int MAX_URL = 2048;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ElementRules() {}

  /** @throws SendRefused with {@link ErrorCodes#INVALID_ELEMENT} naming the first problem */
  public static void check(List<Element> elements) throws SendRefused {
    if (elements.size() > MAX_ELEMENTS) {
      throw refused("a message has at most " + MAX_ELEMENTS + " elements, not " + elements.size());
    }
    for (int i = 0; i < elements.size(); i++) {
      check(i, elements.get(i));
    }
  }

  private static void check(int i, Element e) throws SendRefused {
    String at = "element " + i + " (" + e.getKindCase().name().toLowerCase(Locale.ROOT) + ")";
    switch (e.getKindCase()) {
      case TEXT -> {
        if (e.getText().getText().isEmpty()) {
          throw refused(at + ": text must not be empty");
        }
      }
      case IMAGE -> {
        if (e.getImage().getSizesCount() == 0) {
          throw refused(at + ": sizes must list at least one size of the picture");
        }
        for (int s = 0; s < e.getImage().getSizesCount(); s++) {
          ImageSize size = e.getImage().getSizes(s);
          url(at, "sizes[" + s + "].url", size.getUrl(), true);
        }
      }
      case SOUND -> url(at, "url", e.getSound().getUrl(), true);
      case VIDEO -> {
        url(at, "video_url", e.getVideo().getVideoUrl(), true);
        url(at, "thumb_url", e.getVideo().getThumbUrl(), false);
      }
      case FILE -> url(at, "url", e.getFile().getUrl(), true);
      case LOCATION -> {
        double lat = e.getLocation().getLatitude();
        double lon = e.getLocation().getLongitude();
        if (!(lat >= -90 && lat <= 90)) {
          throw refused(at + ": latitude must be within [-90, 90], not " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
          throw refused(at + ": longitude must be within [-180, 180], not " + lon);
        }
      }
      case FACE, CUSTOM -> {
        // every field optional
      }
      case KIND_NOT_SET -> throw refused("element " + i + " has no kind this server knows");
    }
    if (!e.getVendorJson().isEmpty()) {
      try {
        JsonNode node = JSON.readTree(e.getVendorJson());
        if (node == null || !node.isObject()) {
          throw refused(at + ": vendor_json must be a JSON object");
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException bad) {
        throw refused(at + ": vendor_json is not valid JSON");
      }
    }
  }

  private static void url(String at, String field, String value, boolean required) throws SendRefused {
    if (value.isEmpty()) {
      if (required) {
        throw refused(at + ": " + field + " is required");
      }
      return;
    }
    if (value.length() > MAX_URL) {
      throw refused(at + ": " + field + " is longer than " + MAX_URL + " characters");
    }
    String scheme;
    try {
      URI uri = new URI(value);
      scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null) {
        throw refused(at + ": " + field + " must be an absolute http(s) URL");
      }
    } catch (java.net.URISyntaxException e) {
      throw refused(at + ": " + field + " is not a valid URL");
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw refused(at + ": " + field + " must be an http or https URL, not " + scheme + ":");
    }
  }

  private static SendRefused refused(String message) {
    return new SendRefused(ErrorCodes.INVALID_ELEMENT, message);
  }
}
