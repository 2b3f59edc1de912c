package dev.linkpulse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.linkpulse.core.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a local stack once for a test class (free ports, in-memory data) and stops it afterwards. Also a small
 * HTTP client for the API, so tests read as requests and assertions.
 *
 * <pre>
 * {@literal @}RegisterExtension static final LocalStackExtension stack = new LocalStackExtension();
 * </pre>
 */
public final class LocalStackExtension implements BeforeAllCallback, AfterAllCallback {
  /** A response with its body parsed as JSON when it is JSON. */
  public record Response(int status, Map<String, String> headers, String body) {
    public JsonNode json() {
      try {
        return body == null || body.isEmpty() ? MissingNode.getInstance() : Json.tree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final Map<String, String> parameters = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private LocalStack stack;

  /** Overrides a template parameter for this class's stack. */
  public LocalStackExtension parameter(String name, String value) {
    parameters.put(name, value);
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    stack = LocalStack.start(LocalConfig.ephemeral(LocalConfig.findRoot()).withParameters(parameters));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (stack != null) stack.close();
  }

  public LocalStack stack() {
    return stack;
  }

  public String api() {
    return stack.apiUrl();
  }

  public String token(String user) {
    return stack.issuer().mint(user, Duration.ofHours(1));
  }

  public Response get(String path, String token) {
    return send("GET", path, token, null, Map.of());
  }

  public Response post(String path, String token, String body) {
    return send("POST", path, token, body, Map.of());
  }

  public Response delete(String path, String token) {
    return send("DELETE", path, token, null, Map.of());
  }

  public Response send(String method, String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(api() + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) req.header("Authorization", "Bearer " + token);
    if (body != null) req.header("Content-Type", "application/json");
    headers.forEach(req::header);
    try {
      HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> h = new LinkedHashMap<>();
      r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
      return new Response(r.statusCode(), h, r.body());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }
}
