package io.parley.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that writes down every event, as "onKicked CREDENTIAL_EXPIRED"-style lines and messages. */
class Recorder implements ParleyListener {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();
  final List<ReceivedMessage> recalls = new CopyOnWriteArrayList<>();
  final List<io.parley.protocol.v1.GroupTip> tips = new CopyOnWriteArrayList<>();
  final List<io.parley.protocol.v1.GroupNotification> notifications = new CopyOnWriteArrayList<>();
  /** Messages, tips and notifications in the order they came: "message 3", "tip g1 5", "notification g1 INVITATION". */
  final List<String> order = new CopyOnWriteArrayList<>();

  @Override
  public void onConnected(LoginInfo info) {
    events.add("onConnected");
  }

  @Override
  public void onDisconnected(Throwable cause) {
    events.add("onDisconnected");
  }

  @Override
  public void onKicked(KickReason reason, String message) {
    events.add("onKicked " + reason);
  }

  @Override
  public void onCredentialExpired() {
    events.add("onCredentialExpired");
  }

  @Override
  public void onLoginFailed(int code, String message) {
    events.add("onLoginFailed " + code);
  }

  @Override
  public void onMessage(ReceivedMessage message) {
    threads.add(Thread.currentThread().getName());
    messages.add(message);
    order.add(message.isGroup() ? "message " + message.groupId() + " " + message.groupSeq() : "message " + message.seq());
  }

  @Override
  public void onGroupTip(io.parley.protocol.v1.GroupTip tip) {
    tips.add(tip);
    order.add("tip " + tip.getGroupId() + " " + tip.getGroupSeq());
  }

  @Override
  public void onGroupNotification(io.parley.protocol.v1.GroupNotification notification) {
    notifications.add(notification);
    order.add("notification " + notification.getGroupId() + " " + notification.getType());
  }

  @Override
  public void onRecalled(ReceivedMessage message) {
    recalls.add(message);
  }

  List<Long> seqs() {
    return messages.stream().map(ReceivedMessage::seq).toList();
  }

  long count(String event) {
    return events.stream().filter(event::equals).count();
  }
}
