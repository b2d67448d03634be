package io.parley.protocol.v1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TimelineEntry on the wire: its event is a oneof, a message still at field 2")
class TimelineEntryWireTest {
  private static final Message HELLO = Message.newBuilder().setServerMsgId(42).setClientMsgId("m1")
      .setFromUserId("alice").setToUserId("bob").build();

  /** The bytes a v1 writer produced for a message entry: seq at field 1, the message at field 2. */
  private static byte[] v1MessageEntry(long seq, Message message) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeUInt64(1, seq);
    out.writeMessage(2, message);
    out.flush();
    return bytes.toByteArray();
  }

  @Test
  @DisplayName("a message entry is the same bytes as before the oneof")
  void messageEntryBytes() throws IOException {
    TimelineEntry entry = TimelineEntry.newBuilder().setSeq(7).setMessage(HELLO).build();
    assertArrayEquals(v1MessageEntry(7, HELLO), entry.toByteArray());
  }

  @Test
  @DisplayName("a message entry written before the oneof reads as a message event")
  void v1MessageEntryParses() throws Exception {
    TimelineEntry entry = TimelineEntry.parseFrom(v1MessageEntry(7, HELLO));
    assertEquals(TimelineEntry.EventCase.MESSAGE, entry.getEventCase());
    assertEquals(HELLO, entry.getMessage());
  }

  @Test
  @DisplayName("a recall notice is its own event, carrying the recalled message, without the old flag")
  @SuppressWarnings("deprecation")
  void recallNotice() throws Exception {
    Message recalled = HELLO.toBuilder().setRecalled(true).build();
    TimelineEntry entry = TimelineEntry.parseFrom(TimelineEntry.newBuilder().setSeq(8)
        .setRecall(RecallNotice.newBuilder().setMessage(recalled)).build().toByteArray());
    assertEquals(TimelineEntry.EventCase.RECALL, entry.getEventCase());
    assertEquals(recalled, entry.getRecall().getMessage());
    assertFalse(entry.hasMessage());
    assertFalse(entry.getRecallNotice());
  }

  @Test
  @DisplayName("setting one event clears the other")
  void oneEventAtATime() {
    TimelineEntry entry = TimelineEntry.newBuilder().setMessage(HELLO)
        .setRecall(RecallNotice.newBuilder().setMessage(HELLO)).build();
    assertEquals(TimelineEntry.EventCase.RECALL, entry.getEventCase());
    assertFalse(entry.hasMessage());
  }
}
