package io.parley.server.messaging;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SendResult;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.app.App;
import io.parley.server.app.VendorKind;
import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.Callbacks;
import io.parley.server.callback.GroupMessage;
import io.parley.server.callback.Origin;
import io.parley.server.group.History;
import io.parley.server.groupops.Caller;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.groupops.GroupService;
import io.parley.server.groupops.SendPermit;
import io.parley.server.session.UserKey;
import io.parley.server.store.AppendRequest;
import io.parley.server.store.AppendResult;
import io.parley.server.store.Conversation;
import io.parley.server.store.Event;
import io.parley.server.store.MessageWriter;
import io.parley.server.sync.GroupFanOut;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The group send path: a send checked as a one-to-one send is, then allowed by the group's rules (members only, not
 * muted), put to the app's Before callback when it takes one, stored once in the group's history with the next group
 * seq and fanned out as the group's size says; durable before the answer, then the After callback. A room without
 * history (AVChatRoom) stores nothing: its online members get the message at once. The group checks read the store,
 * so they run on {@code lane}, never on an event loop; a Before callback is awaited without holding a lane thread. A
 * sender's sends are checked one after another, so that the store takes them (and gives them group seqs) in the
 * order they were sent.
 */
public final class GroupSends {
  private static final long STORE_WAIT_SECONDS = 10;

  private final MessageWriter writer;
  private final GroupService groups;
  private final GroupFanOut fanOut;
  private final Executor lane;
  private final Clock clock;
  private final Callbacks callbacks;
  private final Map<VendorKind, MessageFormat> formats;
  /** Each sender's latest send not yet handed to the store: the sender's next send waits for it. */
  private final ConcurrentHashMap<UserKey, CompletableFuture<Void>> checking = new ConcurrentHashMap<>();

  public GroupSends(MessageWriter writer, GroupService groups, GroupFanOut fanOut, Executor lane, Clock clock,
      Callbacks callbacks, Map<VendorKind, MessageFormat> formats) {
    this.writer = writer;
    this.groups = groups;
    this.fanOut = fanOut;
    this.lane = lane;
    this.clock = clock;
    this.callbacks = callbacks;
    this.formats = Map.copyOf(formats);
  }

  /** A client's validated send to {@code send.group_id}; fails with a {@link SendRefused} the gateway maps. */
  public CompletableFuture<SendResult> send(App app, UserKey from, String deviceId, Supplier<Origin> where,
      Send send) {
    Message message = message(from.userId(), deviceId, send.getClientMsgId(), send.getContentType(), send.getContent(),
        send.getElementsList(), send.getCloudCustomData());
    return inTurn(from, turn -> prepare(app, Caller.user(from.userId()), from.userId(), send.getGroupId(), message,
        where, turn)).thenApply(r -> toResult(r, from.userId()));
  }

  /**
   * The app server's send to a group as {@code from} (REST): the sender must be a member unless the app sends as
   * itself ({@code asApp}); mutes still hold for members. Blocks until durable.
   *
   * @throws SendRefused for a message a client could not send either, a group rule's or the app's refusal (its
   *     code), or {@link ErrorCodes#UNAVAILABLE} when the store does not answer in time (retry with the same id)
   */
  public AppendResult serverSend(App app, String from, String groupId, String clientMsgId, List<Element> elements,
      String cloudCustomData, boolean asApp) throws SendRefused {
    if (!Identifiers.valid(from)) {
      throw new SendRefused(ErrorCodes.BAD_REQUEST, "the sender must be an account id of 1-128 printable characters");
    }
    if (elements.isEmpty()) {
      throw new SendRefused(ErrorCodes.EMPTY_MESSAGE, "the message has no elements");
    }
    Send send = Send.newBuilder().setClientMsgId(clientMsgId).setGroupId(groupId).addAllElements(elements)
        .setCloudCustomData(cloudCustomData).build();
    SendService.validate(send, app.limits().maxMessageBytes());
    Message message = message(from, "", clientMsgId, "", com.google.protobuf.ByteString.EMPTY, elements,
        cloudCustomData);
    CompletableFuture<AppendResult> stored = inTurn(new UserKey(app.id(), from), turn -> prepare(app,
        asApp ? Caller.APP_SERVER : Caller.user(from), from, groupId, message, () -> Origin.serverApi(""), turn));
    try {
      return stored.get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
          : e.getCause();
      if (cause instanceof SendRefused refused) {
        throw refused;
      }
      throw new SendRefused(ErrorCodes.UNAVAILABLE, "the message could not be stored; retry with the same id");
    } catch (TimeoutException e) {
      throw new SendRefused(ErrorCodes.UNAVAILABLE, "the message could not be stored in time; retry with the same id");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendRefused(ErrorCodes.UNAVAILABLE, "interrupted while storing the message");
    }
  }

  /** One step of a send that may fail with a refusal. */
  private interface Step {
    CompletableFuture<AppendResult> start(CompletableFuture<Void> turn) throws SendRefused;
  }

  /**
   * Starts {@code step} on the lane once the sender's previous send was handed to the store (or refused), and
   * completes the step's turn once it hands its own on; the turn ends anyway when the step fails.
   */
  private CompletableFuture<AppendResult> inTurn(UserKey sender, Step step) {
    CompletableFuture<Void> turn = new CompletableFuture<>();
    CompletableFuture<Void> previous = checking.put(sender, turn);
    turn.whenComplete((x, e) -> checking.remove(sender, turn));
    CompletableFuture<AppendResult> result = new CompletableFuture<>();
    result.whenComplete((r, e) -> turn.complete(null));
    Runnable run = () -> {
      try {
        step.start(turn).whenComplete((r, e) -> {
          if (e != null) {
            result.completeExceptionally(e);
          } else {
            result.complete(r);
          }
        });
      } catch (SendRefused | RuntimeException e) {
        result.completeExceptionally(e);
      }
    };
    (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous).whenComplete((x, e) -> {
      try {
        lane.execute(run);
      } catch (RejectedExecutionException busy) {
        result.completeExceptionally(new SendRefused(ErrorCodes.UNAVAILABLE,
            "the server is busy; retry the send with the same client_msg_id"));
      }
    });
    return result;
  }

  /**
   * Checks the group's rules, asks the app (its Before callback, when it takes one) and starts the append (or the
   * broadcast), completing {@code turn} once the message is handed on. Blocking reads, on the lane.
   */
  private CompletableFuture<AppendResult> prepare(App app, Caller caller, String sender, String groupId,
      Message message, Supplier<Origin> where, CompletableFuture<Void> turn) throws SendRefused {
    SendPermit permit;
    try {
      permit = groups.authorizeSend(app.id(), caller, groupId, sender);
    } catch (GroupRefused r) {
      throw new SendRefused(r.code(), r.getMessage());
    }
    History history = permit.kind().storage().history();
    MessageFormat format = formats.get(app.vendor());
    if (format == null || app.callback().url().isEmpty()) {
      return store(app, null, null, sender, groupId, history, message, turn);
    }
    String type = permit.kind().id().substring(permit.kind().id().indexOf('.') + 1);
    long random = Integer.toUnsignedLong(message.getClientMsgId().hashCode());
    GroupMessage asked = new GroupMessage(groupId, type, sender, "", 0, random, clock.instant(),
        message.getClientMsgId(), format.toVendor(message.getElementsList()), customData(message.getCloudCustomData()),
        history == History.NONE, where.get());
    return callbacks.before(app, asked).thenComposeAsync(verdict -> {
      try {
        return decided(app, format, asked, verdict, sender, groupId, history, message, turn);
      } catch (SendRefused e) {
        throw new CompletionException(e);
      }
    }, lane);
  }

  /** Goes on as the app's Before verdict says: refused, silently dropped, changed, or as sent. */
  private CompletableFuture<AppendResult> decided(App app, MessageFormat format, GroupMessage asked,
      BeforeVerdict verdict, String sender, String groupId, History history, Message message,
      CompletableFuture<Void> turn) throws SendRefused {
    if (verdict instanceof BeforeVerdict.Refuse r) {
      throw new SendRefused(ErrorCodes.REFUSED_BY_APP,
          "the app refused this message (its code " + r.code() + "): " + r.message());
    }
    if (verdict instanceof BeforeVerdict.Discard) {
      return CompletableFuture.completedFuture(discarded(app.id(), groupId, sender, message));
    }
    if (verdict instanceof BeforeVerdict.Modify m) {
      Message changed = modified(message, groupId, m, format, app);
      return store(app, format, asked.withContent(format.toVendor(changed.getElementsList()),
          customData(changed.getCloudCustomData())), sender, groupId, history, changed, turn);
    }
    return store(app, format, asked, sender, groupId, history, message, turn);
  }

  /** Stores (or, in a room, broadcasts) the message, fans it out, and tells the app when it took the Before event. */
  private CompletableFuture<AppendResult> store(App app, MessageFormat format, GroupMessage told, String sender,
      String groupId, History history, Message message, CompletableFuture<Void> turn) {
    String appId = app.id();
    GroupFanOut.Plan plan = fanOut.plan(appId, groupId, history, sender, List.of());
    if (plan.mode() == GroupFanOut.Mode.ONLINE_ONLY) {
      long now = clock.millis();
      Message sent = message.toBuilder().setGroupId(groupId).setServerTimeMs(now).build();
      fanOut.broadcast(appId, plan, TimelineEntry.newBuilder().setMessage(sent).build());
      turn.complete(null);
      AppendRequest none = new AppendRequest(appId, new Conversation.Group(groupId), sender,
          new Event.NewMessage(sent), message.getClientMsgId(), List.of(), false);
      AppendResult result = new AppendResult(none, 0, now, 0, false,
          TimelineEntry.newBuilder().setMessage(sent).build(), List.of());
      tellApp(app, format, told, result);
      return CompletableFuture.completedFuture(result);
    }
    AppendRequest request = new AppendRequest(appId, new Conversation.Group(groupId), sender,
        new Event.NewMessage(message), message.getClientMsgId(), plan.timelines(), plan.readOnPull());
    CompletableFuture<AppendResult> appended = writer.append(request);
    turn.complete(null); // queued: the writer takes appends in the order they came
    return appended.thenApply(r -> {
      fanOut.delivered(appId, groupId, plan, r);
      if (!r.duplicate()) {
        tellApp(app, format, told, r);
      }
      return r;
    });
  }

  /** The After callback of a sent message, when the app took the Before one's event (it has a callback URL). */
  private void tellApp(App app, MessageFormat format, GroupMessage asked, AppendResult r) {
    if (asked != null && format != null) {
      callbacks.after(app, asked.stored(format.msgKey(r.serverMsgId(), r.groupSeq(), asked.random(), r.serverTimeMs()),
          r.groupSeq(), Instant.ofEpochMilli(r.serverTimeMs())));
    }
  }

  /** The answer to a send the app's Before callback silently dropped: success, nothing stored or delivered. */
  private AppendResult discarded(String appId, String groupId, String sender, Message message) {
    AppendRequest none = new AppendRequest(appId, new Conversation.Group(groupId), sender,
        new Event.NewMessage(message), message.getClientMsgId(), List.of(), false);
    return new AppendResult(none, 0, clock.millis(), 0, false, TimelineEntry.newBuilder().setMessage(message).build(),
        List.of());
  }

  /** The message with the body and custom data the app's Before callback returned, checked like any client's. */
  private static Message modified(Message message, String groupId, BeforeVerdict.Modify m, MessageFormat format,
      App app)
      throws SendRefused {
    Message.Builder b = message.toBuilder();
    if (m.body().isPresent()) {
      b.clearElements().addAllElements(format.fromVendor(m.body().get()));
    }
    m.cloudCustomData().ifPresent(b::setCloudCustomData);
    Message changed = b.build();
    SendService.validate(Send.newBuilder().setClientMsgId(changed.getClientMsgId()).setGroupId(groupId)
        .addAllElements(changed.getElementsList()).setCloudCustomData(changed.getCloudCustomData()).build(),
        app.limits().maxMessageBytes());
    return changed;
  }

  private static Optional<String> customData(String ccd) {
    return ccd.isEmpty() ? Optional.empty() : Optional.of(ccd);
  }

  private static Message message(String from, String deviceId, String clientMsgId, String contentType,
      com.google.protobuf.ByteString content, List<Element> elements, String cloudCustomData) {
    return Message.newBuilder()
        .setClientMsgId(clientMsgId)
        .setFromUserId(from)
        .setContentType(contentType)
        .setContent(content)
        .setFromDeviceId(deviceId)
        .addAllElements(elements)
        .setCloudCustomData(cloudCustomData)
        .build();
  }

  /** The sender's answer: its own timeline's seq (0 in a large group) and the group seq. */
  private static SendResult toResult(AppendResult r, String sender) {
    return SendResult.newBuilder()
        .setClientMsgId(r.request().dedupKey())
        .setServerMsgId(r.serverMsgId())
        .setSeq(r.seqOf(sender))
        .setServerTimeMs(r.serverTimeMs())
        .setDuplicate(r.duplicate())
        .setGroupSeq(r.groupSeq())
        .build();
  }
}
