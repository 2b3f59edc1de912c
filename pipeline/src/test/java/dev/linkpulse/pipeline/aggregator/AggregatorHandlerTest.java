package dev.linkpulse.pipeline.aggregator;

import dev.linkpulse.core.links.LinkLife;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.fixtures.InMemoryLinkStore;
import dev.linkpulse.fixtures.MovableClock;
import dev.linkpulse.pipeline.LambdaEvents;
import dev.linkpulse.pipeline.counters.CounterAggregator;
import dev.linkpulse.pipeline.counters.CounterState;
import dev.linkpulse.pipeline.counters.CounterStore;
import dev.linkpulse.pipeline.counters.FaultyCounterStore;
import dev.linkpulse.pipeline.counters.InMemoryCounterStore;
import dev.linkpulse.pipeline.live.InMemorySubscriptions;
import dev.linkpulse.pipeline.live.Subscriber;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.pipeline.live.LiveFanout;
import dev.linkpulse.pipeline.live.RecordingConnections;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The aggregator function on a stream batch as Lambda delivers it, with the in-memory models behind it. */
class AggregatorHandlerTest {
  static final Instant FIRST_CLICK = Instant.parse("2026-03-01T10:15:30.250Z");
  static final Instant HOUR = Instant.parse("2026-03-01T10:00:00Z");

  // 61 s after the first click, 59.75 s after the second: one click is late for the 60 s freshness objective.
  private final MovableClock clock = new MovableClock(FIRST_CLICK.plusSeconds(61));
  private final InMemoryCounterStore counters = new InMemoryCounterStore();
  private final InMemorySubscriptions subscriptions = new InMemorySubscriptions(clock);
  private final RecordingConnections connections = new RecordingConnections();
  private final InMemoryLinkStore links = new InMemoryLinkStore();
  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private final ByteArrayOutputStream metricsOut = new ByteArrayOutputStream();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private AggregatorHandler handler(CounterStore store) {
    return new AggregatorHandler(new CounterAggregator(store), new LiveFanout(subscriptions, connections, links, pool, clock),
        new AggregatorMetrics(new Metrics("aggregator", new PrintStream(metricsOut, true, StandardCharsets.UTF_8), clock), clock));
  }

  private void watchLaunch7() {
    links.putIfAbsent(new Link("launch7", "", "https://example.com", "alice", 302, HOUR, null, Link.Status.ACTIVE));
    Instant inTwoHours = clock.instant().plus(Duration.ofHours(2));
    subscriptions.subscribe("launch7", new Subscriber("c1", "alice", "", inTwoHours), inTwoHours);
  }

  private static DynamodbEvent event() {
    return LambdaEvents.load("events/dynamodb-stream-event.json", DynamodbEvent.class);
  }

  private List<JsonNode> metricLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : metricsOut.toString(StandardCharsets.UTF_8).split("\n")) if (!line.isBlank()) lines.add(Json.tree(line));
    metricsOut.reset();
    return lines;
  }

  @Test
  void handleRequest_countsPushesAndMeasuresTheBatch() throws Exception {
    watchLaunch7();
    StreamsEventResponse response = handler(counters).handleRequest(event(), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    CounterState hour = counters.load(LinkLife.legacy("launch7"), HOUR);
    assertThat(List.of(hour.total(), hour.human(), hour.bot())).containsExactly(2L, 1L, 1L);
    assertThat(connections.frames("c1")).hasSize(1);
    assertThat(Json.tree(connections.frames("c1").get(0)).at("/delta/total").asLong()).isEqualTo(2);

    List<JsonNode> lines = metricLines();
    JsonNode counted = lines.get(0);
    assertThat(counted.path("ClicksAggregated").asLong()).isEqualTo(2);
    assertThat(counted.path("ReplaysSkipped").asLong()).isZero();
    assertThat(counted.path("CounterWrites").asLong()).isEqualTo(1);
    assertThat(counted.path("RecordsUnreadable").asLong()).isEqualTo(1);
    assertThat(counted.path("ClicksLate").asLong()).isEqualTo(1);
    assertThat(counted.path("ClickAgeMax").asDouble()).isEqualTo(61_000.0);
    assertThat(counted.path("batchSize").asInt()).isEqualTo(6);
    assertThat(lines.get(1).path("PushesSent").asLong()).isEqualTo(1);
  }

  @Test
  void handleRequest_sameBatchAgain_countsAndPushesNothing() throws Exception {
    watchLaunch7();
    AggregatorHandler handler = handler(counters);
    handler.handleRequest(event(), null);
    metricLines();
    StreamsEventResponse again = handler.handleRequest(event(), null);

    assertThat(again.getBatchItemFailures()).isEmpty();
    assertThat(counters.load(LinkLife.legacy("launch7"), HOUR).total()).isEqualTo(2);
    assertThat(connections.frames("c1")).hasSize(1);
    JsonNode counted = metricLines().get(0);
    assertThat(counted.path("ClicksAggregated").asLong()).isZero();
    assertThat(counted.path("ReplaysSkipped").asLong()).isEqualTo(2);
  }

  @Test
  void handleRequest_aFailedCounter_isTheBatchItemFailure() {
    StreamsEventResponse response = handler(new FaultyCounterStore(counters, 1, FaultyCounterStore.Fault.FAIL)).handleRequest(event(), null);
    assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("111100000000000000001");
    assertThat(counters.load(LinkLife.legacy("launch7"), HOUR).total()).isZero();
  }
}
