package io.parley.server.auth;

import java.util.Objects;

/**
 * One tenant app: its id as the vendor spells it, the vendor it emulates, its secret and its REST admin.
 *
 * <p>For {@link VendorKind#TENCENT}, {@code id} is the SDKAppID in decimal and {@code secretKey} the UserSig key.
 * {@code toString()} never prints the secret.
 */
public record App(String id, VendorKind vendor, String secretKey, String adminIdentifier) {

  public App {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(adminIdentifier, "adminIdentifier");
    if (secretKey.isEmpty()) {
      throw new IllegalArgumentException("app " + id + " has an empty secret key");
    }
    if (vendor == VendorKind.TENCENT && !id.matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("a Tencent app id is the SDKAppID in decimal, not \"" + id + "\"");
    }
  }

  /** The SDKAppID of a Tencent app. */
  public long sdkAppId() {
    if (vendor != VendorKind.TENCENT) {
      throw new IllegalStateException("app " + id + " is a " + vendor + " app and has no SDKAppID");
    }
    return Long.parseLong(id);
  }

  @Override
  public String toString() {
    return "App[id=" + id + ", vendor=" + vendor + ", secretKey=<redacted>, adminIdentifier=" + adminIdentifier + "]";
  }
}
