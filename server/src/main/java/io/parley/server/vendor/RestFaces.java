package io.parley.server.vendor;

import io.parley.server.http.Router;
import io.parley.server.vendor.rongcloud.RongcloudRest;
import io.parley.server.vendor.tencent.TencentRest;
import java.util.List;
import java.util.function.Function;

/** The vendor REST faces the server serves, registered once: adding a vendor adds one line here. */
public final class RestFaces {
  private RestFaces() {}

  /** Every vendor's face over the same core services. */
  static List<Function<RestContext, RestFace>> all() {
    return List.of(
        ctx -> new TencentRest(ctx),
        ctx -> new RongcloudRest(ctx));
  }

  /** The vendor router: every vendor's routes, and a JSON 404 for a path no vendor serves. */
  public static Router router(RestContext context) {
    Router.Builder routes = Router.builder("vendor");
    for (Function<RestContext, RestFace> face : all()) {
      face.apply(context).register(routes);
    }
    return routes.build();
  }
}
