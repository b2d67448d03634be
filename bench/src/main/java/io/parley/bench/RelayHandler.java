package io.parley.bench;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.LoginResult;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.Pong;
import io.parley.protocol.v1.PullResult;
import io.parley.protocol.v1.Push;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SendResult;
import io.parley.protocol.v1.TimelineEntry;

/** One relay connection: answers Login, Ping, Send and Pull at once and forwards each Send as a Push. */
final class RelayHandler extends SimpleChannelInboundHandler<Frame> {
  private static final int HEARTBEAT_MIN_MS = 30_000;
  private static final int HEARTBEAT_MAX_MS = 300_000;
  private static final int MAX_MESSAGE_BYTES = 12_288;

  private final RelayState state;
  private String userId;
  private String deviceId;
  private RelayState.Recipient self;

  RelayHandler(RelayState state) {
    this.state = state;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Frame f) {
    int id = f.getRequestId();
    switch (f.getBodyCase()) {
      case LOGIN -> login(ctx, id, f);
      case PING -> ctx.writeAndFlush(Frame.newBuilder().setRequestId(id)
          .setPong(Pong.newBuilder().setServerTimeMs(System.currentTimeMillis())).build(), ctx.voidPromise());
      case SEND -> send(ctx, id, f.getSend());
      case PULL -> ctx.writeAndFlush(Frame.newBuilder().setRequestId(id)
          .setPullResult(PullResult.newBuilder().setNewestSeq(0)).build(), ctx.voidPromise());
      default -> { } // Ack and anything else: ignored
    }
  }

  private void login(ChannelHandlerContext ctx, int id, Frame f) {
    if (self != null) {
      self.detach(ctx.channel());
    }
    userId = f.getLogin().getUserId();
    deviceId = f.getLogin().getDeviceId();
    self = state.user(userId);
    self.attach(ctx.channel());
    ctx.writeAndFlush(Frame.newBuilder().setRequestId(id).setLoginResult(LoginResult.newBuilder()
        .setSessionId(ctx.channel().hashCode())
        .setServerTimeMs(System.currentTimeMillis())
        .setHeartbeatMinMs(HEARTBEAT_MIN_MS)
        .setHeartbeatMaxMs(HEARTBEAT_MAX_MS)
        .setNewestSeq(self.newestSeq())
        .setMaxMessageBytes(MAX_MESSAGE_BYTES)).build(), ctx.voidPromise());
  }

  private void send(ChannelHandlerContext ctx, int id, Send s) {
    if (userId == null) {
      ctx.close();
      return;
    }
    long msgId = state.nextMessageId();
    long now = System.currentTimeMillis();
    ctx.writeAndFlush(Frame.newBuilder().setRequestId(id).setSendResult(SendResult.newBuilder()
        .setClientMsgId(s.getClientMsgId()).setServerMsgId(msgId).setSeq(0).setServerTimeMs(now)).build(), ctx.voidPromise());
    Message m = Message.newBuilder()
        .setServerMsgId(msgId)
        .setClientMsgId(s.getClientMsgId())
        .setFromUserId(userId)
        .setToUserId(s.getToUserId())
        .setServerTimeMs(now)
        .setContentType(s.getContentType())
        .setContent(s.getContent())
        .setFromDeviceId(deviceId)
        .build();
    state.user(s.getToUserId()).deliver(seq -> Frame.newBuilder()
        .setPush(Push.newBuilder().setNewestSeq(seq).addEntries(TimelineEntry.newBuilder().setSeq(seq).setMessage(m))).build());
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (self != null) {
      self.detach(ctx.channel());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
