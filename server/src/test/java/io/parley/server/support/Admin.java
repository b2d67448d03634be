package io.parley.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.admin.AdminToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** Calls a server's admin port over real HTTP, with the bearer token from its data dir unless told otherwise. */
public final class Admin {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Admin() {}

  /** An admin response: status and parsed JSON body. */
  public record Reply(int status, JsonNode json) {}

  public static Reply post(int adminPort, Path dataDir, String pathAndQuery) throws IOException, InterruptedException {
    return post(adminPort, "Bearer " + AdminToken.readOrCreate(dataDir), pathAndQuery);
  }

  public static Reply post(int adminPort, String authorization, String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + pathAndQuery))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      req.header("Authorization", authorization);
    }
    HttpResponse<String> res = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(res.statusCode(), new ObjectMapper().readTree(res.body()));
  }
}
