package io.parley.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that writes down every event, as "onKicked CREDENTIAL_EXPIRED"-style lines and messages. */
class Recorder implements ParleyListener {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();
  final List<ReceivedMessage> recalls = new CopyOnWriteArrayList<>();

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
