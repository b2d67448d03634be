package io.parley.server.http;

/**
 * What a route runs: one request in, one response out. It runs on the handler executor, never on an event loop, so
 * it may block; an exception it throws becomes a generic 500 (a {@link BadJsonException} a 400).
 */
@FunctionalInterface
public interface HttpHandler {
  HttpResponse handle(HttpRequest request) throws Exception;
}
