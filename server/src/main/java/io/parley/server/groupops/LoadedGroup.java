package io.parley.server.groupops;

import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupOptions;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.MemberRecord;
import java.util.Optional;

/** One group as loaded for an operation: its record, its kind's row and where its members are. */
record LoadedGroup(GroupRecord record, GroupKind kind, MemberBook book) {
  String app() {
    return record.appId();
  }

  String id() {
    return record.groupId();
  }

  GroupOptions options() {
    return record.options();
  }

  /** The kind refined by the group's options. */
  GroupKind row() {
    return kind.refinedBy(record.options());
  }

  Optional<MemberRecord> member(String userId) {
    return book.member(app(), id(), userId);
  }

  long count() {
    return book.count(app(), id());
  }

  int countInt() {
    return (int) Math.min(count(), Integer.MAX_VALUE);
  }
}
