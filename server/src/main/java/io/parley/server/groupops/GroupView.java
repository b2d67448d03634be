package io.parley.server.groupops;

import io.parley.server.store.GroupRecord;

/** A group as read: its record and its member count. */
public record GroupView(GroupRecord record, long memberCount) {}
