package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Element;
import io.parley.server.messaging.MessageFormat;
import io.parley.server.messaging.SendRefused;
import java.util.List;

/**
 * Yuntongxun's message fields (see {@link YuntongxunElements}) and msgId, which the vendor's SDKs shape as
 * {@code msgDateCreated|version}: the server time in milliseconds and the message's version, here its seq in the
 * sender's timeline.
 */
public final class YuntongxunMessageFormat implements MessageFormat {
  @Override
  public JsonNode toVendor(List<Element> elements) {
    return YuntongxunElements.toVendor(elements);
  }

  @Override
  public List<Element> fromVendor(JsonNode body) throws SendRefused {
    try {
      return YuntongxunElements.fromVendor(body);
    } catch (YuntongxunBodyException e) {
      throw new SendRefused(ErrorCodes.REFUSED_BY_APP, "the app returned a bad Yuntongxun message: " + e.getMessage());
    }
  }

  @Override
  public String msgKey(long serverMsgId, long seq, long random, long timeMillis) {
    return timeMillis + "|" + seq;
  }
}
