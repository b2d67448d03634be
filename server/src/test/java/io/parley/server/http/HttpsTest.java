package io.parley.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.ParleyServer;
import io.parley.server.config.DataDir;
import io.parley.server.support.TestServers;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("HTTPS with the sandbox's self-signed certificate")
class HttpsTest {
  @TempDir Path dir;

  private SandboxCertificate.TlsFiles files() {
    return SandboxCertificate.files(DataDir.tls(dir));
  }

  private static List<byte[]> contents(SandboxCertificate.TlsFiles f) throws Exception {
    return List.of(Files.readAllBytes(f.certificate()), Files.readAllBytes(f.privateKey()), Files.readAllBytes(f.trustStore()));
  }

  @Test
  @DisplayName("the sandbox writes certificate, key and trust store on its first start and reuses them on the next")
  void writtenOnceThenReused() throws Exception {
    List<byte[]> first;
    try (ParleyServer server = TestServers.start(dir)) {
      first = contents(files());
    }
    try (ParleyServer server = TestServers.start(dir)) {
      List<byte[]> second = contents(files());
      for (int i = 0; i < first.size(); i++) {
        assertArrayEquals(first.get(i), second.get(i));
      }
      assertEquals(404, Tls.get(Tls.trusting(files().trustStore()),
          "https://127.0.0.1:" + server.httpsPort().getAsInt() + "/").statusCode(), "the first trust store still works");
    }
  }

  @Test
  @DisplayName("a client trusting only the written trust store reaches https://127.0.0.1 and https://localhost, host names checked")
  void trustedClientConnects() throws Exception {
    try (ParleyServer server = TestServers.start(dir)) {
      int port = server.httpsPort().getAsInt();
      for (String host : List.of("127.0.0.1", "localhost")) {
        HttpResponse<String> res = Tls.get(Tls.trusting(files().trustStore()), "https://" + host + ":" + port + "/no/vendor/here");
        assertEquals(404, res.statusCode());
        assertTrue(res.body().startsWith("{\"error\":\"no vendor route matches GET /no/vendor/here"), res.body());
      }
    }
  }

  @Test
  @DisplayName("a client that does not trust the certificate fails the handshake")
  void untrustedClientFails() throws Exception {
    try (ParleyServer server = TestServers.start(dir)) {
      assertThrows(SSLHandshakeException.class,
          () -> Tls.get(Tls.defaultTrust(), "https://127.0.0.1:" + server.httpsPort().getAsInt() + "/"));
    }
  }

  @Test
  @DisplayName("a trusting client still refuses the certificate for an address it does not name (127.0.0.2)")
  void hostNamesAreChecked() throws Exception {
    SandboxCertificate.TlsFiles f = SandboxCertificate.writeOrReuse(dir);
    ExecutorService pool = HandlerPool.create("test-handlers", 1, 4);
    try (HttpServer other = new HttpServer(Router.builder("test").build(), pool, 1024,
        Optional.of(PemTls.server(f.certificate(), f.privateKey()))).start("127.0.0.2", 0)) {
      assertThrows(SSLHandshakeException.class,
          () -> Tls.get(Tls.trusting(f.trustStore()), "https://127.0.0.2:" + other.port() + "/"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("the certificate names IP 127.0.0.1, IP ::1 and DNS localhost; the key file is its owner's only")
  void whatTheCertificateSays() throws Exception {
    SandboxCertificate.TlsFiles f = SandboxCertificate.writeOrReuse(dir);
    X509Certificate cert;
    try (InputStream in = Files.newInputStream(f.certificate())) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    assertEquals(List.of(List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"), List.of(2, "localhost")),
        List.copyOf(cert.getSubjectAlternativeNames()));
    cert.checkValidity();
    assertTrue(Files.readString(f.privateKey()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.privateKey())));
  }

  @Test
  @DisplayName("the printed JVM flags name the trust store's absolute path and its password")
  void javaTrustFlags() {
    assertEquals("-Djavax.net.ssl.trustStore=" + dir.resolve("tls").resolve("truststore.p12").toAbsolutePath()
        + " -Djavax.net.ssl.trustStorePassword=parley-dev", files().javaTrustFlags());
  }
}
