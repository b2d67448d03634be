package io.parley.server.http;

/**
 * A request body that {@link HttpRequest#json()} could not read as JSON. A handler maps it to its face's own error
 * format; one it lets escape becomes a 400 in the router's error format.
 */
public final class BadJsonException extends Exception {
  public BadJsonException(String message) {
    super(message);
  }
}
