package io.parley.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.CallbackSettings;
import io.parley.server.app.VendorKind;
import io.parley.server.callback.C2cMessage;
import io.parley.server.callback.Origin;
import io.parley.server.callback.Platform;
import io.parley.server.callback.StateChange;
import io.parley.server.config.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Apps with callback settings, and callback events, for the callback tests. */
public final class CallbackFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final Instant TIME = Instant.parse("2026-12-02T08:00:00.123Z");
  public static final Origin ANDROID = new Origin(Platform.ANDROID, "10.0.0.7", 50123, "alice-phone");

  private CallbackFixtures() {}

  /** Every command, the default Before timeout, fail-open. */
  public static CallbackSettings settings(URI url) {
    return new CallbackSettings(Optional.of(url), Optional.empty());
  }

  public static CallbackSettings settings(URI url, Optional<String> token, Optional<Set<String>> commands,
      Duration beforeTimeout, boolean failOpen) {
    return new CallbackSettings(Optional.of(url), token, commands, beforeTimeout, failOpen);
  }

  public static App tencent(CallbackSettings callback) {
    return new App("1400000000", VendorKind.TENCENT, new AppSecrets.Tencent(Sandbox.TENCENT_KEY, "administrator"),
        Sandbox.APP_LIMITS, callback);
  }

  public static App rongcloud(CallbackSettings callback, String appSecret) {
    return new App("parley-dev-rong", VendorKind.RONGCLOUD, new AppSecrets.Rongcloud(appSecret), Sandbox.APP_LIMITS,
        callback);
  }

  public static App netease(CallbackSettings callback) {
    return new App("parley-dev-nim", VendorKind.NETEASE, new AppSecrets.Netease(Sandbox.NETEASE_APP_SECRET),
        Sandbox.APP_LIMITS, callback);
  }

  public static App yuntongxun(CallbackSettings callback) {
    return new App("parleydevappid", VendorKind.YUNTONGXUN, new AppSecrets.Yuntongxun(Sandbox.YUNTONGXUN_ACCOUNT_SID,
        Sandbox.YUNTONGXUN_AUTH_TOKEN, Sandbox.YUNTONGXUN_APP_TOKEN, true), Sandbox.APP_LIMITS, callback);
  }

  public static StateChange login(String user) {
    return StateChange.login(user, ANDROID, TIME);
  }

  public static StateChange change(String user, StateChange.Action action, StateChange.Reason reason) {
    return new StateChange(user, action, reason, ANDROID, List.of(), TIME);
  }

  /** A text message from alice to bob whose body is the given vendor JSON. */
  public static C2cMessage message(String vendorBody) {
    return new C2cMessage("alice", "bob", "48374_2837546_" + TIME.getEpochSecond(), 48374, 2837546, TIME,
        "client-msg-1", json(vendorBody), Optional.of("your cloud custom data"), false, ANDROID, OptionalInt.of(7));
  }

  /** A Tencent text message "red packet". */
  public static C2cMessage tencentText() {
    return message("[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"red packet\"}}]");
  }

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
