package dev.linkpulse.emulators.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls an AWS JSON-protocol endpoint the way an SDK does ({@code POST /}, {@code X-Amz-Target}), for the SDK
 * integrations: the Task's Parameters are the API's own request. Errors keep AWS's type name from {@code __type}.
 */
final class JsonServiceClient {
  /** A response: the body, or the error type and message the service returned. */
  record Response(JsonNode body, String requestId, String errorType, String errorMessage) {
    boolean failed() {
      return errorType != null;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  Response call(URI endpoint, String jsonVersion, String target, JsonNode request) throws IOException, InterruptedException {
    HttpRequest httpRequest = HttpRequest.newBuilder(endpoint.resolve("/"))
        .header("Content-Type", "application/x-amz-json-" + jsonVersion)
        .header("X-Amz-Target", target)
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(request)))
        .build();
    HttpResponse<String> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString());
    String requestId = response.headers().firstValue("x-amzn-RequestId").orElse("");
    JsonNode body = response.body().isBlank() ? Json.object() : parseOrWrap(response.body());
    if (response.statusCode() / 100 == 2) return new Response(body, requestId, null, null);
    String type = body.path("__type").asText(response.headers().firstValue("x-amzn-ErrorType").orElse("UnknownError"));
    type = type.substring(type.lastIndexOf('#') + 1);
    String message = body.has("message") ? body.get("message").asText() : body.path("Message").asText(response.body());
    return new Response(body, requestId, type, message + " (Status Code: " + response.statusCode() + ")");
  }

  private static JsonNode parseOrWrap(String text) {
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      ObjectNode wrapped = Json.object();
      wrapped.put("message", text);
      return wrapped;
    }
  }

  /** The SdkHttpMetadata and SdkResponseMetadata that AWS adds to an optimized integration's result. */
  static void addSdkMetadata(ObjectNode result, String requestId, String contentType) {
    ObjectNode http = result.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    all.putArray("Content-Type").add(contentType);
    all.putArray("x-amzn-RequestId").add(requestId);
    ObjectNode headers = http.putObject("HttpHeaders");
    headers.put("Content-Type", contentType);
    headers.put("x-amzn-RequestId", requestId);
    http.put("HttpStatusCode", 200);
    result.putObject("SdkResponseMetadata").put("RequestId", requestId);
  }
}
