package io.parley.server.account;

/** A Rongcloud user the app blocked (user/block) and until when (epoch millis). */
public record RongcloudBlock(String userId, long untilMillis) {
}
