package io.parley.bench;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** Carries an HdrHistogram across a worker's stdout as base64 of its compressed encoding. */
final class HistogramCodec {
  private HistogramCodec() {}

  static String encode(Histogram h) {
    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int n = h.encodeIntoCompressedByteBuffer(buf);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n));
  }

  static Histogram decode(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not an encoded histogram", e);
    }
  }

  /** The sum of {@code parts}: one histogram with every recorded value of each. */
  static Histogram merge(Iterable<Histogram> parts) {
    Histogram sum = new Histogram(3);
    for (Histogram h : parts) {
      sum.add(h);
    }
    return sum;
  }
}
