package io.parley.server.http;

/**
 * Writes the replies the stack makes itself (404, 405, 413, 400, 500, 503) in the format of the face they belong to:
 * {@link JsonErrors} by default, a vendor's own envelope under that vendor's path prefix.
 */
@FunctionalInterface
public interface ErrorWriter {
  HttpResponse error(int status, String message);
}
