package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.app.App;
import io.parley.server.http.BadJsonException;
import io.parley.server.http.HttpRequest;
import io.parley.server.http.HttpResponse;
import io.parley.server.http.Router;
import io.parley.server.vendor.RestContext;
import io.parley.server.vendor.RestFace;

/**
 * Tencent Cloud IM's server REST API v4: {@code POST /v4/<servicename>/<command>?sdkappid=&identifier=&usersig=
 * &random=&contenttype=json} with a JSON object body, answered with HTTP 200 and Tencent's envelope, failures
 * included. Checks run in order: the app, the admin identifier, the admin's UserSig, the JSON body, the command, then
 * the command's own fields.
 */
public final class TencentRest implements RestFace {
  static final String PREFIX = "/v4/";

  private final AdminAuth auth;
  private final TencentCommands commands;

  public TencentRest(RestContext context) {
    this.auth = new AdminAuth(context.apps(), context.clock());
    this.commands = new TencentCommands(context);
  }

  @Override
  public void register(Router.Builder routes) {
    routes.prefix("POST", PREFIX, this::handle).errors(PREFIX, TencentEnvelope.STACK_ERRORS);
  }

  private HttpResponse handle(HttpRequest request) {
    try {
      App app = auth.authenticate(request);
      JsonNode body = body(request);
      TencentCommand command = commands.find(request.path().substring(PREFIX.length()));
      return TencentEnvelope.ok(command.run(app, body));
    } catch (TencentRestException refused) {
      return TencentEnvelope.fail(refused.code(), refused.getMessage());
    }
  }

  private static JsonNode body(HttpRequest request) throws TencentRestException {
    JsonNode body;
    try {
      body = request.json();
    } catch (BadJsonException e) {
      throw new TencentRestException(TencentCodes.BAD_JSON, e.getMessage());
    }
    if (!body.isObject()) {
      throw new TencentRestException(TencentCodes.BAD_JSON,
          "the body must be a JSON object, not " + body.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    return body;
  }
}
