package io.parley.client.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.parley.client.CredentialKind;
import io.parley.client.Elements;
import io.parley.client.KickReason;
import io.parley.client.Platform;
import io.parley.client.ReceivedMessage;
import io.parley.client.SendReceipt;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SendResult;
import io.parley.protocol.v1.TimelineEntry;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("WireMapping")
class WireMappingTest {
  private static TimelineEntry entry(String from, String fromDevice) {
    return TimelineEntry.newBuilder()
        .setSeq(7)
        .setMessage(Message.newBuilder()
            .setServerMsgId(42).setClientMsgId("c-1").setFromUserId(from).setToUserId("bob")
            .setFromDeviceId(fromDevice).setServerTimeMs(1_000).setContentType("text")
            .setContent(ByteString.copyFromUtf8("hi")).addElements(Elements.text("hi")).setCloudCustomData("ccd"))
        .build();
  }

  @Test
  @DisplayName("received_incoming: every field of the message, neither outgoing nor from this device")
  void received_incoming() {
    ReceivedMessage m = WireMapping.received(entry("carol", "phone"), "alice", "laptop-1");
    assertEquals(7, m.seq());
    assertEquals(42, m.serverMsgId());
    assertEquals("c-1", m.clientMsgId());
    assertEquals("carol", m.fromUserId());
    assertEquals("bob", m.toUserId());
    assertEquals("phone", m.fromDeviceId());
    assertEquals(1_000, m.serverTimeMs());
    assertEquals("text", m.contentType());
    assertArrayEquals("hi".getBytes(), m.content());
    assertEquals(List.of(Elements.text("hi")), m.elements());
    assertEquals("ccd", m.cloudCustomData());
    assertFalse(m.outgoing());
    assertFalse(m.fromThisDevice());
    assertFalse(m.recalled());
  }

  @Test
  @DisplayName("received_fromOtherDevice: outgoing, not from this device")
  void received_fromOtherDevice() {
    ReceivedMessage m = WireMapping.received(entry("alice", "phone"), "alice", "laptop-1");
    assertTrue(m.outgoing());
    assertFalse(m.fromThisDevice());
  }

  @Test
  @DisplayName("received_fromThisDevice: outgoing and from this device")
  void received_fromThisDevice() {
    ReceivedMessage m = WireMapping.received(entry("alice", "laptop-1"), "alice", "laptop-1");
    assertTrue(m.outgoing());
    assertTrue(m.fromThisDevice());
  }

  @Test
  @DisplayName("received_sameDeviceIdOtherUser: another user's device of the same name is not this device")
  void received_sameDeviceIdOtherUser() {
    assertFalse(WireMapping.received(entry("carol", "laptop-1"), "alice", "laptop-1").fromThisDevice());
  }

  @Test
  @DisplayName("received_recalled: the recalled flag comes through")
  void received_recalled() {
    TimelineEntry recalled = entry("carol", "phone").toBuilder()
        .setMessage(Message.newBuilder().setServerMsgId(42).setFromUserId("carol").setRecalled(true)).build();
    assertTrue(WireMapping.received(recalled, "alice", "laptop-1").recalled());
  }

  @Test
  @DisplayName("receipt: the server's ids and seq under the client's message id")
  void receipt() {
    SendResult result = SendResult.newBuilder().setClientMsgId("ignored").setServerMsgId(9).setSeq(3)
        .setServerTimeMs(5).setDuplicate(true).build();
    assertEquals(new SendReceipt("c-1", 9, 3, 5, true), WireMapping.receipt("c-1", result));
    assertEquals(0, WireMapping.receipt("c-1", result).groupSeq());
    assertEquals(12, WireMapping.receipt("c-1", result.toBuilder().setGroupSeq(12).build()).groupSeq());
  }

  @Test
  @DisplayName("send_content: an opaque body, copied")
  void send_content() {
    byte[] content = {1, 2};
    Send send = WireMapping.send("c-1", "bob", "bin", content).build();
    content[0] = 9;
    assertEquals("c-1", send.getClientMsgId());
    assertEquals("bob", send.getToUserId());
    assertEquals("bin", send.getContentType());
    assertEquals(ByteString.copyFrom(new byte[] {1, 2}), send.getContent());
    assertEquals(0, send.getElementsCount());
  }

  @Test
  @DisplayName("send_elements: elements and cloud custom data, no content")
  void send_elements() {
    Send send = WireMapping.send("c-1", "bob", List.of(Elements.text("hi")), "ccd").build();
    assertEquals(List.of(Elements.text("hi")), send.getElementsList());
    assertEquals("ccd", send.getCloudCustomData());
    assertTrue(send.getContent().isEmpty());
  }

  @Test
  @DisplayName("send_nulls: a null body part is refused")
  void send_nulls() {
    assertThrows(NullPointerException.class, () -> WireMapping.send("c-1", "bob", null, new byte[0]));
    assertThrows(NullPointerException.class, () -> WireMapping.send("c-1", "bob", "text", null));
    assertThrows(NullPointerException.class, () -> WireMapping.send("c-1", "bob", null, ""));
    assertThrows(NullPointerException.class, () -> WireMapping.send("c-1", "bob", List.of(), null));
  }

  @ParameterizedTest(name = "kickReason_sameName: {0}")
  @EnumSource(value = KickReason.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
  void kickReason_sameName(KickReason reason) {
    assertEquals(reason, WireMapping.kickReason(io.parley.protocol.v1.KickReason.valueOf(reason.name())));
  }

  @Test
  @DisplayName("kickReason_unknown: a reason this SDK does not know")
  void kickReason_unknown() {
    assertEquals(KickReason.UNKNOWN, WireMapping.kickReason(io.parley.protocol.v1.KickReason.UNRECOGNIZED));
  }

  @ParameterizedTest(name = "credentialKind: {0}")
  @EnumSource(CredentialKind.class)
  void credentialKind(CredentialKind kind) {
    assertEquals(kind.name(), WireMapping.credentialKind(kind).name());
  }

  @ParameterizedTest(name = "platform: {0}")
  @EnumSource(Platform.class)
  void platform(Platform platform) {
    assertEquals(platform.name(), WireMapping.platform(platform).name());
  }
}
