package io.parley.server.vendor.yuntongxun;

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

/** Yuntongxun (Cloopen): sub-account and app-token logins, the 2013-12-26 REST API and message-copy callbacks. */
public final class YuntongxunVendor implements Vendor {
  @Override
  public VendorKind kind() {
    return VendorKind.YUNTONGXUN;
  }

  @Override
  public List<String> secretKeys() {
    return List.of("accountSid", "authToken", "appToken", "anyAccountLogin");
  }

  @Override
  public <E extends Exception> AppSecrets secrets(SecretSettings<E> settings) throws E {
    return new AppSecrets.Yuntongxun(settings.required("accountSid"), settings.required("authToken"),
        settings.required("appToken"), settings.bool("anyAccountLogin", true));
  }

  @Override
  public Map<CredentialKind, CredentialVerifier> verifiers(VerifierServices s) {
    YuntongxunVerifier verifier = new YuntongxunVerifier(s.accounts(), s.executor());
    if (s.accounts() == null) {
      return Map.of(CredentialKind.YUNTONGXUN_APP_TOKEN, verifier); // sub-accounts are stored
    }
    return Map.of(CredentialKind.YUNTONGXUN_APP_TOKEN, verifier, CredentialKind.YUNTONGXUN_VOIP, verifier);
  }

  @Override
  public VendorIssuer issuer(Accounts accounts) {
    return new YuntongxunIssuer(accounts);
  }

  @Override
  public VendorDoctor doctor(Accounts accounts) {
    return new YuntongxunDoctor(accounts);
  }

  @Override
  public CallbackFormat callbacks() {
    return new YuntongxunCallbacks();
  }

  @Override
  public Optional<MessageFormat> messages() {
    return Optional.of(new YuntongxunMessageFormat());
  }

  @Override
  public String restPaths() {
    return "/2013-12-26/Accounts/<AccountSid>/<function>, /2013-12-26/SubAccounts/<subAccountSid>/Group|Member/<function>";
  }

  @Override
  public Optional<RestFace> rest(RestContext context) {
    return Optional.of(new YuntongxunRest(context));
  }
}
