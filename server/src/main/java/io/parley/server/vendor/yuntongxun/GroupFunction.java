package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One group REST function ({@code …/SubAccounts/{sid}/Group/<Function>}): the calling sub-account and its body in. */
@FunctionalInterface
interface GroupFunction {
  /**
   * @param body the request body, always a JSON object
   * @throws YuntongxunRestException when the request is refused
   */
  ObjectNode run(SubAccountCaller who, JsonNode body) throws YuntongxunRestException;
}
