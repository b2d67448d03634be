package io.parley.server.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SecretBox: AES-256-GCM under a master key file")
class SecretBoxTest {

  private static final byte[] PLAIN = "voip-password-1".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  @Test
  @DisplayName("a missing key file is created, directories included, with 32 random bytes readable by its owner only")
  void createsKeyFile() throws Exception {
    Path keyFile = dir.resolve("etc").resolve("parley").resolve("accounts.key");
    SecretBox.openOrCreate(keyFile);
    assertEquals(32, Files.size(keyFile));
    Path other = dir.resolve("other.key");
    SecretBox.openOrCreate(other);
    assertFalse(Arrays.equals(Files.readAllBytes(keyFile), Files.readAllBytes(other)), "keys are random");
    assumeTrue(Files.getFileAttributeView(keyFile, PosixFileAttributeView.class) != null, "POSIX file system");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
  }

  @Test
  @DisplayName("a box opened again from the same key file opens what the first one sealed")
  void reopenSameKey() throws Exception {
    Path keyFile = dir.resolve("accounts.key");
    byte[] sealed = SecretBox.openOrCreate(keyFile).seal(PLAIN);
    byte[] before = Files.readAllBytes(keyFile);
    assertArrayEquals(PLAIN, SecretBox.openOrCreate(keyFile).open(sealed));
    assertArrayEquals(before, Files.readAllBytes(keyFile), "an existing key file is left as it is");
  }

  @Test
  @DisplayName("a box with another key cannot open a sealed value")
  void otherKeyCannotOpen() throws Exception {
    byte[] sealed = SecretBox.openOrCreate(dir.resolve("a.key")).seal(PLAIN);
    SecretBox other = SecretBox.openOrCreate(dir.resolve("b.key"));
    SecurityException e = assertThrows(SecurityException.class, () -> other.open(sealed));
    assertTrue(e.getMessage().contains("another master key"), e.getMessage());
  }

  @Test
  @DisplayName("changing any single byte of a sealed value is detected")
  void tamperingDetected() throws Exception {
    SecretBox box = SecretBox.openOrCreate(dir.resolve("accounts.key"));
    byte[] sealed = box.seal(PLAIN);
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThrows(SecurityException.class, () -> box.open(tampered), "byte " + i);
    }
    assertThrows(SecurityException.class, () -> box.open(Arrays.copyOf(sealed, sealed.length - 1)));
    assertThrows(SecurityException.class, () -> box.open(new byte[0]));
  }

  @Test
  @DisplayName("a value sealed with a context opens only with that same context")
  void contextBound() throws Exception {
    SecretBox box = SecretBox.openOrCreate(dir.resolve("accounts.key"));
    byte[] sealed = box.seal(PLAIN, bytes("app-a/sid-1/voipPwd"));
    assertArrayEquals(PLAIN, box.open(sealed, bytes("app-a/sid-1/voipPwd")));
    assertThrows(SecurityException.class, () -> box.open(sealed, bytes("app-b/sid-1/voipPwd")));
    assertThrows(SecurityException.class, () -> box.open(sealed));
  }

  @Test
  @DisplayName("sealing the same value twice gives two different ciphertexts, neither containing the plain text")
  void freshIvEachTime() throws Exception {
    SecretBox box = SecretBox.openOrCreate(dir.resolve("accounts.key"));
    byte[] first = box.seal(PLAIN);
    byte[] second = box.seal(PLAIN);
    assertFalse(Arrays.equals(first, second));
    assertEquals(1 + 12 + PLAIN.length + 16, first.length);
    assertFalse(Bytes.contains(first, PLAIN));
    assertArrayEquals(new byte[0], box.open(box.seal(new byte[0])));
  }

  @Test
  @DisplayName("a key file of the wrong length is refused with an IOException that says so, and is left untouched")
  void wrongLengthRefused() throws Exception {
    for (int size : new int[] {0, 16, 31, 33, 64}) {
      Path keyFile = dir.resolve("key-" + size);
      Files.write(keyFile, new byte[size]);
      IOException e = assertThrows(IOException.class, () -> SecretBox.openOrCreate(keyFile));
      assertTrue(e.getMessage().contains("holds " + size + " bytes") && e.getMessage().contains("exactly 32 bytes"),
          e.getMessage());
      assertEquals(size, Files.size(keyFile));
    }
  }

  @Test
  @DisplayName("printing a box never shows its key")
  void toStringRedacts() throws Exception {
    assertEquals("SecretBox[AES-256-GCM, key=<redacted>]", SecretBox.openOrCreate(dir.resolve("k")).toString());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
