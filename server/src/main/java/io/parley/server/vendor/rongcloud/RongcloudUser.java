package io.parley.server.vendor.rongcloud;

/** A Rongcloud user the app registered (user/getToken, user/refresh): name, portrait URI, when it was first seen. */
public record RongcloudUser(String userId, String name, String portraitUri, long createdAtMillis) {
}
