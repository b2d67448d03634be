package io.parley.server.app;

import java.util.Objects;

/** The secrets an app's vendor gives it; each vendor has its own set. {@code toString()} redacts them all. */
public sealed interface AppSecrets {

  /** The vendor these secrets belong to. */
  VendorKind vendor();

  /** Tencent: the UserSig key, and the identifier whose UserSig authorizes REST calls. */
  record Tencent(String key, String adminIdentifier) implements AppSecrets {
    /** The admin identifier when a config names none (Tencent's console suggests it too). */
    public static final String DEFAULT_ADMIN = "administrator";

    public Tencent {
      requireSecret("key", key);
      requireSecret("adminIdentifier", adminIdentifier);
    }

    @Override
    public VendorKind vendor() {
      return VendorKind.TENCENT;
    }

    @Override
    public String toString() {
      return "Tencent[key=<redacted>, adminIdentifier=" + adminIdentifier + "]";
    }
  }

  /** Rongcloud: the App Secret; it signs REST calls and (derived) the tokens Parley issues. */
  record Rongcloud(String appSecret) implements AppSecrets {
    public Rongcloud {
      requireSecret("appSecret", appSecret);
    }

    @Override
    public VendorKind vendor() {
      return VendorKind.RONGCLOUD;
    }

    @Override
    public String toString() {
      return "Rongcloud[appSecret=<redacted>]";
    }
  }

  /** NetEase Yunxin: the AppSecret that signs REST calls (CheckSum) and callbacks. */
  record Netease(String appSecret) implements AppSecrets {
    public Netease {
      requireSecret("appSecret", appSecret);
    }

    @Override
    public VendorKind vendor() {
      return VendorKind.NETEASE;
    }

    @Override
    public String toString() {
      return "Netease[appSecret=<redacted>]";
    }
  }

  /**
   * Yuntongxun: the main account (ACCOUNT SID, AUTH TOKEN) for REST, the APP TOKEN, and whether the trusting
   * any-account login (app token + any user name) is allowed.
   */
  record Yuntongxun(String accountSid, String authToken, String appToken, boolean anyAccountLogin)
      implements AppSecrets {
    public Yuntongxun {
      requireSecret("accountSid", accountSid);
      requireSecret("authToken", authToken);
      requireSecret("appToken", appToken);
    }

    @Override
    public VendorKind vendor() {
      return VendorKind.YUNTONGXUN;
    }

    @Override
    public String toString() {
      return "Yuntongxun[accountSid=" + accountSid + ", authToken=<redacted>, appToken=<redacted>, anyAccountLogin="
          + anyAccountLogin + "]";
    }
  }

  private static void requireSecret(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }
}
