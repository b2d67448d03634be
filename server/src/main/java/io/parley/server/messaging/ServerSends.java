package io.parley.server.messaging;

import com.google.protobuf.ByteString;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.Send;
import io.parley.server.app.App;
import io.parley.server.store.AppendResult;
import io.parley.server.store.Store;
import io.parley.server.sync.C2cFanOut;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One-to-one messages an app's server sends in a user's name (the vendors' REST faces): checked exactly as a client's
 * send, stored in the timelines the fan-out names and pushed like a client's, durable before {@link #send} returns. Blocks: call
 * it from an HTTP handler thread, never from an event loop.
 */
public final class ServerSends {
  private static final long STORE_WAIT_SECONDS = 10;

  private final Store store;

  public ServerSends(Store store) {
    this.store = store;
  }

  /**
   * Stores one message. A repeated {@code clientMsgId} from the same sender is the same message (the store dedups):
   * vendors build it from their own retry keys.
   *
   * @throws SendRefused with {@link ErrorCodes#INVALID_ELEMENT}, {@link ErrorCodes#EMPTY_MESSAGE},
   *     {@link ErrorCodes#MESSAGE_TOO_LARGE}, {@link ErrorCodes#INVALID_RECIPIENT} or {@link ErrorCodes#BAD_REQUEST}
   *     for a message a client could not send either, and {@link ErrorCodes#UNAVAILABLE} when the store does not
   *     answer in time (the caller may retry with the same id)
   */
  public AppendResult send(App app, String from, String to, String clientMsgId, List<Element> elements,
      String cloudCustomData, C2cFanOut fanOut) throws SendRefused {
    if (!Identifiers.valid(from)) {
      throw new SendRefused(ErrorCodes.BAD_REQUEST, "the sender must be an account id of 1-128 printable characters");
    }
    if (elements.isEmpty()) {
      throw new SendRefused(ErrorCodes.EMPTY_MESSAGE, "the message has no elements");
    }
    Send send = Send.newBuilder().setClientMsgId(clientMsgId).setToUserId(to).addAllElements(elements)
        .setCloudCustomData(cloudCustomData).build();
    SendService.validate(send, app.limits().maxMessageBytes());
    try {
      return store.writer().append(C2cAppends.of(app.id(), from, "", to, clientMsgId, "", ByteString.EMPTY,
          elements, cloudCustomData, fanOut)).get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new SendRefused(ErrorCodes.UNAVAILABLE, "the message could not be stored in time; retry with the same id");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendRefused(ErrorCodes.UNAVAILABLE, "interrupted while storing the message");
    }
  }
}
