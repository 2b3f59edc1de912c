package dev.linkpulse.emulators.stepfunctions;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.time.ManualTimeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** The emulator on a manual timeline with a fake Lambda, driven through the real SfnClient. */
final class SfnHarness implements AutoCloseable {
  static final Instant EPOCH = Instant.parse("2026-01-05T10:00:00Z");
  private static final AtomicInteger MACHINES = new AtomicInteger();

  final ManualTimeline timeline;
  final FakeLambda lambda;
  final StepFunctionsEmulator emulator;
  final SfnClient client;

  SfnHarness() {
    this(b -> {});
  }

  SfnHarness(Consumer<StepFunctionsEmulator.Builder> config) {
    this(new ManualTimeline(EPOCH), new FakeLambda(), config);
  }

  SfnHarness(ManualTimeline timeline, FakeLambda lambda, Consumer<StepFunctionsEmulator.Builder> config) {
    this.timeline = timeline;
    this.lambda = lambda;
    StepFunctionsEmulator.Builder builder = StepFunctionsEmulator.builder().timeline(timeline).lambda(lambda);
    config.accept(builder);
    try {
      this.emulator = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.client = client(emulator);
  }

  static SfnClient client(StepFunctionsEmulator emulator) {
    return SfnClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  String machine(String definition) {
    return client.createStateMachine(r -> r.name("machine-" + MACHINES.incrementAndGet()).definition(definition)
        .roleArn("arn:aws:iam::000000000000:role/sfn")).stateMachineArn();
  }

  String start(String machineArn, String input) {
    return client.startExecution(r -> r.stateMachineArn(machineArn).input(input)).executionArn();
  }

  /** Creates a machine, starts it with {@code input} and waits for it to stop moving on its own. */
  DescribeExecutionResponse run(String definition, String input) {
    return awaitDone(start(machine(definition), input));
  }

  DescribeExecutionResponse describe(String executionArn) {
    return client.describeExecution(r -> r.executionArn(executionArn));
  }

  DescribeExecutionResponse awaitDone(String executionArn) {
    return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(20)).until(() -> describe(executionArn), d -> d.status() != ExecutionStatus.RUNNING);
  }

  List<HistoryEvent> history(String executionArn) {
    List<HistoryEvent> out = new ArrayList<>();
    client.getExecutionHistoryPaginator(r -> r.executionArn(executionArn)).events().forEach(out::add);
    return out;
  }

  /** Waits until the history has an event that matches; events are written before the engine waits on anything. */
  void awaitEvent(String executionArn, Predicate<HistoryEvent> match) {
    await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(20)).until(() -> history(executionArn).stream().anyMatch(match));
  }

  long count(String executionArn, Predicate<HistoryEvent> match) {
    return history(executionArn).stream().filter(match).count();
  }

  void advance(Duration step) {
    timeline.advance(step);
  }

  static JsonNode json(String text) {
    return Json.parse(text);
  }

  @Override
  public void close() {
    client.close();
    emulator.close();
  }
}
