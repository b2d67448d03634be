package io.parley.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One TCP connection that speaks HTTP/1.x by hand, so that a test sees exactly what goes over one connection. */
final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;

  /** A response as read off the wire; header names lower case. */
  record Reply(int status, Map<String, String> headers, String body) {}

  RawHttp(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000); // a safety net against a hung test, not an assertion
    in = socket.getInputStream();
  }

  /** Sends {@code request} as is (CRLFs included). */
  RawHttp send(String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
    return this;
  }

  /** Reads one response; its body by Content-Length. */
  Reply read() throws IOException {
    String status = line();
    Map<String, String> headers = new TreeMap<>();
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    return new Reply(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  /** Sends one request and reads its response. */
  Reply exchange(String request) throws IOException {
    return send(request).read();
  }

  /** True when the server has closed the connection (what is left to read is the end of the stream). */
  boolean closedByServer() throws IOException {
    try {
      return in.read() == -1;
    } catch (java.net.SocketException reset) {
      return true;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new IOException("the server closed the connection mid-response");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** {@code GET path HTTP/1.1} with a Host header and {@code extraHeaders} (each ending in CRLF). */
  static String get(String path, String extraHeaders) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
  }

  static String get(String path) {
    return get(path, "");
  }

  /** A POST of {@code body} with its Content-Length. */
  static String post(String path, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\nContent-Length: "
        + bytes.length + "\r\n\r\n" + body;
  }
}
