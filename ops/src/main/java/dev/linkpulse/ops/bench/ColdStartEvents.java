package dev.linkpulse.ops.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.core.http.EdgeTrust;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One event per function the cold-start bench measures, shaped as Lambda delivers it: an HTTP API request for the
 * redirect, an SQS message holding a click for the recorder, a stream INSERT of that click's raw item for the
 * aggregator. Repeating one is harmless: the same click is rewritten, and a replayed stream record is skipped.
 */
final class ColdStartEvents {
  static final String CODE = "coldlink";

  private ColdStartEvents() {}

  static Optional<ObjectNode> forFunction(String logicalId, Map<String, String> environment) {
    return switch (logicalId) {
      case "RedirectFunction" -> Optional.of(redirect(environment.get(EdgeTrust.ENVIRONMENT)));
      case "RecorderFunction" -> Optional.of(recorder());
      case "AggregatorFunction" -> Optional.of(aggregator());
      default -> Optional.empty();
    };
  }

  private static ObjectNode redirect(String edgeSecret) {
    ObjectNode e = Json.object().put("version", "2.0").put("routeKey", "GET /{code}").put("rawPath", "/" + CODE).put("rawQueryString", "");
    ObjectNode headers = e.putObject("headers").put("user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0").put("host", "lnk.example.com");
    if (edgeSecret != null) headers.put(EdgeTrust.HEADER, edgeSecret);
    e.putObject("pathParameters").put("code", CODE);
    ObjectNode context = e.putObject("requestContext").put("routeKey", "GET /{code}").put("stage", "$default").put("requestId", "cold");
    context.putObject("http").put("method", "GET").put("path", "/" + CODE).put("protocol", "HTTP/1.1").put("sourceIp", "198.51.100.7")
        .put("userAgent", "Mozilla/5.0");
    e.put("isBase64Encoded", false);
    return e;
  }

  private static ClickEvent click() {
    return new ClickEvent("6d0f1c2e-0000-4000-8000-00000000c01d", Instant.parse("2026-12-01T12:00:00Z"), CODE, "", "GET", null,
        "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "DE", "visitor-cold", false, Map.of());
  }

  private static ObjectNode recorder() {
    ClickEvent c = click();
    ObjectNode envelope = Json.object().put("version", "0").put("id", c.eventId()).put("detail-type", ClickEvent.DETAIL_TYPE)
        .put("source", ClickEvent.SOURCE).put("time", c.time().toString());
    envelope.set("detail", c.toDetail());
    ObjectNode e = Json.object();
    e.putArray("Records").addObject().put("messageId", "cold-1").put("receiptHandle", "cold").put("body", Json.write(envelope))
        .put("eventSource", "aws:sqs").put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:clicks").put("awsRegion", "us-east-1");
    return e;
  }

  private static ObjectNode aggregator() {
    ClickEvent c = click();
    var item = new dev.linkpulse.pipeline.clicks.RawClick(c, "Firefox", "Linux", "Desktop", false, null).toItem(c.time().getEpochSecond() + 86_400);
    ObjectNode image = Json.object();
    item.forEach((name, value) -> image.set(name, Json.MAPPER.valueToTree(value.s() != null ? Map.of("S", value.s())
        : value.n() != null ? Map.of("N", value.n()) : Map.of("BOOL", Boolean.TRUE.equals(value.bool())))));
    ObjectNode e = Json.object();
    ObjectNode record = e.putArray("Records").addObject().put("eventID", "cold-1").put("eventName", "INSERT").put("eventVersion", "1.1")
        .put("eventSource", "aws:dynamodb").put("awsRegion", "us-east-1")
        .put("eventSourceARN", "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-12-01T00:00:00.000");
    ObjectNode dynamodb = record.putObject("dynamodb").put("SequenceNumber", "100000000000000000001").put("SizeBytes", 400)
        .put("StreamViewType", "NEW_IMAGE").put("ApproximateCreationDateTime", c.time().getEpochSecond());
    dynamodb.putObject("Keys").set(Keys.PK, image.get(Keys.PK));
    ((ObjectNode) dynamodb.get("Keys")).set(Keys.SK, image.get(Keys.SK));
    dynamodb.set("NewImage", image);
    return e;
  }
}
