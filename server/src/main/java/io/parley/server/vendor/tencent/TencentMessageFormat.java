package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Element;
import io.parley.server.messaging.MessageFormat;
import io.parley.server.messaging.SendRefused;
import java.util.List;

/** Tencent's message body (MsgBody) and MsgKey ({@code MsgSeq_MsgRandom_MsgTime}, the vendor's shape). */
public final class TencentMessageFormat implements MessageFormat {
  @Override
  public JsonNode toVendor(List<Element> elements) {
    return TencentElements.toMsgBody(elements);
  }

  @Override
  public List<Element> fromVendor(JsonNode body) throws SendRefused {
    try {
      return TencentElements.fromMsgBody(body);
    } catch (MsgBodyException e) {
      throw new SendRefused(ErrorCodes.REFUSED_BY_APP, "the app's before-send callback returned a bad MsgBody: "
          + e.getMessage());
    }
  }

  @Override
  public String msgKey(long serverMsgId, long seq, long random, long timeMillis) {
    return seq + "_" + random + "_" + timeMillis / 1000;
  }
}
