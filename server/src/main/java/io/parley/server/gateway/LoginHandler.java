package io.parley.server.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.ProtocolVersion;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Login;
import io.parley.protocol.v1.LoginResult;
import io.parley.server.app.App;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.messaging.Identifiers;
import io.parley.server.session.Session;
import io.parley.server.sync.TimelineSync;
import java.net.InetSocketAddress;

/**
 * A connection before its login: the first frame must be a Login, and anything else (or anything sent before the
 * LoginResult) is refused with LOGIN_REQUIRED and the connection closed. While the credential is checked off the
 * loop ({@link LoginAdmission}) the {@link InboundPacer} holds further frames back; once admitted, this handler
 * answers LoginResult and replaces itself with a {@link SessionHandler}, with a {@link HeartbeatHandler} in front of
 * it, handing them the idle watch and the pacer it started. Frames held back behind the Login are then read by them.
 */
final class LoginHandler extends SimpleChannelInboundHandler<Frame> {
  private final GatewayContext ctx;
  private final Refusals refusals;
  private IdleWatchdog.Watch idle;
  private InboundPacer pacer;
  private boolean authenticating;

  LoginHandler(GatewayContext ctx, Refusals refusals) {
    this.ctx = ctx;
    this.refusals = refusals;
  }

  @Override
  public void channelActive(ChannelHandlerContext c) {
    Channel ch = c.channel();
    idle = ctx.idle().watch(ch, ctx.config().limits().loginTimeoutMs());
    pacer = new InboundPacer(ch, ctx.idle().timer(), ctx.config().limits().slowConsumerMs(),
        () -> refusals.slowConsumer(ch));
    c.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext c) {
    if (idle != null) {
      idle.cancel();
    }
    if (pacer != null) {
      pacer.close();
    }
    c.fireChannelInactive();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext c) {
    pacer.writabilityChanged();
    c.fireChannelWritabilityChanged();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext c, Frame frame) {
    if (idle != null) {
      idle.touch();
    }
    if (authenticating) {
      refusals.refuseAndClose(c, frame.getRequestId(), ErrorCodes.LOGIN_REQUIRED,
          "wait for the LoginResult before sending more frames");
    } else if (frame.getBodyCase() != Frame.BodyCase.LOGIN) {
      refusals.refuseAndClose(c, frame.getRequestId(), ErrorCodes.LOGIN_REQUIRED,
          "the first frame on a connection must be Login");
    } else {
      login(c, frame.getRequestId(), frame.getLogin());
    }
  }

  private void login(ChannelHandlerContext c, int requestId, Login login) {
    if (login.getProtocolVersion() != ProtocolVersion.CURRENT) {
      refusals.refuseAndClose(c, requestId, ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
          "protocol version " + Integer.toUnsignedString(login.getProtocolVersion())
              + " is not supported; this server speaks version " + ProtocolVersion.CURRENT);
      return;
    }
    boolean userFromCredential = login.getUserId().isEmpty() && ctx.auth().credentialNamesUser(login.getCredentialKind());
    if (!Identifiers.valid(login.getAppId()) || !(userFromCredential || Identifiers.valid(login.getUserId()))) {
      refusals.refuseAndClose(c, requestId, ErrorCodes.BAD_REQUEST, "app_id and user_id must be 1-128 printable characters");
      return;
    }
    if (!Identifiers.valid(login.getDeviceId())) {
      refusals.refuseAndClose(c, requestId, ErrorCodes.BAD_REQUEST, "device_id must be 1-128 printable characters");
      return;
    }
    authenticating = true;
    pacer.hold(true);
    Channel ch = c.channel();
    LoginAttempt attempt = new LoginAttempt(login.getAppId(), login.getUserId(), login.getCredentialKind(),
        login.getCredential(), sourceAddress(ch));
    LoginAdmission admission = new LoginAdmission(ctx, ch, login.getDeviceId(), login.getPlatform());
    admission.admit(attempt, (admitted, error) -> loggedIn(c, requestId, login, attempt, admitted, error));
  }

  private static String sourceAddress(Channel ch) {
    return ch.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
        ? a.getAddress().getHostAddress() : String.valueOf(ch.remoteAddress());
  }

  /** On the loop, with the admission's outcome. */
  private void loggedIn(ChannelHandlerContext c, int requestId, Login login, LoginAttempt attempt,
      LoginAdmission.Admitted admitted, Throwable error) {
    authenticating = false;
    Channel ch = c.channel();
    if (!ch.isActive()) {
      if (admitted != null && admitted.session() != null) {
        ctx.sessions().unregister(admitted.session()); // closed while the login ran: channelInactive did not see it
        ctx.states().ended(admitted.session(), IdleWatchdog.timedOut(ch));
      }
      return;
    }
    if (error != null) {
      refusals.loginFailed(c, requestId, attempt, error);
      return;
    }
    if (!admitted.auth().ok()) {
      refusals.refuseAndClose(c, requestId, admitted.auth().code(), admitted.auth().message());
      return;
    }
    Session session = admitted.session();
    long expiresAt = admitted.auth().expiresAtMillis();
    handOver(c, session, expiresAt);

    App app = session.app();
    var heartbeat = ctx.config().heartbeat();
    long newest = admitted.newestSeq();
    long resumeAfter = TimelineSync.resumeAfter(login.getLastAckedSeq(), newest);
    ch.write(Frame.newBuilder().setRequestId(requestId).setLoginResult(LoginResult.newBuilder()
        .setSessionId(session.id())
        .setServerTimeMs(System.currentTimeMillis())
        .setHeartbeatMinMs(heartbeat.minMs())
        .setHeartbeatMaxMs(heartbeat.maxMs())
        .setNewestSeq(newest)
        .setMaxMessageBytes(app.limits().maxMessageBytes())
        .setCredentialExpiresAtMs(expiresAt)
        .setUserId(session.user().userId())
        .setResumeAfterSeq(resumeAfter)
        .addAllReadGroups(admitted.readGroups())).build(), ch.voidPromise());
    ctx.sync().resume(session, resumeAfter, newest);
    ch.flush();
    pacer.hold(false); // the frames held behind the Login now reach the session's handlers
  }

  /**
   * Replaces this handler with the logged-in connection's: from here on the heartbeat handler owns the idle watch
   * and the session handler the pacer and the session, and each releases its part when the connection closes.
   */
  private void handOver(ChannelHandlerContext c, Session session, long credentialExpiresAt) {
    ChannelPipeline p = c.pipeline();
    p.addBefore(c.name(), "heartbeat", new HeartbeatHandler(ctx.config().heartbeat(), idle, refusals));
    p.replace(this, "session", new SessionHandler(ctx, refusals, session, pacer, credentialExpiresAt));
  }
}
