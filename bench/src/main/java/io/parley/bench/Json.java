package io.parley.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.client.ReceivedMessage;
import io.parley.client.SendReceipt;
import java.nio.charset.StandardCharsets;

/** One-line JSON renderings of what the command-line client prints. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String of(ReceivedMessage m) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("seq", m.seq());
    n.put("serverMsgId", Long.toUnsignedString(m.serverMsgId()));
    n.put("clientMsgId", m.clientMsgId());
    n.put("from", m.fromUserId());
    n.put("to", m.toUserId());
    n.put("fromDevice", m.fromDeviceId());
    n.put("time", m.serverTimeMs());
    n.put("contentType", m.contentType());
    n.put("text", m.elements().isEmpty() ? new String(m.content(), StandardCharsets.UTF_8) : texts(m));
    var elements = n.putArray("elements");
    for (var e : m.elements()) {
      elements.addObject().put("kind", e.getKindCase().name().toLowerCase(java.util.Locale.ROOT))
          .put("fields", com.google.protobuf.TextFormat.shortDebugString(e));
    }
    if (!m.cloudCustomData().isEmpty()) {
      n.put("cloudCustomData", m.cloudCustomData());
    }
    return n.toString();
  }

  /** The text elements of a message, joined. */
  private static String texts(ReceivedMessage m) {
    StringBuilder b = new StringBuilder();
    m.elements().stream().filter(e -> e.hasText()).forEach(e -> b.append(e.getText().getText()));
    return b.toString();
  }

  static String of(SendReceipt r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("clientMsgId", r.clientMsgId());
    n.put("serverMsgId", Long.toUnsignedString(r.serverMsgId()));
    n.put("seq", r.seq());
    n.put("time", r.serverTimeMs());
    n.put("duplicate", r.duplicate());
    return n.toString();
  }
}
