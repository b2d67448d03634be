package io.parley.server.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * A server {@link SslContext} from a PEM certificate chain and a PEM private key: PKCS#8, and (BouncyCastle being on
 * the class path) PKCS#1 RSA and SEC1 EC keys too.
 */
public final class PemTls {
  private PemTls() {}

  /** @throws SSLException naming the file that holds no usable certificate or key */
  public static SslContext server(Path certificate, Path privateKey) throws SSLException {
    try {
      return SslContextBuilder.forServer(certificate.toFile(), privateKey.toFile()).build();
    } catch (IllegalArgumentException e) { // Netty's "File does not contain valid certificates: <path>" and the like
      throw new SSLException(e.getMessage(), e);
    }
  }
}
