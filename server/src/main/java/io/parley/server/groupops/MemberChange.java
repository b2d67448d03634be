package io.parley.server.groupops;

import java.util.Map;
import java.util.Optional;

/** A change of one member's own info: name card if present; custom merged, an empty value removes the key. */
public record MemberChange(Optional<String> nameCard, Map<String, String> custom) {
  public MemberChange {
    custom = custom == null ? Map.of() : Map.copyOf(custom);
  }

  /** Only a new name card. */
  public static MemberChange nameCard(String card) {
    return new MemberChange(Optional.of(card), Map.of());
  }
}
