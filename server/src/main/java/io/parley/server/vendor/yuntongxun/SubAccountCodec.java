package io.parley.server.vendor.yuntongxun;

import io.parley.server.account.Fields;
import io.parley.server.account.SecretBox;

import io.parley.server.store.AccountStore;
import java.nio.charset.StandardCharsets;

/**
 * Stores a sub-account with its sub-token and VoIP password sealed by the {@link SecretBox}. Each sealed value is
 * bound to its app, its sub-account sid and its field, so it opens nowhere else.
 */
public final class SubAccountCodec {

  private static final int VERSION = 1;

  private final SecretBox box;

  public SubAccountCodec(SecretBox box) {
    this.box = box;
  }

  public byte[] encode(String appId, SubAccount account) {
    String sid = account.subAccountSid();
    return Fields.writer().u8(VERSION)
        .str(sid)
        .bytes(box.seal(utf8(account.subToken()), context(appId, sid, "subToken")))
        .str(account.dateCreated())
        .str(account.voipAccount())
        .bytes(box.seal(utf8(account.voipPwd()), context(appId, sid, "voipPwd")))
        .str(account.friendlyName())
        .build();
  }

  public SubAccount decode(String appId, byte[] value) {
    Fields.Reader in = reader(value);
    String sid = in.str();
    byte[] sealedToken = in.bytes();
    String dateCreated = in.str();
    String voipAccount = in.str();
    byte[] sealedPwd = in.bytes();
    String friendlyName = in.str();
    in.end();
    return new SubAccount(sid, open(sealedToken, appId, sid, "subToken"), dateCreated, voipAccount,
        open(sealedPwd, appId, sid, "voipPwd"), friendlyName);
  }

  /** The stored VoIP password alone (the login path does not need to open the sub-token). */
  public String voipPwd(String appId, byte[] value) {
    Fields.Reader in = reader(value);
    String sid = in.str();
    in.bytes();
    in.str();
    in.str();
    return open(in.bytes(), appId, sid, "voipPwd");
  }

  /** The stored voipAccount and sid, without opening any secret. */
  public Ids ids(byte[] value) {
    Fields.Reader in = reader(value);
    String sid = in.str();
    in.bytes();
    in.str();
    String voipAccount = in.str();
    in.bytes();
    return new Ids(sid, voipAccount, in.str());
  }

  private String open(byte[] sealed, String appId, String sid, String field) {
    return new String(box.open(sealed, context(appId, sid, field)), StandardCharsets.UTF_8);
  }

  private static Fields.Reader reader(byte[] value) {
    return Fields.reader(value, "Yuntongxun sub-account").version(VERSION);
  }

  private static byte[] context(String appId, String sid, String field) {
    return AccountStore.key(appId).str("ytx").str(sid).str(field).build();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The identifying, non-secret fields of a stored sub-account. */
  public record Ids(String subAccountSid, String voipAccount, String friendlyName) {
  }
}
