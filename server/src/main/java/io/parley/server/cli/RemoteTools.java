package io.parley.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.admin.AdminToken;
import io.parley.server.auth.IssuedCredential;
import io.parley.server.config.DataDir;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link CredentialTools} served by a running server's admin port, found through its data directory. */
final class RemoteTools implements CredentialTools {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI base;
  private final String token;

  private RemoteTools(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The tools of the server running over {@code dataDir}, or empty when none answers there. */
  static Optional<RemoteTools> find(Path dataDir) {
    try {
      Path ports = DataDir.portsFile(dataDir);
      if (!Files.exists(ports) || !Files.exists(AdminToken.file(dataDir))) {
        return Optional.empty();
      }
      JsonNode p = JSON.readTree(Files.readString(ports));
      String host = p.path("bind").asText("127.0.0.1");
      if (host.equals("0.0.0.0") || host.equals("::")) {
        host = "127.0.0.1";
      }
      RemoteTools tools = new RemoteTools(URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
          + p.path("admin").asInt()), AdminToken.readOrCreate(dataDir));
      HttpResponse<String> health = tools.http.send(HttpRequest.newBuilder(tools.base.resolve("/health"))
          .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return health.statusCode() == 200 ? Optional.of(tools) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // nothing listens: the server is not running
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public IssuedCredential issue(String appId, String user, Duration tencentValidity, boolean anyAccount)
      throws ToolException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("app", appId);
    form.put("user", user);
    form.put("expire", Long.toString(tencentValidity.toSeconds()));
    form.put("mode", anyAccount ? "any-account" : "");
    JsonNode r = post("/admin/credential", form);
    List<String> notes = new ArrayList<>();
    r.path("notes").forEach(n -> notes.add(n.asText()));
    return new IssuedCredential(r.path("appId").asText(), CredentialKind.valueOf(r.path("kind").asText()),
        r.path("userId").asText(), r.path("credential").asText(), notes);
  }

  @Override
  public DoctorReport doctor(String appId, String user, CredentialKind kindOrNull, String credential)
      throws ToolException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("app", appId);
    form.put("user", user == null ? "" : user);
    form.put("kind", kindOrNull == null ? "" : kindOrNull.name());
    form.put("credential", credential);
    JsonNode r = post("/admin/doctor", form);
    List<String> lines = new ArrayList<>();
    r.path("lines").forEach(n -> lines.add(n.asText()));
    return new DoctorReport(r.path("ok").asBoolean(), lines);
  }

  private JsonNode post(String path, Map<String, String> form) throws ToolException {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    try {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = JSON.readTree(res.body());
      if (res.statusCode() != 200) {
        throw new ToolException(json.path("error").asText("the server answered HTTP " + res.statusCode()));
      }
      return json;
    } catch (IOException e) {
      throw new ToolException("the running server at " + base + " did not answer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException("interrupted");
    }
  }

  @Override
  public void close() {
    // the JDK's HttpClient needs no closing on Java 17
  }

  @Override
  public String toString() {
    return "the running server (" + base + ")";
  }
}
