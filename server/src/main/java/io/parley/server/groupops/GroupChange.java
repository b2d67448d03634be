package io.parley.server.groupops;

import io.parley.server.group.Admission;
import java.util.Map;
import java.util.Optional;

/** A change of a group's info: only the fields present change; custom is merged, an empty value removes the key. */
public record GroupChange(
    Optional<String> name,
    Optional<String> introduction,
    Optional<String> notification,
    Optional<String> faceUrl,
    Optional<Admission> apply,
    Map<String, String> custom) {

  /** Nothing changes. */
  public static final GroupChange NONE = new GroupChange(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Map.of());

  public GroupChange {
    custom = custom == null ? Map.of() : Map.copyOf(custom);
  }

  public GroupChange withName(String v) {
    return new GroupChange(Optional.of(v), introduction, notification, faceUrl, apply, custom);
  }

  public GroupChange withIntroduction(String v) {
    return new GroupChange(name, Optional.of(v), notification, faceUrl, apply, custom);
  }

  public GroupChange withNotification(String v) {
    return new GroupChange(name, introduction, Optional.of(v), faceUrl, apply, custom);
  }

  public GroupChange withFaceUrl(String v) {
    return new GroupChange(name, introduction, notification, Optional.of(v), apply, custom);
  }

  public GroupChange withApply(Admission a) {
    return new GroupChange(name, introduction, notification, faceUrl, Optional.of(a), custom);
  }

  public GroupChange withCustom(Map<String, String> c) {
    return new GroupChange(name, introduction, notification, faceUrl, apply, c);
  }

  /** True when the change touches name, introduction, notification or face (the kind's "info"). */
  boolean touchesInfo() {
    return name.isPresent() || introduction.isPresent() || notification.isPresent() || faceUrl.isPresent()
        || apply.isPresent();
  }
}
