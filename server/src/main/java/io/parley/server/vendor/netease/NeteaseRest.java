package io.parley.server.vendor.netease;

import io.parley.server.app.App;
import io.parley.server.http.HttpRequest;
import io.parley.server.http.HttpResponse;
import io.parley.server.http.Router;
import io.parley.server.vendor.RestContext;
import io.parley.server.vendor.RestFace;

/**
 * NetEase Yunxin's server REST API: {@code POST /nimserver/<module>/<action>.action} with signed headers and a form
 * body of string values, answered with HTTP 200 and {@code {"code":…}}, failures included. Checks run in order: the
 * headers ({@link NeteaseAuth}), the action, then the action's own parameters.
 */
public final class NeteaseRest implements RestFace {
  static final String PREFIX = "/nimserver/";

  private final NeteaseAuth auth;
  private final NeteaseActions actions;

  public NeteaseRest(RestContext context) {
    this.auth = new NeteaseAuth(context.apps(), context.clock());
    this.actions = new NeteaseActions(context);
  }

  @Override
  public void register(Router.Builder routes) {
    routes.prefix("POST", PREFIX, this::handle).errors(PREFIX, NeteaseAnswer.STACK_ERRORS);
  }

  private HttpResponse handle(HttpRequest request) {
    try {
      App app = auth.authenticate(request);
      NeteaseAction action = actions.find(request.path().substring(PREFIX.length()));
      return NeteaseAnswer.ok(action.run(app, NeteaseForm.of(request)));
    } catch (NeteaseRestException refused) {
      return NeteaseAnswer.fail(refused.code(), refused.getMessage());
    }
  }
}
