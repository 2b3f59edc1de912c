package dev.linkpulse.deploy.hooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.pipeline.clicks.RawClick;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Events shaped the way AWS delivers them (API Gateway HTTP payload 2.0, SQS with the EventBridge envelope in the
 * body, DynamoDB Streams NEW_IMAGE records, a WebSocket REQUEST authorizer call), for invoking a version directly.
 */
final class ProbeEvents {
  private ProbeEvents() {}

  static String httpGet(String code, Map<String, String> headers, Instant now) {
    ObjectNode e = Json.object().put("version", "2.0").put("routeKey", "GET /{code}").put("rawPath", "/" + code).put("rawQueryString", "");
    ObjectNode h = e.putObject("headers");
    headers.forEach(h::put);
    e.putObject("pathParameters").put("code", code);
    ObjectNode ctx = e.putObject("requestContext").put("accountId", "anonymous").put("apiId", "canary").put("domainName", "canary.local")
        .put("requestId", "canary-" + now.toEpochMilli()).put("routeKey", "GET /{code}").put("stage", "$default")
        .put("time", now.toString()).put("timeEpoch", now.toEpochMilli());
    ctx.putObject("http").put("method", "GET").put("path", "/" + code).put("protocol", "HTTP/1.1").put("sourceIp", "192.0.2.10")
        .put("userAgent", headers.getOrDefault("user-agent", ""));
    e.put("isBase64Encoded", false);
    return e.toString();
  }

  /** An SQS batch whose bodies are the envelopes the click rule delivers. */
  static String sqsBatch(List<ClickEvent> clicks, String queueArn) {
    ObjectNode e = Json.object();
    ArrayNode records = e.putArray("Records");
    for (ClickEvent click : clicks) {
      ObjectNode envelope = Json.object().put("version", "0").put("id", click.eventId()).put("detail-type", ClickEvent.DETAIL_TYPE)
          .put("source", ClickEvent.SOURCE).put("account", "000000000000").put("time", click.time().toString()).put("region", "us-east-1");
      envelope.putArray("resources");
      envelope.set("detail", click.toDetail());
      ObjectNode r = records.addObject().put("messageId", "canary-" + click.eventId()).put("receiptHandle", "canary")
          .put("body", envelope.toString()).put("md5OfBody", "").put("eventSource", "aws:sqs").put("eventSourceARN", queueArn)
          .put("awsRegion", "us-east-1");
      r.putObject("attributes").put("ApproximateReceiveCount", "1").put("SentTimestamp", String.valueOf(click.time().toEpochMilli()));
      r.putObject("messageAttributes");
    }
    return e.toString();
  }

  /** A stream batch of INSERTs of raw click items, at the given sequence numbers. */
  static String streamBatch(List<RawClick> clicks, List<String> sequenceNumbers, long expires, String streamArn) {
    ObjectNode e = Json.object();
    ArrayNode records = e.putArray("Records");
    for (int i = 0; i < clicks.size(); i++) {
      Map<String, AttributeValue> item = clicks.get(i).toItem(expires);
      ObjectNode r = records.addObject().put("eventID", "canary-" + i).put("eventName", "INSERT").put("eventVersion", "1.1")
          .put("eventSource", "aws:dynamodb").put("awsRegion", "us-east-1").put("eventSourceARN", streamArn);
      ObjectNode d = r.putObject("dynamodb").put("ApproximateCreationDateTime", clicks.get(i).event().time().getEpochSecond())
          .put("SequenceNumber", sequenceNumbers.get(i)).put("SizeBytes", 256).put("StreamViewType", "NEW_IMAGE");
      ObjectNode keys = d.putObject("Keys");
      ObjectNode image = d.putObject("NewImage");
      item.forEach((name, value) -> {
        image.set(name, attribute(value));
        if (name.equals("PK") || name.equals("SK")) keys.set(name, attribute(value));
      });
    }
    return e.toString();
  }

  static String wsConnectAuthorizer(String token) {
    ObjectNode e = Json.object().put("type", "REQUEST")
        .put("methodArn", "arn:aws:execute-api:us-east-1:000000000000:canary/live/$connect");
    if (token != null) e.putObject("queryStringParameters").put("token", token);
    e.putObject("headers");
    e.putObject("requestContext").put("routeKey", "$connect").put("eventType", "CONNECT").put("connectionId", "canary=")
        .put("stage", "live").put("apiId", "canary");
    return e.toString();
  }

  private static ObjectNode attribute(AttributeValue v) {
    ObjectNode a = Json.object();
    if (v.s() != null) a.put("S", v.s());
    else if (v.n() != null) a.put("N", v.n());
    else if (v.bool() != null) a.put("BOOL", v.bool());
    else if (v.hasM()) {
      ObjectNode m = a.putObject("M");
      v.m().forEach((k, x) -> m.set(k, attribute(x)));
    } else if (v.hasL()) {
      ArrayNode l = a.putArray("L");
      v.l().forEach(x -> l.add(attribute(x)));
    } else if (v.hasSs()) {
      ArrayNode l = a.putArray("SS");
      v.ss().forEach(l::add);
    } else a.put("NULL", true);
    return a;
  }
}
