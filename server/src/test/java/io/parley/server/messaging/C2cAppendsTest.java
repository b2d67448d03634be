package io.parley.server.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TextElement;
import io.parley.server.store.AppendRequest;
import io.parley.server.store.Conversation;
import io.parley.server.sync.C2cFanOut;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("C2cAppends: a one-to-one message as the store's append")
class C2cAppendsTest {
  private static final Element HI = Element.newBuilder().setText(TextElement.newBuilder().setText("hi")).build();

  private static AppendRequest append(C2cFanOut fanOut) {
    return C2cAppends.of("app", "alice", "phone", "bob", "m1", "text", ByteString.copyFromUtf8("x"), List.of(HI),
        "ccd", fanOut);
  }

  @Test
  @DisplayName("the message carries everything but the server msg id and time, which the store assigns")
  void message() {
    assertEquals(Message.newBuilder().setClientMsgId("m1").setFromUserId("alice").setToUserId("bob")
        .setContentType("text").setContent(ByteString.copyFromUtf8("x")).setFromDeviceId("phone").addElements(HI)
        .setCloudCustomData("ccd").build(), append(C2cFanOut.BOTH).message());
  }

  @Test
  @DisplayName("it is addressed to the pair's conversation, from the sender, deduplicated by the client msg id")
  void addressing() {
    AppendRequest r = append(C2cFanOut.BOTH);
    assertEquals("app", r.appId());
    assertEquals(Conversation.c2c("alice", "bob"), r.conversation());
    assertEquals("alice", r.senderId());
    assertEquals("m1", r.dedupKey());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(C2cFanOut.class)
  @DisplayName("its timelines are the ones the fan-out names")
  void timelines(C2cFanOut fanOut) {
    assertEquals(fanOut.timelines("alice", "bob"), append(fanOut).timelines());
  }
}
