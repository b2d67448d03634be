package io.parley.server.vendor.rongcloud;

import io.parley.server.app.App;
import io.parley.server.http.HttpRequest;
import io.parley.server.http.HttpResponse;
import io.parley.server.http.Router;
import io.parley.server.vendor.ReplayGuard;
import io.parley.server.vendor.RestContext;
import io.parley.server.vendor.RestFace;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Rongcloud's Server API: {@code POST /<path>.json} with an {@code application/x-www-form-urlencoded} body and the
 * signature headers ({@link RongcloudAuth}), answered {@code {"code":200, …}} or {@code {"code":n,"errorMessage":…}}
 * with the vendor's HTTP status. Checks run in order: the app, the signature, freshness and replay, the body's type,
 * then the path's own parameters.
 */
public final class RongcloudRest implements RestFace {
  /** How far a request's Timestamp may be from the server's clock, either way. */
  public static final Duration WINDOW = Duration.ofMinutes(5);
  private static final String FORM = "application/x-www-form-urlencoded";

  private final RongcloudAuth auth;
  private final RongcloudCommands commands;

  public RongcloudRest(RestContext context) {
    this(context, WINDOW);
  }

  /** @param window how far a Timestamp may be from now; nonces are remembered for twice as long */
  public RongcloudRest(RestContext context, Duration window) {
    this.auth = new RongcloudAuth(context.apps(), new ReplayGuard(context.clock(), window));
    this.commands = new RongcloudCommands(context);
  }

  @Override
  public void register(Router.Builder routes) {
    commands.all().forEach((path, command) -> routes.post(path, request -> handle(command, request)));
    commands.prefixes().forEach(prefix -> routes.errors(prefix, RongcloudAnswer.STACK_ERRORS));
  }

  private HttpResponse handle(RongcloudCommand command, HttpRequest request) {
    Optional<String> requestId = request.header("X-Request-ID");
    try {
      App app = auth.authenticate(request);
      String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
      if (request.body().length > 0 && !type.startsWith(FORM)) {
        throw new RongcloudRestException(RongcloudCode.PARAMETER,
            "the body must be " + FORM + ", not " + (type.isEmpty() ? "untyped" : type));
      }
      return RongcloudAnswer.ok(command.run(app, new FormFields(request.form())), requestId);
    } catch (RongcloudRestException refused) {
      return RongcloudAnswer.fail(refused.code(), refused.getMessage(), requestId);
    }
  }
}
