package dev.linkpulse.moderation.handlers;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.links.Blocklist;
import dev.linkpulse.emulators.protocol.AwsJsonServer;
import dev.linkpulse.emulators.stepfunctions.LambdaInvoker;
import dev.linkpulse.emulators.stepfunctions.StepFunctionsEmulator;
import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.moderation.reputation.Reputation;
import dev.linkpulse.moderation.reputation.ReputationClient;
import dev.linkpulse.moderation.reputation.ReputationUnavailable;
import dev.linkpulse.moderation.saga.DynamoSagaStore;
import dev.linkpulse.moderation.saga.ModerationSteps;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The real state machine (moderation/statemachine.asl.json) on the emulators' Step Functions engine, its Lambda
 * tasks calling the real step handlers in-process, the DynamoDB engine for the table, a recording PutEvents endpoint
 * and a reputation provider the test sets. Time is a {@link ManualTimeline}.
 */
final class SagaEngine implements AutoCloseable {
  enum Provider { SAFE, MALICIOUS, DOWN }

  static final String ACCOUNT_FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:";
  final ManualTimeline timeline = new ManualTimeline(Instant.parse("2026-12-01T10:00:00Z"));
  final dev.linkpulse.moderation.saga.SagaTable table;
  final AtomicReference<Provider> provider = new AtomicReference<>(Provider.SAFE);
  final AtomicInteger providerCalls = new AtomicInteger();
  final Set<String> failing = ConcurrentHashMap.newKeySet();
  final List<JsonNode> events = new CopyOnWriteArrayList<>();
  final ModerationSteps steps;
  final StepFunctionsEmulator sfn;
  final SfnClient client;
  final String machineArn;
  private final AwsJsonServer eventBridge;
  private final Map<String, RequestHandler<Map<String, Object>, Map<String, Object>>> handlers;

  SagaEngine(int dailyQuota) throws Exception {
    table = new dev.linkpulse.moderation.saga.SagaTable();
    ReputationClient reputation = url -> {
      providerCalls.incrementAndGet();
      return switch (provider.get()) {
        case SAFE -> new Reputation(List.of());
        case MALICIOUS -> new Reputation(List.of("SOCIAL_ENGINEERING"));
        case DOWN -> throw new ReputationUnavailable("the provider answered 503", null);
      };
    };
    steps = new ModerationSteps(new DynamoSagaStore(table.dynamo(), table.name(), Clock.systemUTC()),
        new dev.linkpulse.moderation.screening.Screener(blocklist(), new dev.linkpulse.moderation.screening.Heuristics(), reputation), dailyQuota);
    handlers = Map.of("ReserveQuota", new ReserveQuotaHandler(steps), "Screen", new ScreenHandler(steps),
        "EnterReview", new EnterReviewHandler(steps), "Activate", new ActivateHandler(steps), "Reject", new RejectHandler(steps),
        "ReleaseQuota", new ReleaseQuotaHandler(steps), "MarkFailed", new MarkFailedHandler(steps));
    eventBridge = AwsJsonServer.builder().name("events").jsonVersion("1.1").service("AWSEvents", "", Map.of("PutEvents", in -> {
      in.get("Entries").forEach(events::add);
      return Json.MAPPER.valueToTree(Map.of("FailedEntryCount", 0, "Entries", List.of(Map.of("EventId", "e" + events.size()))));
    })).start();
    sfn = StepFunctionsEmulator.builder().timeline(timeline).lambda(this::invoke).endpoint("events", eventBridge.endpoint()).start();
    client = SfnClient.builder().endpointOverride(sfn.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    machineArn = sfn.deployStateMachine("Moderation", Files.readString(definition()), substitutions());
  }

  Blocklist blocklist() {
    return Blocklist.dynamoDb(table.dynamo(), table.name());
  }

  static Path definition() {
    Path here = Path.of("statemachine.asl.json");
    return Files.exists(here) ? here : Path.of("moderation/statemachine.asl.json");
  }

  static Map<String, String> substitutions() {
    Map<String, String> values = new java.util.HashMap<>(Map.of("LinkEventsBusName", "linkpulse-test", "ReviewTimeoutSeconds", "3600",
        "ReputationMaxAttempts", "2"));
    for (String fn : List.of("ReserveQuota", "Screen", "EnterReview", "Activate", "Reject", "ReleaseQuota", "MarkFailed")) {
      values.put(fn + "FunctionArn", ACCOUNT_FUNCTION + fn);
    }
    return values;
  }

  private LambdaInvoker.Result invoke(String function, String payload) {
    String name = LambdaInvoker.functionName(function);
    if (failing.contains(name)) return LambdaInvoker.Result.functionError("Injected", name + ": injected failure");
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> input = Json.read(payload, Map.class);
      return LambdaInvoker.Result.success(Json.write(handlers.get(name).handleRequest(input, null)));
    } catch (RuntimeException e) {
      return LambdaInvoker.Result.functionError(e.getClass().getName(), e.getMessage());
    }
  }

  URI eventsEndpoint() {
    return eventBridge.endpoint();
  }

  @Override
  public void close() {
    client.close();
    sfn.close();
    eventBridge.close();
    table.close();
  }
}
