package io.parley.server.sync;

import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Push;
import io.parley.protocol.v1.TimelineEntry;
import java.util.ArrayList;
import java.util.List;

/** Packs consecutive timeline entries into as few Push frames as fit under a size budget. */
final class PushFrames {
  /** Well under any sane frame limit, so a push never trips the client's decoder. */
  static final int MAX_PUSH_BYTES = 256 * 1024;

  private PushFrames() {}

  static List<Frame> pack(List<TimelineEntry> entries, long newestSeq) {
    List<Frame> frames = new ArrayList<>(1);
    Push.Builder push = Push.newBuilder();
    int bytes = 0;
    for (TimelineEntry e : entries) {
      int size = e.getSerializedSize() + 8;
      if (push.getEntriesCount() > 0 && bytes + size > MAX_PUSH_BYTES) {
        frames.add(Frame.newBuilder().setPush(push.setNewestSeq(newestSeq)).build());
        push = Push.newBuilder();
        bytes = 0;
      }
      push.addEntries(e);
      bytes += size;
    }
    if (push.getEntriesCount() > 0) {
      frames.add(Frame.newBuilder().setPush(push.setNewestSeq(newestSeq)).build());
    }
    return frames;
  }
}
