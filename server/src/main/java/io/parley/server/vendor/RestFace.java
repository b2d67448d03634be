package io.parley.server.vendor;

import io.parley.server.http.Router;

/**
 * One vendor's server REST API on the shared vendor router: it adds its routes (under the vendor's own path prefix,
 * DESIGN §9) and its error writer for that prefix. Each vendor package has one, offered by its {@link Vendor}.
 */
public interface RestFace {
  void register(Router.Builder routes);
}
