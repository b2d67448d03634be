package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;

/** One REST action ({@code module/action}): the form in, its result fields out (without {@code code}). */
@FunctionalInterface
interface NeteaseAction {
  /** @throws NeteaseRestException when the request is refused as a whole */
  ObjectNode run(App app, NeteaseForm form) throws NeteaseRestException;
}
