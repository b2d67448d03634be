package io.parley.server.vendor.netease;

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

/** NetEase Yunxin: accid + token logins, the nimserver API, typed messages and 抄送 callbacks. */
public final class NeteaseVendor implements Vendor {
  @Override
  public VendorKind kind() {
    return VendorKind.NETEASE;
  }

  @Override
  public List<String> secretKeys() {
    return List.of("appSecret");
  }

  @Override
  public <E extends Exception> AppSecrets secrets(SecretSettings<E> settings) throws E {
    return new AppSecrets.Netease(settings.required("appSecret"));
  }

  @Override
  public Map<CredentialKind, CredentialVerifier> verifiers(VerifierServices s) {
    if (s.accounts() == null) {
      return Map.of();
    }
    return Map.of(CredentialKind.NETEASE_TOKEN, new NeteaseTokenVerifier(s.accounts(), s.executor()));
  }

  @Override
  public VendorIssuer issuer(Accounts accounts) {
    return new NeteaseIssuer(accounts);
  }

  @Override
  public VendorDoctor doctor(Accounts accounts) {
    return new NeteaseDoctor(accounts);
  }

  @Override
  public CallbackFormat callbacks() {
    return new NeteaseCallbacks();
  }

  @Override
  public Optional<MessageFormat> messages() {
    return Optional.of(new NeteaseMessageFormat());
  }

  @Override
  public String restPaths() {
    return "/nimserver/<module>/<action>.action";
  }

  @Override
  public Optional<RestFace> rest(RestContext context) {
    return Optional.of(new NeteaseRest(context));
  }
}
