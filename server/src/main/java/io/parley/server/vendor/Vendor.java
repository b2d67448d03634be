package io.parley.server.vendor;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one cloud IM vendor brings, behind one seam (DESIGN §11): how its app secrets read, its credential
 * verifiers, issuer and doctor, its message format, its callback format and its REST face. {@link Vendors} lists the
 * four; the core never names a vendor.
 */
public interface Vendor {
  VendorKind kind();

  /** The configuration keys of this vendor's app secrets (besides id, vendor, limits and callback). */
  List<String> secretKeys();

  /** The app's secrets from its configuration entry. */
  <E extends Exception> AppSecrets secrets(SecretSettings<E> settings) throws E;

  /** A verifier for each credential kind of this vendor that can be checked with these services. */
  Map<CredentialKind, CredentialVerifier> verifiers(VerifierServices services);

  /** Issues this vendor's client credentials; {@code accounts} may be null where none need storing. */
  VendorIssuer issuer(Accounts accounts);

  /** Explains this vendor's credentials, reading its accounts where a check needs them. */
  VendorDoctor doctor(Accounts accounts);

  CallbackFormat callbacks();

  /** The vendor's message body format and message ids; empty while the vendor has no element mapping. */
  Optional<MessageFormat> messages();

  /** The shape of the vendor's REST paths, for the banner: {@code /v4/<servicename>/<command>}. */
  String restPaths();

  /** The vendor's server REST API over the core; empty while it has none. */
  Optional<RestFace> rest(RestContext context);
}
