package io.parley.client.internal;

import io.netty.channel.EventLoopGroup;
import io.parley.client.CredentialKind;
import io.parley.client.ParleyListener;
import io.parley.client.Platform;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Supplier;

/** Everything a client was built with; immutable. {@code heartbeatStepMs} 0 means the default step. */
public record ClientConfig(
    Transport transport,
    String appId,
    String userId,
    CredentialKind credentialKind,
    Supplier<String> credential,
    String deviceId,
    Platform platform,
    long lastAckedSeq,
    ParleyListener listener,
    Duration reconnectBackoffBase,
    Duration reconnectBackoffMax,
    int heartbeatStepMs,
    InetAddress localAddress,
    EventLoopGroup eventLoopGroup) {}
