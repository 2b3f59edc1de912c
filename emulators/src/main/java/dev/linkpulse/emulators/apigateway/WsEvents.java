package dev.linkpulse.emulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.protocol.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The events API Gateway sends to a WebSocket API's functions, built as it builds them: the REQUEST authorizer's
 * event, and the CONNECT, MESSAGE and DISCONNECT events ({@code APIGatewayV2WebSocketEvent} in the Java events
 * library; fields that type lacks, like {@code disconnectStatusCode}, are still sent, as AWS sends them).
 */
final class WsEvents {
  static final String STAGE = "$default";
  static final String API_ID = "local";
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private WsEvents() {}

  /** {@code arn:aws:execute-api:us-east-1:000000000000:local/$default/$connect}. */
  static String methodArn(String routeKey) {
    return AwsAccount.arn("execute-api", API_ID + "/" + STAGE + "/" + routeKey);
  }

  /** The event a Lambda REQUEST authorizer of a WebSocket API receives on $connect. */
  static ObjectNode authorizerRequest(WsConnection c, String domainName) {
    ObjectNode event = Json.object();
    event.put("type", "REQUEST");
    event.put("methodArn", methodArn("$connect"));
    putHeaders(event, c.headers);
    putQuery(event, c.query, true);
    event.putObject("stageVariables");
    ObjectNode ctx = requestContext(event, c, "$connect", "CONNECT", domainName);
    ctx.putObject("identity").put("sourceIp", c.sourceIp).put("userAgent", c.userAgent);
    return event;
  }

  static ObjectNode connect(WsConnection c, String domainName) {
    ObjectNode event = Json.object();
    putHeaders(event, c.headers);
    putQuery(event, c.query, false);
    ObjectNode ctx = requestContext(event, c, "$connect", "CONNECT", domainName);
    ctx.putObject("identity").put("sourceIp", c.sourceIp).put("userAgent", c.userAgent);
    putAuthorizer(ctx, c.authorizer);
    event.put("isBase64Encoded", false);
    return event;
  }

  static ObjectNode message(WsConnection c, String routeKey, String messageId, String body, boolean base64, String domainName) {
    ObjectNode event = Json.object();
    ObjectNode ctx = requestContext(event, c, routeKey, "MESSAGE", domainName);
    ctx.put("messageId", messageId);
    ctx.putObject("identity").put("sourceIp", c.sourceIp);
    putAuthorizer(ctx, c.authorizer);
    event.put("body", body);
    event.put("isBase64Encoded", base64);
    return event;
  }

  static ObjectNode disconnect(WsConnection c, int statusCode, String reason, String domainName) {
    ObjectNode event = Json.object();
    ObjectNode headers = event.putObject("headers");
    headers.put("Host", domainName).put("x-api-key", "").put("X-Forwarded-For", "").put("x-restapi", "");
    ObjectNode multi = event.putObject("multiValueHeaders");
    headers.fields().forEachRemaining(h -> multi.putArray(h.getKey()).add(h.getValue().asText()));
    ObjectNode ctx = requestContext(event, c, "$disconnect", "DISCONNECT", domainName);
    ctx.put("disconnectStatusCode", statusCode);
    ctx.put("disconnectReason", reason == null ? "" : reason);
    ctx.putObject("identity").put("sourceIp", c.sourceIp).put("userAgent", c.userAgent);
    putAuthorizer(ctx, c.authorizer);
    event.put("isBase64Encoded", false);
    return event;
  }

  private static ObjectNode requestContext(ObjectNode event, WsConnection c, String routeKey, String eventType, String domainName) {
    Instant now = Instant.now();
    ObjectNode ctx = event.putObject("requestContext");
    ctx.put("routeKey", routeKey);
    ctx.put("eventType", eventType);
    ctx.put("extendedRequestId", Ids.next());
    ctx.put("requestTime", REQUEST_TIME.format(now));
    ctx.put("messageDirection", "IN");
    ctx.put("stage", STAGE);
    ctx.put("connectedAt", c.connectedAt);
    ctx.put("requestTimeEpoch", now.toEpochMilli());
    ctx.put("requestId", UUID.randomUUID().toString());
    ctx.put("domainName", domainName);
    ctx.put("connectionId", c.id);
    ctx.put("apiId", API_ID);
    return ctx;
  }

  private static void putHeaders(ObjectNode event, Map<String, List<String>> headers) {
    ObjectNode single = event.putObject("headers");
    ObjectNode multi = event.putObject("multiValueHeaders");
    headers.forEach((name, values) -> {
      single.put(name, values.get(values.size() - 1));
      values.forEach(multi.putArray(name)::add);
    });
  }

  /** Query parameters; CONNECT events omit them when there are none, the authorizer's event always has them. */
  private static void putQuery(ObjectNode event, Map<String, List<String>> query, boolean always) {
    if (query.isEmpty() && !always) return;
    ObjectNode single = event.putObject("queryStringParameters");
    ObjectNode multi = event.putObject("multiValueQueryStringParameters");
    query.forEach((name, values) -> {
      single.put(name, values.get(values.size() - 1));
      values.forEach(multi.putArray(name)::add);
    });
  }

  private static void putAuthorizer(ObjectNode ctx, Map<String, Object> authorizer) {
    if (authorizer == null) return;
    ObjectNode node = ctx.putObject("authorizer");
    authorizer.forEach((k, v) -> {
      if (v instanceof String s) node.put(k, s);
      else if (v instanceof Long l) node.put(k, l);
      else if (v instanceof Integer i) node.put(k, i);
      else if (v instanceof BigDecimal d) node.put(k, d);
      else if (v instanceof Boolean b) node.put(k, b);
      else node.put(k, String.valueOf(v));
    });
  }

  /** A function's answer as JSON, or null when it answered nothing or not JSON. */
  static JsonNode tree(String json) {
    if (json == null) return null;
    try {
      return Json.tree(json);
    } catch (IOException e) {
      return null;
    }
  }
}
