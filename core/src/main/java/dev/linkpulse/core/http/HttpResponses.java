package dev.linkpulse.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import java.util.HashMap;
import java.util.Map;

/** Maps results to API Gateway HTTP API responses. Every JSON answer of the API is built here. */
public final class HttpResponses {
  private HttpResponses() {}

  public static APIGatewayV2HTTPResponse json(int status, Object body) {
    return json(status, body, Map.of());
  }

  public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new HashMap<>(extraHeaders);
    headers.put("Content-Type", "application/json");
    headers.putIfAbsent("Cache-Control", "no-store");
    return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
        .withBody(body instanceof String s ? s : Json.write(body)).build();
  }

  public static APIGatewayV2HTTPResponse error(ApiException e) {
    return error(e.status(), e.code(), e.getMessage());
  }

  /** The one error shape: {@code {"error":{"code":...,"message":...}}}. */
  public static APIGatewayV2HTTPResponse error(int status, String code, String message) {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", code).put("message", message);
    return json(status, body);
  }

  public static APIGatewayV2HTTPResponse noContent() {
    return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of("Cache-Control", "no-store")).build();
  }

  /**
   * A fixed HTML page for people who followed a link (a refused link's 410). The text is a constant of ours: no
   * user data, no target URL, nothing to click, and a policy that lets the page load nothing at all.
   */
  public static APIGatewayV2HTTPResponse page(int status, String title, String message) {
    String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
        + "<body><h1>" + title + "</h1><p>" + message + "</p></body></html>";
    return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(Map.of(
        "Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-store",
        "Content-Security-Policy", "default-src 'none'", "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer"))
        .withBody(html).build();
  }

  public static APIGatewayV2HTTPResponse status(int status, Map<String, String> headers) {
    return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).build();
  }
}
