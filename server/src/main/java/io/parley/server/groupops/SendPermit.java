package io.parley.server.groupops;

import io.parley.server.group.GroupKind;
import io.parley.server.store.GroupRecord;

/** A send the group's rules allow: the group as it stood and its kind's row. */
public record SendPermit(GroupRecord record, GroupKind kind) {}
