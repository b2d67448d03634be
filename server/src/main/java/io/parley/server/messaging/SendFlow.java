package io.parley.server.messaging;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SendResult;
import io.parley.server.app.App;
import io.parley.server.app.VendorKind;
import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.C2cMessage;
import io.parley.server.callback.Callbacks;
import io.parley.server.callback.Origin;
import io.parley.server.session.UserKey;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A validated one-to-one send with the app's message callbacks around it: the before-send callback may refuse,
 * change or silently discard the message; the after-send callback hears of it once it is durable. Apps without a
 * callback URL (and vendors without a message format) go straight to the store: no JSON is built for them.
 */
public final class SendFlow {
  private final SendService sends;
  private final Callbacks callbacks;
  private final Map<VendorKind, MessageFormat> formats;
  private final Clock clock;

  public SendFlow(SendService sends, Callbacks callbacks, Map<VendorKind, MessageFormat> formats, Clock clock) {
    this.sends = sends;
    this.callbacks = callbacks;
    this.formats = Map.copyOf(formats);
    this.clock = clock;
  }

  /** Stores the send (after the Before verdict); fails with a {@link SendRefused} when the app refused it. */
  public CompletableFuture<SendResult> send(App app, UserKey from, String deviceId, Supplier<Origin> where, Send send) {
    MessageFormat format = formats.get(app.vendor());
    if (format == null || app.callback().url().isEmpty()) {
      return sends.send(from, deviceId, send);
    }
    Origin origin = where.get();
    long random = Integer.toUnsignedLong(send.getClientMsgId().hashCode());
    C2cMessage before = new C2cMessage(from.userId(), send.getToUserId(), "", 0, random, clock.instant(),
        send.getClientMsgId(), format.toVendor(send.getElementsList()), customData(send.getCloudCustomData()), false,
        origin, OptionalInt.empty());
    return callbacks.before(app, before).thenCompose(verdict -> {
      if (verdict instanceof BeforeVerdict.Refuse r) {
        throw new CompletionException(new SendRefused(ErrorCodes.REFUSED_BY_APP,
            "the app refused this message (its code " + r.code() + "): " + r.message()));
      }
      if (verdict instanceof BeforeVerdict.Discard) {
        return CompletableFuture.completedFuture(SendResult.newBuilder().setClientMsgId(send.getClientMsgId())
            .setServerTimeMs(clock.millis()).build()); // the vendor's "silent discard": success, nothing delivered
      }
      Send stored = verdict instanceof BeforeVerdict.Modify m ? modified(send, m, format, app) : send;
      return sends.send(from, deviceId, stored).thenApply(result -> {
        // The message's 32-bit MsgSeq is the low half of its server msg id: what REST history shows, so that a key
        // from a callback names the same message there (and in a withdraw).
        long msgSeq = result.getServerMsgId() & 0xFFFF_FFFFL;
        callbacks.after(app, new C2cMessage(from.userId(), stored.getToUserId(),
            format.msgKey(result.getServerMsgId(), msgSeq, random, result.getServerTimeMs()), msgSeq, random,
            java.time.Instant.ofEpochMilli(result.getServerTimeMs()),
            stored.getClientMsgId(), format.toVendor(stored.getElementsList()), customData(stored.getCloudCustomData()),
            false, origin, OptionalInt.empty()));
        return result;
      });
    });
  }

  /** The send with the body and custom data the app's Before callback returned, checked like any client's. */
  private Send modified(Send send, BeforeVerdict.Modify m, MessageFormat format, App app) {
    Send.Builder b = send.toBuilder();
    try {
      if (m.body().isPresent()) {
        b.clearElements().addAllElements(format.fromVendor(m.body().get()));
      }
      m.cloudCustomData().ifPresent(b::setCloudCustomData);
      Send changed = b.build();
      SendService.validate(changed, app.limits().maxMessageBytes());
      return changed;
    } catch (SendRefused e) {
      throw new CompletionException(e);
    }
  }

  private static Optional<String> customData(String ccd) {
    return ccd.isEmpty() ? Optional.empty() : Optional.of(ccd);
  }
}
