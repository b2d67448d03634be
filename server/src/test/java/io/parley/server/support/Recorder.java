package io.parley.server.support;

import io.parley.client.KickReason;
import io.parley.client.LoginInfo;
import io.parley.client.ParleyListener;
import io.parley.client.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener that remembers everything the SDK told it, for assertions. */
public final class Recorder implements ParleyListener {
  private final List<ReceivedMessage> messages = new ArrayList<>();
  public final List<KickReason> kicks = new CopyOnWriteArrayList<>();
  public final List<Integer> loginFailures = new CopyOnWriteArrayList<>();
  public final AtomicInteger connected = new AtomicInteger();
  public final AtomicInteger disconnected = new AtomicInteger();
  public final AtomicInteger credentialExpired = new AtomicInteger();
  /** The messages the SDK said were recalled (onRecalled), in arrival order. */
  public final List<ReceivedMessage> recalls = new CopyOnWriteArrayList<>();

  @Override
  public synchronized void onMessage(ReceivedMessage m) {
    messages.add(m);
  }

  /** Group tips and notifications, in arrival order. */
  public final List<io.parley.protocol.v1.GroupTip> tips = new CopyOnWriteArrayList<>();
  public final List<io.parley.protocol.v1.GroupNotification> notifications = new CopyOnWriteArrayList<>();

  @Override
  public void onGroupTip(io.parley.protocol.v1.GroupTip tip) {
    tips.add(tip);
  }

  @Override
  public void onGroupNotification(io.parley.protocol.v1.GroupNotification notification) {
    notifications.add(notification);
  }

  /** The group messages received from one group, in arrival order. */
  public synchronized List<ReceivedMessage> inGroup(String groupId) {
    return messages.stream().filter(m -> groupId.equals(m.groupId())).toList();
  }

  @Override
  public void onRecalled(ReceivedMessage m) {
    recalls.add(m);
  }

  @Override
  public void onConnected(LoginInfo info) {
    connected.incrementAndGet();
  }

  @Override
  public void onDisconnected(Throwable cause) {
    disconnected.incrementAndGet();
  }

  @Override
  public void onKicked(KickReason reason, String message) {
    kicks.add(reason);
  }

  @Override
  public void onCredentialExpired() {
    credentialExpired.incrementAndGet();
  }

  @Override
  public void onLoginFailed(int code, String message) {
    loginFailures.add(code);
  }

  public synchronized List<ReceivedMessage> messages() {
    return List.copyOf(messages);
  }

  public synchronized int count() {
    return messages.size();
  }

  /** Messages received from {@code from} (others' and own), in arrival order. */
  public synchronized List<ReceivedMessage> from(String from) {
    return messages.stream().filter(m -> m.fromUserId().equals(from)).toList();
  }
}
