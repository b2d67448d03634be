package io.parley.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.ParleyServer;
import io.parley.server.config.ConfigException;
import io.parley.server.configfile.ConfigLoader;
import io.parley.server.config.DataDir;
import io.parley.server.support.TestServers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The vendor REST listeners")
class RestListenersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Path deployment(String extra) throws Exception {
    Path file = dir.resolve("parley.yaml");
    Files.writeString(file, "dataDir: " + dir.resolve("data") + "\nports: {tcp: 0, ws: 0, http: 0, https: 0, admin: 0}\n"
        + extra + "apps:\n  - {id: \"1400000001\", vendor: tencent, key: k}\n");
    return file;
  }

  @Test
  @DisplayName("the sandbox serves HTTP and HTTPS, every path a JSON 404 saying no vendor route matched, ports in ports.json")
  void sandbox() throws Exception {
    try (ParleyServer server = TestServers.start(dir)) {
      HttpResponse<String> http = Tls.get(Tls.defaultTrust(), "http://127.0.0.1:" + server.httpPort() + "/no/vendor/here");
      assertEquals(404, http.statusCode());
      assertTrue(http.body().startsWith("{\"error\":\"no vendor route matches GET /no/vendor/here"), http.body());
      HttpResponse<String> https = Tls.get(Tls.trusting(SandboxCertificate.files(DataDir.tls(dir)).trustStore()),
          "https://localhost:" + server.httpsPort().getAsInt() + "/");
      assertEquals(404, https.statusCode());

      JsonNode ports = JSON.readTree(Files.readString(DataDir.portsFile(dir)));
      assertEquals(server.httpPort(), ports.get("http").asInt());
      assertEquals(server.httpsPort().getAsInt(), ports.get("https").asInt());
    }
  }

  @Test
  @DisplayName("a deployment without tls serves HTTP only, and ports.json says https: null")
  void deploymentWithoutTls() throws Exception {
    try (ParleyServer server = ParleyServer.start(ConfigLoader.load(deployment("")))) {
      assertEquals(OptionalInt.empty(), server.httpsPort());
      assertEquals(404, Tls.get(Tls.defaultTrust(), "http://127.0.0.1:" + server.httpPort() + "/no/vendor/here").statusCode());
      assertTrue(Files.readString(DataDir.portsFile(dir.resolve("data"))).contains("\"https\":null"));
      assertTrue(Files.notExists(DataDir.tls(dir.resolve("data"))), "no sandbox certificate outside the sandbox");
    }
  }

  @Test
  @DisplayName("a deployment with tls serves HTTPS with its own PEM certificate and key")
  void deploymentWithTls() throws Exception {
    SandboxCertificate.TlsFiles own = SandboxCertificate.writeOrReuse(dir.resolve("own-cert"));
    Path config = deployment("tls: {certificate: " + own.certificate() + ", privateKey: " + own.privateKey() + "}\n");
    try (ParleyServer server = ParleyServer.start(ConfigLoader.load(config))) {
      assertEquals(404, Tls.get(Tls.trusting(own.trustStore()),
          "https://localhost:" + server.httpsPort().getAsInt() + "/").statusCode());
    }
  }

  @Test
  @DisplayName("tls files that hold no certificate stop the start with a config error naming tls")
  void unusableTlsFiles() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
    Path config = deployment("tls: {certificate: " + junk + ", privateKey: " + junk + "}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ParleyServer.start(ConfigLoader.load(config)).close());
    assertEquals("tls", e.key());
  }
}
