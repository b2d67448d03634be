package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** A worker's histogram survives the trip through base64, and merging adds every recorded value. */
final class HistogramCodecTest {
  @Test
  void roundTripThenMergeKeepsEveryValue() {
    Histogram a = new Histogram(3);
    Histogram b = new Histogram(3);
    for (long v = 1; v <= 1000; v++) {
      a.recordValue(v * 1_000);
      b.recordValue(v * 1_000_000);
    }
    Histogram a2 = HistogramCodec.decode(HistogramCodec.encode(a));
    assertEquals(a, a2);
    Histogram sum = HistogramCodec.merge(List.of(a2, HistogramCodec.decode(HistogramCodec.encode(b))));
    assertEquals(2000, sum.getTotalCount());
    assertEquals(b.getMaxValue(), sum.getMaxValue());
    assertEquals(a.getMinValue(), sum.getMinValue());
    assertEquals(a.getValueAtPercentile(100), sum.getValueAtPercentile(50));
  }

  @Test
  void sharesCoverTheTotalInOrder() {
    assertEquals(19000, Workers.share(19000, 3, 0) + Workers.share(19000, 3, 1) + Workers.share(19000, 3, 2));
    assertEquals(Workers.share(19000, 3, 0), Workers.firstOf(19000, 3, 1));
    assertEquals(0, Workers.firstOf(50, 2, 0));
    assertEquals(25, Workers.firstOf(50, 2, 1));
  }
}
