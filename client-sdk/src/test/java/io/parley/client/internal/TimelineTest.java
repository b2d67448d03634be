package io.parley.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.TimelineEntry;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Timeline")
class TimelineTest {
  private static List<TimelineEntry> entries(long... seqs) {
    return LongStream.of(seqs).mapToObj(s -> TimelineEntry.newBuilder().setSeq(s).build()).toList();
  }

  private static List<Long> seqs(Timeline.Accepted accepted) {
    return accepted.entries().stream().map(TimelineEntry::getSeq).toList();
  }

  @Test
  @DisplayName("accepts the entries that follow the resume point")
  void acceptsContiguous() {
    Timeline timeline = new Timeline(4);
    Timeline.Accepted accepted = timeline.accept(entries(5, 6, 7));
    assertEquals(List.of(5L, 6L, 7L), seqs(accepted));
    assertFalse(accepted.gap());
    assertEquals(7, timeline.acceptedSeq());
  }

  @Test
  @DisplayName("drops entries it has already accepted")
  void dropsDuplicates() {
    Timeline timeline = new Timeline(0);
    timeline.accept(entries(1, 2));
    Timeline.Accepted accepted = timeline.accept(entries(1, 2, 3));
    assertEquals(List.of(3L), seqs(accepted));
    assertFalse(accepted.gap());
  }

  @Test
  @DisplayName("stops at a gap and reports it")
  void stopsAtGap() {
    Timeline timeline = new Timeline(0);
    Timeline.Accepted accepted = timeline.accept(entries(1, 2, 4, 5));
    assertEquals(List.of(1L, 2L), seqs(accepted));
    assertTrue(accepted.gap());
    assertEquals(2, timeline.acceptedSeq());
    assertTrue(timeline.isBehind(5));
    assertFalse(timeline.isBehind(2));
  }

  @Test
  @DisplayName("accepts online-only entries (seq 0) where they stand, also after a gap, without moving the accepted seq")
  void acceptsOnlineOnly() {
    Timeline timeline = new Timeline(4);
    Timeline.Accepted accepted = timeline.accept(entries(0, 5, 0, 6));
    assertEquals(List.of(0L, 5L, 0L, 6L), seqs(accepted));
    assertFalse(accepted.gap());
    assertEquals(6, timeline.acceptedSeq());
    Timeline.Accepted afterGap = timeline.accept(entries(8, 0, 9));
    assertEquals(List.of(0L), seqs(afterGap), "no pull brings an online-only entry back");
    assertTrue(afterGap.gap());
    assertEquals(6, timeline.acceptedSeq());
    Timeline.Accepted alone = timeline.accept(entries(0));
    assertFalse(alone.gap());
    assertEquals(6, timeline.acceptedSeq());
  }
}
