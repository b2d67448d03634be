package io.parley.server.store;

/**
 * Keys of the {@code groups} column family, each starting with the app id, then a one-letter kind of record:
 * {@code g} group, {@code c} member count, {@code m} member, {@code x} a member's mute deadline (kept after the member
 * leaves), {@code u} the user's index of groups, {@code n} the app's group id counter, {@code r} a pending request
 * (group, user, request kind).
 */
final class GroupKeys {

  private GroupKeys() {
  }

  static byte[] group(String appId, String groupId) {
    return AccountStore.key(appId).str("g").str(groupId).build();
  }

  static byte[] count(String appId, String groupId) {
    return AccountStore.key(appId).str("c").str(groupId).build();
  }

  /** Prefix of every member key of the group; a member key is this, the user id and a separator. */
  static byte[] memberPrefix(String appId, String groupId) {
    return AccountStore.key(appId).str("m").str(groupId).build();
  }

  static byte[] member(String appId, String groupId, String userId) {
    return AccountStore.key(appId).str("m").str(groupId).str(userId).build();
  }

  static byte[] mutePrefix(String appId, String groupId) {
    return AccountStore.key(appId).str("x").str(groupId).build();
  }

  static byte[] mute(String appId, String groupId, String userId) {
    return AccountStore.key(appId).str("x").str(groupId).str(userId).build();
  }

  static byte[] userPrefix(String appId, String userId) {
    return AccountStore.key(appId).str("u").str(userId).build();
  }

  static byte[] userGroup(String appId, String userId, String groupId) {
    return AccountStore.key(appId).str("u").str(userId).str(groupId).build();
  }

  static byte[] counter(String appId) {
    return AccountStore.key(appId).str("n").build();
  }

  /** Prefix of every pending request of the group. */
  static byte[] requestPrefix(String appId, String groupId) {
    return AccountStore.key(appId).str("r").str(groupId).build();
  }

  static byte[] request(String appId, String groupId, String userId, String kind) {
    return AccountStore.key(appId).str("r").str(groupId).str(userId).str(kind).build();
  }

  /** The last segment of a key that extends {@code prefix} by one string segment and its separator. */
  static String lastSegment(byte[] key, byte[] prefix) {
    return new String(key, prefix.length, key.length - prefix.length - 1, java.nio.charset.StandardCharsets.UTF_8);
  }
}
