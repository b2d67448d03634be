package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;

/** One Server API path: the request's form parameters in, its result fields out (without {@code code}). */
@FunctionalInterface
interface RongcloudCommand {
  /** @throws RongcloudRestException when the request is refused as a whole */
  ObjectNode run(App app, FormFields form) throws RongcloudRestException;
}
