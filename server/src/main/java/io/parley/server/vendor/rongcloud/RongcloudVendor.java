package io.parley.server.vendor.rongcloud;

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

/** Rongcloud: tokens that name their user, the Server API, RC:* messages and Rongcloud's callbacks. */
public final class RongcloudVendor implements Vendor {
  @Override
  public VendorKind kind() {
    return VendorKind.RONGCLOUD;
  }

  @Override
  public List<String> secretKeys() {
    return List.of("appSecret");
  }

  @Override
  public <E extends Exception> AppSecrets secrets(SecretSettings<E> settings) throws E {
    return new AppSecrets.Rongcloud(settings.required("appSecret"));
  }

  @Override
  public Map<CredentialKind, CredentialVerifier> verifiers(VerifierServices s) {
    if (s.accounts() == null) {
      return Map.of(); // tokens are checked against the users' expiry times, which are stored
    }
    return Map.of(CredentialKind.RONGCLOUD_TOKEN,
        new RongcloudTokenVerifier(s.accounts(), s.executor(), s.cacheMaxEntries()));
  }

  @Override
  public VendorIssuer issuer(Accounts accounts) {
    return new RongcloudIssuer();
  }

  @Override
  public VendorDoctor doctor(Accounts accounts) {
    return new RongcloudDoctor(accounts);
  }

  @Override
  public CallbackFormat callbacks() {
    return new RongcloudCallbacks();
  }

  @Override
  public Optional<MessageFormat> messages() {
    return Optional.of(new RongcloudMessageFormat());
  }

  @Override
  public String restPaths() {
    return "/<path>.json";
  }

  @Override
  public Optional<RestFace> rest(RestContext context) {
    return Optional.of(new RongcloudRest(context));
  }
}
