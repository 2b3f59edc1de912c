package dev.linkpulse.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.linkpulse.core.Json;
import dev.linkpulse.emulators.lambda.FunctionError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Lambda's Invoke ({@code POST /2015-03-31/functions/{FunctionName}/invocations}, RequestResponse) for the local
 * functions, so that what calls a version by ARN (the deploy hooks' {@code LambdaClient}) reaches it. The name may be
 * a name, {@code name:qualifier}, or a function or version ARN; a function error answers 200 with
 * {@code X-Amz-Function-Error: Unhandled} and the error as the payload, as Lambda does.
 */
final class LambdaInvokeEndpoint implements AutoCloseable {
  static final String PATH = "/2015-03-31/functions/";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "lambda-invoke");
    t.setDaemon(true);
    return t;
  });
  private final Function<String, Optional<Function<String, FunctionVersions.Executed>>> functions;

  /** @param functions a qualified name ({@code Name} or {@code Name:Qualifier}) to what invokes the function, version or alias it names */
  LambdaInvokeEndpoint(Function<String, Optional<Function<String, FunctionVersions.Executed>>> functions) throws IOException {
    this.functions = functions;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(PATH, this::handle);
    server.setExecutor(threads);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The qualified name an Invoke names: {@code arn:aws:lambda:r:a:function:Name[:q]} or {@code Name[:q]}, with {@code ?Qualifier=}. */
  static String qualifiedName(String rawName, String query) {
    String name = FunctionVersions.qualifiedName(URLDecoder.decode(rawName, StandardCharsets.UTF_8));
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("Qualifier=") && !name.contains(":")) name = name + ":" + pair.substring("Qualifier=".length());
      }
    }
    return name;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String rest = exchange.getRequestURI().getRawPath().substring(PATH.length());
      if (!"POST".equals(exchange.getRequestMethod()) || !rest.endsWith("/invocations")) {
        answer(exchange, 404, Map.of("x-amzn-ErrorType", "UnknownOperationException"), "{\"message\":\"only Invoke is served\"}");
        return;
      }
      String name = qualifiedName(rest.substring(0, rest.length() - "/invocations".length()), exchange.getRequestURI().getRawQuery());
      Optional<Function<String, FunctionVersions.Executed>> fn = functions.apply(name);
      if (fn.isEmpty()) {
        answer(exchange, 404, Map.of("x-amzn-ErrorType", "ResourceNotFoundException"),
            Json.write(Map.of("Type", "User", "message", "Function not found: " + name)));
        return;
      }
      String event = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      try {
        FunctionVersions.Executed result = fn.get().apply(event.isEmpty() ? "{}" : event);
        answer(exchange, 200, Map.of("X-Amz-Executed-Version", result.version()), result.response() == null ? "null" : result.response());
      } catch (FunctionError e) {
        answer(exchange, 200, Map.of("X-Amz-Function-Error", "Unhandled"),
            Json.write(Map.of("errorType", String.valueOf(e.errorType()), "errorMessage", String.valueOf(e.getMessage()))));
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
