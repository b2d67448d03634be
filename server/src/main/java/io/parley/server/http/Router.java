package io.parley.server.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which handler answers a request: routes by method and exact path, then by method and path prefix (the longest
 * prefix wins). No route for the path is a 404, routes for it under other methods a 405 with {@code Allow}. Each path
 * prefix may have its own {@link ErrorWriter} for the replies the stack makes itself. Built once, immutable.
 */
public final class Router {
  private final String face;
  private final Map<String, Map<String, HttpHandler>> exact;
  private final List<Prefix> prefixes;
  private final List<ErrorScope> errorScopes;

  private Router(Builder b) {
    this.face = b.face;
    Map<String, Map<String, HttpHandler>> e = new LinkedHashMap<>();
    b.exact.forEach((path, byMethod) -> e.put(path, Map.copyOf(byMethod)));
    this.exact = Map.copyOf(e);
    this.prefixes = b.prefixes.stream().sorted(Comparator.comparingInt((Prefix p) -> p.prefix.length()).reversed()).toList();
    this.errorScopes = b.errorScopes.stream()
        .sorted(Comparator.comparingInt((ErrorScope s) -> s.prefix.length()).reversed()).toList();
  }

  /** @param face what the router serves, for messages ("admin", "vendor"): "no vendor route matches GET /x" */
  public static Builder builder(String face) {
    return new Builder(face);
  }

  /** The handler of {@code method path}, or the refusal to send at once. */
  public Match match(String method, String path) {
    Map<String, HttpHandler> byMethod = exact.get(path);
    if (byMethod != null && byMethod.containsKey(method)) {
      return new Match(byMethod.get(method), null);
    }
    for (Prefix p : prefixes) {
      if (p.method.equals(method) && path.startsWith(p.prefix)) {
        return new Match(p.handler, null);
      }
    }
    Set<String> allowed = new TreeSet<>(byMethod == null ? Set.of() : byMethod.keySet());
    prefixes.stream().filter(p -> path.startsWith(p.prefix)).forEach(p -> allowed.add(p.method));
    if (!allowed.isEmpty()) {
      String allow = String.join(", ", allowed);
      return new Match(null, errors(path).error(405, path + " does not take " + method + "; use " + allow)
          .withHeader("Allow", allow));
    }
    return new Match(null, errors(path).error(404, "no " + face + " route matches " + method + " " + path + routes()));
  }

  /** The error writer for replies about {@code path}: its longest error prefix's, else {@link JsonErrors}. */
  public ErrorWriter errors(String path) {
    for (ErrorScope s : errorScopes) {
      if (path.startsWith(s.prefix)) {
        return s.writer;
      }
    }
    return JsonErrors.WRITER;
  }

  private String routes() {
    List<String> all = new ArrayList<>();
    new TreeMap<>(exact).forEach((path, byMethod) -> new TreeSet<>(byMethod.keySet()).forEach(m -> all.add(m + " " + path)));
    prefixes.stream().map(p -> p.method + " " + p.prefix + "*").sorted().forEach(all::add);
    return all.isEmpty() ? "" : "; routes here: " + all.stream().collect(Collectors.joining(", "));
  }

  /** Either the handler to run or the reply to send without running one. */
  public record Match(HttpHandler handler, HttpResponse refusal) {}

  private record Prefix(String method, String prefix, HttpHandler handler) {}

  private record ErrorScope(String prefix, ErrorWriter writer) {}

  /** Collects routes; {@link #build()} freezes them. */
  public static final class Builder {
    private final String face;
    private final Map<String, Map<String, HttpHandler>> exact = new LinkedHashMap<>();
    private final List<Prefix> prefixes = new ArrayList<>();
    private final List<ErrorScope> errorScopes = new ArrayList<>();

    private Builder(String face) {
      this.face = face;
    }

    public Builder get(String path, HttpHandler handler) {
      return route("GET", path, handler);
    }

    public Builder post(String path, HttpHandler handler) {
      return route("POST", path, handler);
    }

    /** {@code method} on exactly {@code path}. */
    public Builder route(String method, String path, HttpHandler handler) {
      requirePath(path);
      HttpHandler previous = exact.computeIfAbsent(path, p -> new LinkedHashMap<>()).putIfAbsent(upper(method), handler);
      if (previous != null) {
        throw new IllegalArgumentException(method + " " + path + " has a route already");
      }
      return this;
    }

    /** {@code method} on every path that starts with {@code prefix} and has no exact route. */
    public Builder prefix(String method, String prefix, HttpHandler handler) {
      requirePath(prefix);
      String m = upper(method);
      if (prefixes.stream().anyMatch(p -> p.method.equals(m) && p.prefix.equals(prefix))) {
        throw new IllegalArgumentException(method + " " + prefix + "* has a route already");
      }
      prefixes.add(new Prefix(m, prefix, handler));
      return this;
    }

    /** Replies the stack makes about paths under {@code prefix} (404, 405, 413, 400, 500, 503) come from {@code writer}. */
    public Builder errors(String prefix, ErrorWriter writer) {
      requirePath(prefix);
      errorScopes.add(new ErrorScope(prefix, writer));
      return this;
    }

    public Router build() {
      return new Router(this);
    }

    private static String upper(String method) {
      return method.toUpperCase(Locale.ROOT);
    }

    private static void requirePath(String path) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("a path starts with '/': " + path);
      }
    }
  }
}
