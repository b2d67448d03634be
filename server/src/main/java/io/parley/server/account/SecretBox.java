package io.parley.server.account;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts account secrets at rest with AES-256-GCM under one master key kept in its own file. A sealed value is
 * {@code version(1) ‖ iv(12) ‖ ciphertext ‖ tag(16)}, with a fresh random IV per value; an optional context (the
 * record the value belongs to) is authenticated with it, so a sealed value copied into another record does not open.
 * Thread-safe. {@code toString()} never shows the key.
 */
public final class SecretBox {

  private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

  static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte VERSION = 1;
  private static final int OVERHEAD = 1 + IV_BYTES + TAG_BITS / 8;
  private static final byte[] NO_CONTEXT = new byte[0];
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  private SecretBox(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
    Arrays.fill(key, (byte) 0);
  }

  /**
   * Reads the 32-byte master key from {@code keyFile}, or creates the file with 32 random bytes (owner read/write
   * only where the file system has POSIX permissions) when it does not exist.
   *
   * @throws IOException when the file cannot be read or created, or does not hold exactly 32 bytes
   */
  public static SecretBox openOrCreate(Path keyFile) throws IOException {
    Objects.requireNonNull(keyFile, "keyFile");
    if (!Files.exists(keyFile)) {
      try {
        return new SecretBox(create(keyFile));
      } catch (FileAlreadyExistsException raced) {
        // Another process created it between the check and the create: use theirs.
      }
    }
    return new SecretBox(read(keyFile));
  }

  /** Seals {@code plain} with no context. */
  public byte[] seal(byte[] plain) {
    return seal(plain, NO_CONTEXT);
  }

  /** Seals {@code plain}; {@link #open(byte[], byte[])} needs the same {@code context} to open it. */
  public byte[] seal(byte[] plain, byte[] context) {
    Objects.requireNonNull(plain, "plain");
    Objects.requireNonNull(context, "context");
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(context);
      byte[] out = new byte[1 + IV_BYTES + cipher.getOutputSize(plain.length)];
      out[0] = VERSION;
      System.arraycopy(iv, 0, out, 1, IV_BYTES);
      cipher.doFinal(plain, 0, plain.length, out, 1 + IV_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
    }
  }

  /** Opens a value sealed with no context. */
  public byte[] open(byte[] sealed) {
    return open(sealed, NO_CONTEXT);
  }

  /**
   * Opens a value sealed under this key with this {@code context}.
   *
   * @throws SecurityException when the value was altered, sealed under another key or context, or is not a sealed value
   */
  public byte[] open(byte[] sealed, byte[] context) {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(context, "context");
    if (sealed.length < OVERHEAD || sealed[0] != VERSION) {
      throw new SecurityException("not a sealed value (wrong length or format version)");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
      cipher.updateAAD(context);
      return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
    } catch (AEADBadTagException e) {
      throw new SecurityException(
          "sealed value failed authentication: it was tampered with, or sealed under another master key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "SecretBox[AES-256-GCM, key=<redacted>]";
  }

  /** Writes a new random key into a file that must not exist yet, and syncs it before returning the key. */
  private static byte[] create(Path keyFile) throws IOException {
    Path parent = keyFile.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    boolean posix = Files.getFileStore(parent).supportsFileAttributeView(PosixFileAttributeView.class);
    FileAttribute<?>[] attributes = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    // CREATE_NEW: fails with FileAlreadyExistsException rather than replace a key someone else just wrote.
    try (FileChannel channel = FileChannel.open(keyFile,
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
      try {
        ByteBuffer buffer = ByteBuffer.wrap(key.clone());
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      } catch (IOException e) {
        // A short key file would be refused at every later start: leave none behind.
        Files.deleteIfExists(keyFile);
        throw e;
      }
    }
    syncDirectory(parent);
    log.info("created a new account master key in {}", keyFile);
    return key;
  }

  private static byte[] read(Path keyFile) throws IOException {
    long size = Files.size(keyFile);
    if (size != KEY_BYTES) {
      throw new IOException("account master key file " + keyFile + " holds " + size + " bytes, but a master key is "
          + "exactly " + KEY_BYTES + " bytes; refusing to use it (restore the right file: accounts sealed under "
          + "another key cannot be opened)");
    }
    byte[] key = Files.readAllBytes(keyFile);
    if (key.length != KEY_BYTES) {
      throw new IOException("account master key file " + keyFile + " changed while it was read");
    }
    warnIfShared(keyFile);
    return key;
  }

  private static void warnIfShared(Path keyFile) {
    try {
      if (Files.getFileAttributeView(keyFile, PosixFileAttributeView.class) != null) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
        permissions.retainAll(EnumSet.complementOf(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE)));
        if (!permissions.isEmpty()) {
          log.warn("account master key file {} is accessible to others ({}); restrict it to its owner (chmod 600)",
              keyFile, PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Only a warning: the key itself was read fine.
    }
  }

  /** Makes the new file's directory entry durable; not every platform can open a directory, which is fine there. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open directories; the file itself is synced.
    }
  }
}
