package io.parley.protocol.credential.tencent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Test helper: opens a UserSig into its JSON and seals edited JSON (or any bytes) back, without signing. */
final class UserSigBytes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private UserSigBytes() {}

  static String seal(byte[] payload) {
    Deflater deflater = new Deflater();
    deflater.setInput(payload);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return star(out.toByteArray());
  }

  static String seal(String payload) {
    return seal(payload.getBytes(StandardCharsets.UTF_8));
  }

  static String star(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes).replace('+', '*').replace('/', '-').replace('=', '_');
  }

  static byte[] unstar(String userSig) {
    return Base64.getDecoder().decode(userSig.replace('*', '+').replace('-', '/').replace('_', '='));
  }

  static String openJson(String userSig) throws DataFormatException {
    Inflater inflater = new Inflater();
    inflater.setInput(unstar(userSig));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!inflater.finished()) {
      int n = inflater.inflate(buffer);
      if (n == 0 && !inflater.finished()) {
        throw new DataFormatException("truncated");
      }
      out.write(buffer, 0, n);
    }
    inflater.end();
    return out.toString(StandardCharsets.UTF_8);
  }

  static ObjectNode openTree(String userSig) throws Exception {
    return (ObjectNode) JSON.readTree(openJson(userSig));
  }

  /** Re-encodes the UserSig after {@code edit} changed its JSON; the signature is left as it was. */
  static String edit(String userSig, Consumer<ObjectNode> edit) throws Exception {
    ObjectNode tree = openTree(userSig);
    edit.accept(tree);
    return seal(JSON.writeValueAsBytes(tree));
  }
}
