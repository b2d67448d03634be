package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;

/** One REST command ({@code servicename/command}): a JSON object in, its result fields out (without the envelope). */
@FunctionalInterface
interface TencentCommand {
  /**
   * @param body the request body, always a JSON object
   * @throws TencentRestException when the request is refused as a whole
   */
  ObjectNode run(App app, JsonNode body) throws TencentRestException;
}
