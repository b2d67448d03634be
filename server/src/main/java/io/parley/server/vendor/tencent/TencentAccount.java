package io.parley.server.vendor.tencent;

/** A Tencent account pre-created by {@code account_import}: its profile nick and face URL (empty when not set). */
public record TencentAccount(String userId, String nick, String faceUrl, long importedAtMillis) {
}
