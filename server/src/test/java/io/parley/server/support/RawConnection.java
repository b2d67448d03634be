package io.parley.server.support;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.ProtocolVersion;
import io.parley.protocol.v1.CredentialKind;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Login;
import io.parley.protocol.v1.Platform;
import io.parley.server.config.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A deliberately dumb blocking client that writes exactly the bytes a test gives it. */
public final class RawConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private int nextRequestId = 1;

  public RawConnection(int port) throws IOException {
    this(port, 0);
  }

  /** A connection whose socket receive buffer is {@code receiveBufferBytes} (0: the system's default). */
  public RawConnection(int port, int receiveBufferBytes) throws IOException {
    socket = new Socket();
    if (receiveBufferBytes > 0) {
      socket.setReceiveBufferSize(receiveBufferBytes); // before connecting, so that the TCP window follows it
    }
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 10_000);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  public static Login.Builder login(String user) {
    return Login.newBuilder()
        .setProtocolVersion(ProtocolVersion.CURRENT)
        .setAppId(Sandbox.TENCENT_APP_ID)
        .setUserId(user)
        .setCredentialKind(CredentialKind.TENCENT_USERSIG)
        .setCredential(TestServers.userSig(user))
        .setDeviceId("raw-" + user)
        .setPlatform(Platform.LINUX);
  }

  /** One login on a fresh connection: the server's answer (the connection is closed afterwards). */
  public static Frame attempt(int port, Login.Builder login) throws IOException {
    try (RawConnection c = new RawConnection(port)) {
      return c.login(login);
    }
  }

  /** A Login of one of the sandbox's dev apps with the given kind and credential. */
  public static Login.Builder login(String appId, String user, CredentialKind kind, String credential) {
    return login(user).setAppId(appId).setCredentialKind(kind).setCredential(credential);
  }

  /** Logs in and returns the server's answer. */
  public Frame login(Login.Builder login) throws IOException {
    return request(Frame.newBuilder().setLogin(login));
  }

  /** Sends a frame with the next request id and reads frames until the answer to it arrives. */
  public Frame request(Frame.Builder frame) throws IOException {
    int id = nextRequestId++;
    send(frame.setRequestId(id).build());
    while (true) {
      Frame f = read();
      if (f.getRequestId() == id) {
        return f;
      }
    }
  }

  public void send(Frame frame) throws IOException {
    writeRaw(encode(frame));
  }

  /** A frame as the TCP listener expects it: varint32 length, then the bytes. */
  public static byte[] encode(Frame frame) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      CodedOutputStream cos = CodedOutputStream.newInstance(buf);
      cos.writeUInt32NoTag(frame.getSerializedSize());
      frame.writeTo(cos);
      cos.flush();
      return buf.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Sets how long a read waits before giving up with a SocketTimeoutException. */
  public void readTimeout(int ms) throws IOException {
    socket.setSoTimeout(ms);
  }

  public void writeRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads one frame; throws EOFException when the server closed the connection. */
  public Frame read() throws IOException {
    int first = in.read();
    if (first < 0) {
      throw new EOFException("connection closed by the server");
    }
    int length = CodedInputStream.readRawVarint32(first, in);
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("connection closed mid-frame");
    }
    return Frame.parseFrom(body);
  }

  /** True once the server has closed the connection (reads past any frames still in flight). */
  public boolean closedByServer() throws IOException {
    try {
      while (true) {
        read();
      }
    } catch (EOFException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // connection reset
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
