package io.parley.server.admin;

import io.parley.server.http.HandlerPool;
import io.parley.server.http.HttpHandler;
import io.parley.server.http.HttpResponse;
import io.parley.server.http.HttpServer;
import io.parley.server.http.JsonErrors;
import io.parley.server.http.Router;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The operator's port, as routes on the HTTP stack: {@code GET /health} and {@code GET /metrics} (JSON) for anyone who
 * can reach it, and {@code POST} actions (reload, credentials) only with {@code Authorization: Bearer <admin token>};
 * their parameters come from the query string and a form body.
 */
public final class AdminServer implements AutoCloseable {
  private static final int MAX_BODY_BYTES = 16 * 1024;

  /** Two threads, so that /health answers while an action runs. */
  private final ExecutorService actions = HandlerPool.create("parley-admin", 2, 64);
  private final byte[] token;
  private final HttpServer http;

  /**
   * @param token the bearer token POST actions must present
   * @param posts POST actions by path
   */
  public AdminServer(Supplier<String> metricsJson, String token, Map<String, AdminAction> posts) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    Router.Builder routes = Router.builder("admin")
        .get("/health", request -> HttpResponse.json(200, "{\"status\":\"UP\"}"))
        .get("/metrics", request -> HttpResponse.json(200, metricsJson.get()));
    posts.forEach((path, action) -> routes.post(path, authorized(action)));
    this.http = new HttpServer(routes.build(), actions, MAX_BODY_BYTES, Optional.empty());
  }

  public void start(String bind, int port) throws InterruptedException {
    http.start(bind, port);
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.close();
    actions.shutdownNow();
  }

  private HttpHandler authorized(AdminAction action) {
    return request -> {
      if (!authorized(request.header("Authorization").orElse(null))) {
        return JsonErrors.error(401, "POST actions need 'Authorization: Bearer <token>'; the token is in"
            + " <data-dir>/admin.token");
      }
      AdminResponse r = action.run(request.form());
      return HttpResponse.json(r.status(), r.json());
    };
  }

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(token, header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
  }
}
