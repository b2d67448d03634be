package io.parley.server.vendor.tencent;

import io.github.doocs.im.ImClient;
import io.parley.server.ParleyServer;
import io.parley.server.config.DataDir;
import io.parley.server.config.Sandbox;
import io.parley.server.http.SandboxCertificate;
import java.util.HashMap;
import java.util.Map;

/**
 * The doocs SDK pointed at a test server over HTTPS, trusting its sandbox certificate for as long as it is open (see
 * {@link TencentRestSdkTest} for why setting the trust-store properties around the calls is enough).
 */
final class DoocsSdk implements AutoCloseable {
  private static final String[] TRUST_PROPERTIES = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword"};

  private final Map<String, String> saved = new HashMap<>();
  final ImClient client;

  DoocsSdk(ParleyServer server) {
    for (String p : TRUST_PROPERTIES) {
      saved.put(p, System.getProperty(p));
    }
    SandboxCertificate.TlsFiles tls = SandboxCertificate.files(DataDir.tls(server.config().dataDir()));
    System.setProperty("javax.net.ssl.trustStore", tls.trustStore().toAbsolutePath().toString());
    System.setProperty("javax.net.ssl.trustStorePassword", SandboxCertificate.TRUST_STORE_PASSWORD);
    client = ImClient.getInstance(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_ADMIN, Sandbox.TENCENT_KEY,
        "127.0.0.1:" + server.httpsPort().getAsInt());
  }

  /** Puts the trust-store properties back as they were. */
  @Override
  public void close() {
    saved.forEach((p, v) -> {
      if (v == null) {
        System.clearProperty(p);
      } else {
        System.setProperty(p, v);
      }
    });
  }
}
