package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyException;
import io.parley.client.ReceivedMessage;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.ImageElement;
import io.parley.protocol.v1.ImageSize;
import io.parley.protocol.v1.VideoElement;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Messages made of elements arrive exactly as sent; malformed elements are refused")
class ElementsTest {
  @RegisterExtension static final ServerExtension running = new ServerExtension();

  @Test
  @DisplayName("text, face, a two-size image, video, file, location and custom elements with cloud custom data arrive unchanged")
  void everyKindRoundTrips() throws Exception {
    List<Element> body = List.of(
        Elements.text("hé 👋 \u05e9\u05dc\u05d5\u05dd e\u0301"),
        Elements.face(3, "smile"),
        Element.newBuilder().setImage(ImageElement.newBuilder().setUuid("img-1").setFormat(3)
            .addSizes(ImageSize.newBuilder().setType(1).setUrl("https://cdn.example.com/a.png").setWidth(800).setHeight(600).setSize(123_456))
            .addSizes(ImageSize.newBuilder().setType(3).setUrl("https://cdn.example.com/a_t.png").setWidth(80).setHeight(60).setSize(2_345)))
            .build(),
        Element.newBuilder().setVideo(VideoElement.newBuilder().setVideoUrl("https://cdn.example.com/v.mp4")
            .setVideoSeconds(12).setVideoFormat("mp4").setThumbUrl("https://cdn.example.com/v.jpg").setThumbWidth(320))
            .build(),
        Elements.file("http://files.example.com/doc.pdf", "doc.pdf", 99_999),
        Elements.location("Shenzhen", 22.5431, 114.0579),
        Element.newBuilder(Elements.custom("{\"order\":42}", "an order", "ext")).setVendorJson("{\"extra\":\"kept\"}").build());
    Recorder bobSees = new Recorder();
    try (ParleyClient bob = Clients.tcp(running.server(), "el-bob", bobSees).build();
        ParleyClient alice = Clients.tcp(running.server(), "el-alice", new Recorder()).build()) {
      bob.connect().get(10, TimeUnit.SECONDS);
      alice.connect().get(10, TimeUnit.SECONDS);
      alice.send("m-elements", "el-bob", body, "{\"cloud\":true}").get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> bobSees.count() == 1);
      ReceivedMessage got = bobSees.messages().get(0);
      assertEquals(body, got.elements());
      assertEquals("{\"cloud\":true}", got.cloudCustomData());
      assertEquals(0, got.content().length, "no opaque content was sent");
    }
  }

  static List<Element> malformed() {
    return List.of(
        Elements.text(""),
        Elements.image("ftp://cdn.example.com/a.png", 1, 1, 1),
        Elements.image("not a url", 1, 1, 1),
        Elements.image("https://cdn.example.com/" + "a".repeat(2100), 1, 1, 1),
        Element.newBuilder().setImage(ImageElement.getDefaultInstance()).build(),
        Elements.sound("", 3, 10),
        Elements.file("javascript:alert(1)", "x", 1),
        Elements.location("nowhere", 91, 0),
        Elements.location("nowhere", 0, -180.5),
        Elements.location("nowhere", Double.NaN, 0),
        Element.newBuilder(Elements.text("ok")).setVendorJson("[1,2]").build(),
        Element.newBuilder(Elements.text("ok")).setVendorJson("{broken").build(),
        Element.getDefaultInstance());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("malformed")
  @DisplayName("a malformed element is refused with INVALID_ELEMENT naming the element")
  void malformedElement(Element bad) throws Exception {
    try (ParleyClient alice = Clients.tcp(running.server(), "el-sender", new Recorder()).build()) {
      alice.connect().get(10, TimeUnit.SECONDS);
      ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> alice.send("bad-" + System.nanoTime(), "el-bob", List.of(Elements.text("first"), bad), "")
              .get(10, TimeUnit.SECONDS));
      ParleyException p = assertInstanceOf(ParleyException.class, e.getCause());
      assertEquals(ErrorCodes.INVALID_ELEMENT, p.code());
      assertTrue(p.getMessage().contains("element 1"), p.getMessage());
    }
  }

  @Test
  @DisplayName("more than 32 elements, or elements over the app's size limit, are refused")
  void tooManyOrTooLarge() throws Exception {
    try (ParleyClient alice = Clients.tcp(running.server(), "el-big", new Recorder()).build()) {
      alice.connect().get(10, TimeUnit.SECONDS);
      ExecutionException many = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> alice.send("many", "el-bob", Collections.nCopies(33, Elements.text("x")), "").get(10, TimeUnit.SECONDS));
      assertEquals(ErrorCodes.INVALID_ELEMENT, ((ParleyException) many.getCause()).code());
      ExecutionException large = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> alice.send("large", "el-bob", List.of(Elements.text("x".repeat(13_000))), "").get(10, TimeUnit.SECONDS));
      assertEquals(ErrorCodes.MESSAGE_TOO_LARGE, ((ParleyException) large.getCause()).code());
    }
  }
}
