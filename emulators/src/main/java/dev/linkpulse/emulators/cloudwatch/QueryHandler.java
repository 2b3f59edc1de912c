package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.linkpulse.emulators.protocol.AwsJsonServer;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS Query side of the endpoint (what the SDK for Java sends CloudWatch): a form-encoded {@code POST /} with
 * {@code Action} and {@code Version=2010-08-01}, gzip-compressed when large; an XML answer, or an
 * {@code <ErrorResponse>} with the error's Query code.
 */
final class QueryHandler implements HttpHandler {
  static final String VERSION = "2010-08-01";
  private static final Logger LOG = LoggerFactory.getLogger(QueryHandler.class);
  private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  private final Map<String, UnaryOperator<JsonNode>> operations;

  QueryHandler(Map<String, UnaryOperator<JsonNode>> operations) {
    this.operations = operations;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    try (exchange) {
      String action = "";
      try {
        byte[] body = AwsJsonServer.requestBody(exchange).readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) throw new AwsServiceException("RequestEntityTooLarge", 413, "Request must be smaller than " + MAX_BODY_BYTES + " bytes");
        ObjectNode params = QueryForm.decode(new String(body, StandardCharsets.UTF_8));
        action = params.path("Action").asText("");
        String version = params.path("Version").asText("");
        params.remove("Action");
        params.remove("Version");
        UnaryOperator<JsonNode> op = operations.get(action);
        if (op == null) throw new AwsServiceException("InvalidAction", 400, "The action " + action + " is not valid for this web service.");
        if (!version.equals(VERSION)) throw new AwsServiceException("InvalidParameterValue", 400, "Version " + version + " is not " + VERSION);
        write(exchange, 200, QueryXml.response(action, op.apply(params), requestId), requestId);
      } catch (AwsServiceException e) {
        write(exchange, e.status(), QueryXml.error(CloudWatchErrors.queryCode(e), e.getMessage(), e.status() < 500, requestId), requestId);
      } catch (RuntimeException e) {
        LOG.warn("CloudWatch {} failed", action, e);
        write(exchange, 500, QueryXml.error("InternalServiceError", "Internal server error: " + e, false, requestId), requestId);
      }
    }
  }

  private static void write(HttpExchange exchange, int status, String xml, String requestId) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
