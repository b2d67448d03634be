package io.parley.server.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bearer token of the admin port's POST actions, kept in {@code <data-dir>/admin.token} (owner-only where the
 * file system allows) so that local tools started by the same user can read it and nobody else needs it.
 */
public final class AdminToken {
  private AdminToken() {}

  /** The file's token, created with 32 random bytes (hex) on first use. */
  public static String readOrCreate(Path dataDir) throws IOException {
    Path file = file(dataDir);
    if (!Files.exists(file)) {
      String token = HexFormat.of().formatHex(randomBytes());
      try {
        Files.createFile(file);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: rely on the data directory's own permissions
        }
        Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
        return token;
      } catch (FileAlreadyExistsException raced) {
        // another process created it first: read theirs
      }
    }
    String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
    if (token.isEmpty()) {
      throw new IOException(file + " is empty; delete it and restart the server to create a new admin token");
    }
    return token;
  }

  /** Where the token lives. */
  public static Path file(Path dataDir) {
    return dataDir.resolve("admin.token");
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
