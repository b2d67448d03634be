package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One REST function ({@code …/Accounts/{sid}/<Function>}): a JSON object in, its result fields out. */
@FunctionalInterface
interface YuntongxunFunction {
  /**
   * @param body the request body, always a JSON object
   * @throws YuntongxunRestException when the request is refused
   */
  ObjectNode run(MainAccount account, JsonNode body) throws YuntongxunRestException;
}
