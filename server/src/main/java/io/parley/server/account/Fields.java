package io.parley.server.account;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The value codec of account records: bytes, 8-byte numbers and length-prefixed byte strings, in a fixed order. */
final class Fields {

  private Fields() {
  }

  static Writer writer() {
    return new Writer();
  }

  static Reader reader(byte[] value, String what) {
    return new Reader(value, what);
  }

  /** Appends fields. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(96);

    Writer u8(int value) {
      out.write(value);
      return this;
    }

    Writer i64(long value) {
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (value >>> shift));
      }
      return this;
    }

    Writer bytes(byte[] value) {
      int n = value.length;
      out.write(n >>> 24);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
      out.writeBytes(value);
      return this;
    }

    Writer str(String value) {
      return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] build() {
      return out.toByteArray();
    }
  }

  /** Reads fields in the order they were written; a short or over-long value is reported as a corrupt record. */
  static final class Reader {
    private final ByteBuffer in;
    private final String what;

    private Reader(byte[] value, String what) {
      this.in = ByteBuffer.wrap(value);
      this.what = what;
    }

    int u8() {
      try {
        return in.get() & 0xFF;
      } catch (BufferUnderflowException e) {
        throw corrupt("truncated");
      }
    }

    long i64() {
      try {
        return in.getLong();
      } catch (BufferUnderflowException e) {
        throw corrupt("truncated");
      }
    }

    byte[] bytes() {
      try {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
          throw corrupt("field of " + n + " bytes with " + in.remaining() + " left");
        }
        byte[] out = new byte[n];
        in.get(out);
        return out;
      } catch (BufferUnderflowException e) {
        throw corrupt("truncated");
      }
    }

    String str() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** Checks the record format byte that starts every value. */
    Reader version(int expected) {
      int version = u8();
      if (version != expected) {
        throw corrupt("format version " + version + ", expected " + expected);
      }
      return this;
    }

    /** Checks that nothing follows the last field. */
    void end() {
      if (in.hasRemaining()) {
        throw corrupt(in.remaining() + " unexpected trailing bytes");
      }
    }

    private IllegalStateException corrupt(String why) {
      return new IllegalStateException("corrupt " + what + " record in the accounts store: " + why);
    }
  }
}
