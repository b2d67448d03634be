package io.parley.server.vendor.tencent;

/** Cache key for a verified UserSig: the app it was verified for and the whole UserSig string. */
public record UserSigCacheKey(String appId, String userSig) {}
