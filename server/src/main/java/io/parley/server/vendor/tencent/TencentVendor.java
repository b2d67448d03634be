package io.parley.server.vendor.tencent;

import io.parley.protocol.v1.CredentialKind;
import io.parley.server.vendor.Accounts;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.SecretSettings;
import io.parley.server.app.VendorKind;
import io.parley.server.auth.CredentialVerifier;
import io.parley.server.auth.VendorIssuer;
import io.parley.server.callback.CallbackFormat;
import io.parley.server.doctor.VendorDoctor;
import io.parley.server.messaging.MessageFormat;
import io.parley.server.vendor.RestContext;
import io.parley.server.vendor.RestFace;
import io.parley.server.vendor.Vendor;
import io.parley.server.vendor.VerifierServices;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tencent Cloud IM: UserSig logins, REST v4, MsgBody elements and Tencent's callbacks. */
public final class TencentVendor implements Vendor {
  @Override
  public VendorKind kind() {
    return VendorKind.TENCENT;
  }

  @Override
  public List<String> secretKeys() {
    return List.of("key", "adminIdentifier");
  }

  @Override
  public <E extends Exception> AppSecrets secrets(SecretSettings<E> settings) throws E {
    return new AppSecrets.Tencent(settings.required("key"),
        settings.string("adminIdentifier", AppSecrets.Tencent.DEFAULT_ADMIN));
  }

  @Override
  public Map<CredentialKind, CredentialVerifier> verifiers(VerifierServices s) {
    return Map.of(CredentialKind.TENCENT_USERSIG,
        new TencentUserSigVerifier(s.executor(), s.clock(), s.cacheMaxEntries()));
  }

  @Override
  public VendorIssuer issuer(Accounts accounts) {
    return new TencentIssuer();
  }

  @Override
  public VendorDoctor doctor(Accounts accounts) {
    return new TencentDoctor();
  }

  @Override
  public CallbackFormat callbacks() {
    return new TencentCallbacks();
  }

  @Override
  public Optional<MessageFormat> messages() {
    return Optional.of(new TencentMessageFormat());
  }

  @Override
  public String restPaths() {
    return "/v4/<servicename>/<command>";
  }

  @Override
  public Optional<RestFace> rest(RestContext context) {
    return Optional.of(new TencentRest(context));
  }
}
