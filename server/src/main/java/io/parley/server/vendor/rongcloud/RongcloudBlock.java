package io.parley.server.vendor.rongcloud;

/** A Rongcloud user the app blocked (user/block) and until when (epoch millis). */
public record RongcloudBlock(String userId, long untilMillis) {
}
