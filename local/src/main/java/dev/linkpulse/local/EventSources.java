package dev.linkpulse.local;

import dev.linkpulse.core.Json;
import dev.linkpulse.emulators.eventbridge.EventBridgeEndpoint;
import dev.linkpulse.emulators.eventsources.SqsEventSource;
import dev.linkpulse.emulators.eventsources.StreamEventSource;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Reads the template's event rules and event-source mappings into the local emulations of them. */
final class EventSources {
  /**
   * Locally a failed SQS message comes back after this many seconds instead of the queue's whole visibility
   * timeout (180 s for the clicks queue), so a poison message reaches the DLQ in seconds. The only deliberate
   * deviation from AWS timing in the stack.
   */
  static final int LOCAL_RETRY_VISIBILITY_SECONDS = 1;

  private EventSources() {}

  static List<EventBridgeEndpoint.EventRule> rules(Template template, Resolver resolver, LocalResources resources) {
    List<EventBridgeEndpoint.EventRule> rules = new ArrayList<>();
    template.resourcesOfType("AWS::Events::Rule").forEach((id, props) -> {
      Map<String, Object> p = Template.map(resolver.resolve(props));
      String bus = p.containsKey("EventBusName") ? String.valueOf(p.get("EventBusName")) : "default";
      List<String> targets = new ArrayList<>();
      for (Object t : Template.list(p.get("Targets"))) {
        String arn = String.valueOf(Template.map(t).get("Arn"));
        if (!arn.startsWith("arn:aws:sqs:")) throw new IllegalStateException("rule " + id + ": the local stack delivers only to SQS targets, not " + arn);
        targets.add(resources.queueUrlForArn(arn));
      }
      rules.add(new EventBridgeEndpoint.EventRule(id, bus, Json.write(p.get("EventPattern")), targets));
    });
    return rules;
  }

  static List<AutoCloseable> mappings(Template template, Resolver resolver, LocalResources resources, Map<String, LocalFunction> functions,
      SqsClient sqs, DynamoDbStreamsClient streams) {
    List<AutoCloseable> started = new ArrayList<>();
    for (FunctionSpec spec : template.functions()) {
      LocalFunction function = functions.get(spec.logicalId());
      spec.events().forEach((name, event) -> {
        Map<String, Object> p = Template.map(resolver.resolve(event.get("Properties")));
        boolean partial = Template.list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures");
        if ("SQS".equals(event.get("Type"))) {
          String arn = String.valueOf(p.get("Queue"));
          started.add(new SqsEventSource(new SqsEventSource.Config(resources.queueUrlForArn(arn), arn, integer(p, "BatchSize", 10),
              integer(p, "MaximumBatchingWindowInSeconds", 0), partial, function, LOCAL_RETRY_VISIBILITY_SECONDS, 2), sqs).start());
        } else if ("DynamoDB".equals(event.get("Type"))) {
          List<String> filters = new ArrayList<>();
          for (Object f : Template.list(Template.map(p.get("FilterCriteria")).get("Filters"))) {
            Object pattern = Template.map(f).get("Pattern");
            filters.add(pattern instanceof String s ? s : Json.write(pattern));
          }
          Object destination = Template.map(Template.map(p.get("DestinationConfig")).get("OnFailure")).get("Destination");
          started.add(new StreamEventSource(new StreamEventSource.Config(String.valueOf(p.get("Stream")),
              StreamEventSource.StartingPosition.valueOf(String.valueOf(p.getOrDefault("StartingPosition", "LATEST"))),
              integer(p, "BatchSize", 100), integer(p, "MaximumBatchingWindowInSeconds", 0), filters,
              Boolean.parseBoolean(String.valueOf(p.getOrDefault("BisectBatchOnFunctionError", "false"))),
              integer(p, "MaximumRetryAttempts", -1), partial,
              destination == null ? null : resources.queueUrlForArn(String.valueOf(destination)), function, 100), streams, sqs).start());
        }
      });
    }
    return started;
  }

  private static int integer(Map<String, Object> p, String key, int fallback) {
    Object v = p.get(key);
    return v == null ? fallback : Integer.parseInt(String.valueOf(v));
  }
}
