package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.http.BadJsonException;
import io.parley.server.http.HttpRequest;
import io.parley.server.http.HttpResponse;
import io.parley.server.http.Router;
import io.parley.server.vendor.RestContext;
import io.parley.server.vendor.RestFace;
import java.util.Locale;

/**
 * Yuntongxun's server REST API: {@code POST /2013-12-26/Accounts/{AccountSid}/<function>?sig=…} with headers
 * {@code Authorization} and {@code Content-Type: application/json;charset=utf-8}, a JSON object of strings in, the
 * vendor's {@code statusCode} answer out (HTTP 200). Checks run in order: the URL's shape, the main account's
 * Authorization and sig ({@link MainAccountAuth}), the function, the JSON body, then the function's own fields. The
 * group functions, called as a sub-account under {@code /2013-12-26/SubAccounts/}, are {@link GroupRest}'s.
 */
public final class YuntongxunRest implements RestFace {
  static final String PREFIX = "/2013-12-26/Accounts/";

  private final MainAccountAuth auth;
  private final YuntongxunFunctions functions;
  private final GroupRest groups;

  public YuntongxunRest(RestContext context) {
    this.auth = new MainAccountAuth(context.apps(), context.clock());
    this.functions = new YuntongxunFunctions(context);
    this.groups = new GroupRest(context);
  }

  @Override
  public void register(Router.Builder routes) {
    routes.prefix("POST", PREFIX, this::handle).errors(PREFIX, YuntongxunAnswer.STACK_ERRORS);
    routes.prefix("POST", GroupRest.PREFIX, groups::handle).errors(GroupRest.PREFIX, YuntongxunAnswer.STACK_ERRORS);
  }

  private HttpResponse handle(HttpRequest request) {
    try {
      String[] parts = request.path().substring(PREFIX.length()).split("/", -1);
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        throw new YuntongxunRestException(YuntongxunCodes.BAD_URL,
            "the URL is " + PREFIX + "{AccountSid}/<function>, not " + request.path());
      }
      MainAccount account = auth.authenticate(request, parts[0]);
      YuntongxunFunction function = functions.find(parts[1]);
      return YuntongxunAnswer.ok(function.run(account, body(request)));
    } catch (YuntongxunRestException refused) {
      return YuntongxunAnswer.fail(refused.code(), refused.getMessage());
    }
  }

  static JsonNode body(HttpRequest request) throws YuntongxunRestException {
    String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (type.contains("xml")) {
      throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT,
          "this server takes JSON bodies only: send Content-Type application/json;charset=utf-8");
    }
    JsonNode body;
    try {
      body = request.json();
    } catch (BadJsonException e) {
      throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT, e.getMessage());
    }
    if (!body.isObject()) {
      throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT, "the body must be a JSON object of strings");
    }
    return body;
  }
}
