package io.parley.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The sandbox's self-signed TLS certificate, for IP 127.0.0.1, IP ::1 and DNS localhost: written on the first start
 * into {@code <data-dir>/tls/} with its private key and a PKCS12 trust store that holds it, and reused afterwards.
 * Like every dev secret, the trust store's password is public: {@value #TRUST_STORE_PASSWORD}.
 */
public final class SandboxCertificate {
  public static final String TRUST_STORE_PASSWORD = "parley-dev";
  private static final Duration VALIDITY = Duration.ofDays(3650);

  /** The three files, in {@code dir}. */
  public record TlsFiles(Path certificate, Path privateKey, Path trustStore) {
    /** The JVM flags that make a Java client trust the certificate. */
    public String javaTrustFlags() {
      return "-Djavax.net.ssl.trustStore=" + trustStore.toAbsolutePath().normalize()
          + " -Djavax.net.ssl.trustStorePassword=" + TRUST_STORE_PASSWORD;
    }
  }

  private SandboxCertificate() {}

  /** The files in {@code dir}, without looking at them. */
  public static TlsFiles files(Path dir) {
    return new TlsFiles(dir.resolve("localhost.crt"), dir.resolve("localhost.key"), dir.resolve("truststore.p12"));
  }

  /** The certificate in {@code dir}: the one already there, or a new one when any of its three files is missing. */
  public static TlsFiles writeOrReuse(Path dir) throws IOException, GeneralSecurityException {
    TlsFiles f = files(dir);
    if (Files.exists(f.certificate) && Files.exists(f.privateKey) && Files.exists(f.trustStore)) {
      return f;
    }
    Files.createDirectories(dir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    X509Certificate certificate = selfSigned(keys);
    // the trust store last: its presence says the other two are complete
    write(f.privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), true);
    write(f.certificate, pem("CERTIFICATE", certificate.getEncoded()), false);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("parley-sandbox", certificate);
    Path tmp = f.trustStore.resolveSibling(f.trustStore.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      trust.store(out, TRUST_STORE_PASSWORD.toCharArray());
    }
    Files.move(tmp, f.trustStore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return f;
  }

  private static X509Certificate selfSigned(KeyPair keys) throws GeneralSecurityException, IOException {
    X500Name name = new X500Name("CN=localhost, O=Parley sandbox");
    Instant now = Instant.now();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, keys.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
        new GeneralName(GeneralName.iPAddress, "::1"),
        new GeneralName(GeneralName.dNSName, "localhost")}));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    try {
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign the sandbox certificate", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static void write(Path file, String text, boolean ownerOnly) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp);
    if (ownerOnly) {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: rely on the data directory's own permissions
      }
    }
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
