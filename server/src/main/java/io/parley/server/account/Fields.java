package io.parley.server.account;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The value codec of account records: bytes, 8-byte numbers and length-prefixed byte strings, in a fixed order. */
public final class Fields {

  private Fields() {
  }

  public static Writer writer() {
    return new Writer();
  }

  public static Reader reader(byte[] value, String what) {
    return new Reader(value, what);
  }

  /** Appends fields. */
  public static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(96);

    public Writer u8(int value) {
      out.write(value);
      return this;
    }

    public Writer i64(long value) {
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (value >>> shift));
      }
      return this;
    }

    public Writer bytes(byte[] value) {
      int n = value.length;
      out.write(n >>> 24);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
      out.writeBytes(value);
      return this;
    }

    public Writer str(String value) {
      return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] build() {
      return out.toByteArray();
    }
  }

  /** Reads fields in the order they were written; a short or over-long value is reported as a corrupt record. */
  public static final class Reader {
    private final ByteBuffer in;
    private final String what;

    private Reader(byte[] value, String what) {
      this.in = ByteBuffer.wrap(value);
      this.what = what;
    }

    public int u8() {
      try {
        return in.get() & 0xFF;
      } catch (BufferUnderflowException e) {
        throw corrupt("truncated");
      }
    }

    public long i64() {
      try {
        return in.getLong();
      } catch (BufferUnderflowException e) {
        throw corrupt("truncated");
      }
    }

    public byte[] bytes() {
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

    public String str() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** Checks the record format byte that starts every value. */
    public Reader version(int expected) {
      int version = u8();
      if (version != expected) {
        throw corrupt("format version " + version + ", expected " + expected);
      }
      return this;
    }

    /** Checks that nothing follows the last field. */
    public void end() {
      if (in.hasRemaining()) {
        throw corrupt(in.remaining() + " unexpected trailing bytes");
      }
    }

    private IllegalStateException corrupt(String why) {
      return new IllegalStateException("corrupt " + what + " record in the accounts store: " + why);
    }
  }
}
