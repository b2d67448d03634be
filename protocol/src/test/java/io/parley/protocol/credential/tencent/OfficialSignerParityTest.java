package io.parley.protocol.credential.tencent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentyun.TLSSigAPIv2;
import io.parley.protocol.credential.tencent.UserSigCheck.Outcome;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Parity with the vendor's own signer, {@code com.github.tencentyun:tls-sig-api-v2:2.0}. That version only signs
 * (no verify method) and always stamps the current time, so each test reads the time back from its output.
 */
@DisplayName("Parity with the official Tencent signer tls-sig-api-v2 2.0")
class OfficialSignerParityTest {
  static final long APP = 1_400_000_000L;
  static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
  static final long DAY = 86_400L;
  final TLSSigAPIv2 official = new TLSSigAPIv2(APP, KEY);

  @Test
  @DisplayName("a UserSig from genUserSig passes our check")
  void officialUserSigChecksOk() throws Exception {
    String sig = official.genUserSig("alice", DAY);
    DecodedUserSig d = UserSig.decode(sig);

    UserSigCheck result = UserSig.check(sig, APP, KEY, "alice", d.time() + 1);
    assertEquals(Outcome.OK, result.outcome(), result.reason());
    assertEquals(DAY, d.expire());
  }

  @Test
  @DisplayName("a genPrivateMapKey UserSig (with userbuf) passes our check and carries genUserBuf's bytes")
  void officialPrivateMapKeyChecksOk() throws Exception {
    // The user buffer holds an absolute expiry (now + DAY): built just before and just after the key, it matches one
    // of them even when the calls straddle a second.
    byte[] before = official.genUserBuf("alice", 1234, DAY, 255, 0, "");
    String sig = official.genPrivateMapKey("alice", DAY, 1234, 255);
    byte[] after = official.genUserBuf("alice", 1234, DAY, 255, 0, "");
    DecodedUserSig d = UserSig.decode(sig);

    UserSigCheck result = UserSig.check(sig, APP, KEY, "alice", d.time() + 1);
    assertEquals(Outcome.OK, result.outcome(), result.reason());
    byte[] userbuf = d.userbufOrNull();
    assertTrue(java.util.Arrays.equals(before, userbuf) || java.util.Arrays.equals(after, userbuf),
        "the user buffer is the official signer's");
  }

  @Test
  @DisplayName("a genPrivateMapKeyWithStringRoomID UserSig passes our check")
  void officialStringRoomIdChecksOk() throws Exception {
    String sig = official.genPrivateMapKeyWithStringRoomID("alice", DAY, "room-42", 255);

    UserSigCheck result = UserSig.check(sig, APP, KEY, "alice", UserSig.decode(sig).time() + 1);
    assertEquals(Outcome.OK, result.outcome(), result.reason());
  }

  @Test
  @DisplayName("an official UserSig is refused under another key, app or user, and after its expiry")
  void officialUserSigRefusals() throws Exception {
    String sig = official.genUserSig("alice", DAY);
    long now = UserSig.decode(sig).time() + 1;

    assertEquals(Outcome.BAD_SIGNATURE, UserSig.check(sig, APP, KEY + "x", "alice", now).outcome());
    assertEquals(Outcome.SDKAPPID_MISMATCH, UserSig.check(sig, APP + 1, KEY, "alice", now).outcome());
    assertEquals(Outcome.IDENTIFIER_MISMATCH, UserSig.check(sig, APP, KEY, "bob", now).outcome());
    assertEquals(Outcome.EXPIRED, UserSig.check(sig, APP, KEY, "alice", now + DAY).outcome());
  }

  @Test
  @DisplayName("for the same inputs and time, our generate produces the official string byte for byte")
  void sameBytesWithoutUserbuf() throws Exception {
    String theirs = official.genUserSig("alice", DAY);
    long time = UserSig.decode(theirs).time();

    assertEquals(theirs, UserSig.generate(APP, KEY, "alice", DAY, null, time));
  }

  @Test
  @DisplayName("for the same inputs, userbuf and time, our generate produces the official string byte for byte")
  void sameBytesWithUserbuf() throws Exception {
    String theirs = official.genPrivateMapKey("alice", DAY, 1234, 255);
    DecodedUserSig d = UserSig.decode(theirs);

    assertEquals(theirs, UserSig.generate(APP, KEY, "alice", DAY, d.userbufOrNull(), d.time()));
  }

  @Test
  @DisplayName("with genUserBuf's bytes and the official time, our generate equals genPrivateMapKey byte for byte")
  void sameBytesWithOfficialUserBuf() throws Exception {
    // genUserBuf writes "now + expire" into the buffer and genPrivateMapKey reads the clock again, so the two calls
    // agree only within one second: retry when the second ticked between them.
    for (int attempt = 1; attempt <= 10; attempt++) {
      long before = System.currentTimeMillis() / 1000;
      byte[] userbuf = official.genUserBuf("alice", 1234, DAY, 255, 0, "");
      String theirs = official.genPrivateMapKey("alice", DAY, 1234, 255);
      long after = System.currentTimeMillis() / 1000;
      if (before == after) {
        long t = UserSig.decode(theirs).time();

        assertEquals(theirs, UserSig.generate(APP, KEY, "alice", DAY, userbuf, t));
        return;
      }
    }
    fail("the clock ticked to a new second during each of 10 attempts");
  }

  @Test
  @DisplayName("a genPrivateMapKey UserSig whose userbuf was swapped for another, keeping the signature, is refused")
  void officialUserbufSwapped() throws Exception {
    String original = official.genPrivateMapKey("alice", DAY, 1234, 255);
    DecodedUserSig d = UserSig.decode(original);
    long now = d.time() + 1;
    assertEquals(Outcome.OK, UserSig.check(original, APP, KEY, "alice", now).outcome());

    byte[][] others = {
        official.genUserBuf("alice", 4321, DAY, 255, 0, ""), // another room
        official.genUserBuf("alice", 1234, DAY, 1, 0, ""), // other privileges
        official.genUserBuf("alice", 1234, 100 * DAY, 255, 0, ""), // a later expiry inside the buffer
    };
    for (byte[] other : others) {
      String swapped = UserSigBytes.edit(original,
          tree -> tree.put("TLS.userbuf", Base64.getEncoder().encodeToString(other)));
      DecodedUserSig s = UserSig.decode(swapped);
      assertArrayEquals(other, s.userbufOrNull(), "the swap took effect");
      assertEquals(d.sig(), s.sig(), "the original signature was kept");

      UserSigCheck result = UserSig.check(swapped, APP, KEY, "alice", now);
      assertEquals(Outcome.BAD_SIGNATURE, result.outcome(), result.reason());
    }
  }

  @Test
  @DisplayName("for identifiers org.json escapes differently, the JSON content and the signature are still equal")
  void sameContentForAwkwardIdentifier() throws Exception {
    String id = "用户</x>\u0085\u2028\"q\"";
    String theirs = official.genUserSig(id, DAY);
    DecodedUserSig d = UserSig.decode(theirs);
    String ours = UserSig.generate(APP, KEY, id, DAY, null, d.time());

    ObjectMapper json = new ObjectMapper();
    assertEquals(json.readTree(UserSigBytes.openJson(theirs)), json.readTree(UserSigBytes.openJson(ours)));
    assertEquals(d, UserSig.decode(ours));
    assertEquals(Outcome.OK, UserSig.check(theirs, APP, KEY, id, d.time()).outcome());
  }

  @Test
  @DisplayName("the official 2.0 signer cuts output longer than 2048 deflated bytes; we read that as undecodable")
  void officialTruncatesLongOutput() {
    StringBuilder id = new StringBuilder();
    Random random = new Random(1);
    for (int i = 0; i < 4_000; i++) {
      id.append((char) ('a' + random.nextInt(26)));
    }
    String theirs = official.genUserSig(id.toString(), DAY);

    assertEquals(Outcome.UNDECODABLE, UserSig.check(theirs, APP, KEY, id.toString(), 0).outcome());
    assertTrue(UserSigBytes.unstar(theirs).length == 2048, "2.0 truncates at its 2048-byte buffer");
  }
}
