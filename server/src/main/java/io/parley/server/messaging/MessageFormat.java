package io.parley.server.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.v1.Element;
import java.util.List;

/**
 * How one vendor writes a message body and names a message, for its callbacks: the vendor packages implement it and
 * the server registers one per vendor, so that the core never names a vendor.
 */
public interface MessageFormat {
  /** The body in the vendor's JSON (Tencent: a MsgBody array). */
  JsonNode toVendor(List<Element> elements);

  /** A body the app sent back (a Before callback's change) as elements. @throws SendRefused when it is malformed */
  List<Element> fromVendor(JsonNode body) throws SendRefused;

  /** The vendor's id of a stored message (Tencent's MsgKey) from the core's numbers. */
  String msgKey(long serverMsgId, long seq, long random, long timeMillis);
}
