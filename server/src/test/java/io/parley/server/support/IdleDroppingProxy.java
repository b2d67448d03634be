package io.parley.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy that behaves like a NAT with a short idle timeout: a connection that
 * carries no byte in either direction for longer than the limit is cut.
 */
public final class IdleDroppingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int upstreamPort;
  private final long idleLimitMs;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final AtomicInteger drops = new AtomicInteger();
  private volatile boolean closed;

  public IdleDroppingProxy(int upstreamPort, long idleLimitMs) throws IOException {
    this.upstreamPort = upstreamPort;
    this.idleLimitMs = idleLimitMs;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("proxy-accept", this::acceptLoop);
    daemon("proxy-reaper", this::reapLoop);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Connections cut for being idle. */
  public int drops() {
    return drops.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        Link link = new Link(client, server);
        links.add(link);
        daemon("proxy-up", () -> link.pump(client, server));
        daemon("proxy-down", () -> link.pump(server, client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void reapLoop() {
    while (!closed) {
      long now = System.nanoTime();
      for (Link l : links) {
        if (now - l.lastByteNanos > idleLimitMs * 1_000_000L) {
          drops.incrementAndGet();
          l.close();
        }
      }
      try {
        Thread.sleep(10); // the reaper's own tick, not a test wait
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    links.forEach(Link::close);
  }

  private static void daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private final class Link {
    final Socket a;
    final Socket b;
    volatile long lastByteNanos = System.nanoTime();

    Link(Socket a, Socket b) {
      this.a = a;
      this.b = b;
    }

    void pump(Socket from, Socket to) {
      byte[] buf = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          lastByteNanos = System.nanoTime();
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // either side went away
      } finally {
        close();
      }
    }

    void close() {
      links.remove(this);
      try {
        a.close();
      } catch (IOException ignored) {
      }
      try {
        b.close();
      } catch (IOException ignored) {
      }
    }
  }
}
