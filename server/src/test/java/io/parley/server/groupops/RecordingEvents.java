package io.parley.server.groupops;

import io.parley.protocol.v1.GroupNotification;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every tip and notification in order; each completes at once. */
final class RecordingEvents implements GroupEvents {
  record Tip(String appId, String groupId, GroupTip tip, List<String> alsoTell) {}

  record Note(String appId, List<String> users, GroupNotification notification) {}

  final List<Tip> tips = new CopyOnWriteArrayList<>();
  final List<Note> notes = new CopyOnWriteArrayList<>();

  @Override
  public CompletableFuture<Void> tip(String appId, String groupId, GroupTip tip, Collection<String> alsoTell) {
    tips.add(new Tip(appId, groupId, tip, List.copyOf(alsoTell)));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> notify(String appId, Collection<String> users, GroupNotification notification) {
    notes.add(new Note(appId, List.copyOf(users), notification));
    return CompletableFuture.completedFuture(null);
  }

  GroupTip lastTip() {
    if (tips.isEmpty()) {
      throw new AssertionError("no tip");
    }
    return tips.get(tips.size() - 1).tip();
  }

  List<GroupTip> tipsOf(GroupTipType type) {
    return tips.stream().map(Tip::tip).filter(t -> t.getType() == type).toList();
  }

  List<Note> notesOf(GroupNotificationType type) {
    return notes.stream().filter(n -> n.notification().getType() == type).toList();
  }

  Note onlyNote(GroupNotificationType type) {
    List<Note> found = notesOf(type);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type + ", got " + found);
    }
    return found.get(0);
  }

  void clear() {
    tips.clear();
    notes.clear();
  }
}
