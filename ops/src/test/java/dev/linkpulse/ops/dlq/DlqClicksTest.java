package dev.linkpulse.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import dev.linkpulse.testkit.ApiResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code linkpulse dlq} against the local stack (ElasticMQ, the DynamoDB engine, the real recorder and aggregator):
 * poison from real failing recorder batches lands in the DLQ; list and peek show it without consuming it; a
 * filtered redrive moves only the matching messages; the backup restores them; SQS's move task redrives the rest;
 * and the click counts end exact.
 */
class DlqClicksTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);

  static final Duration LONG = Duration.ofSeconds(60);

  @TempDir Path tmp;

  final Cli cli = new Cli(stack);
  String token;

  private String createLink() {
    ApiResponse r = stack.post("/links", token, "{\"url\":\"https://example.com/dlq\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("code").asText();
  }

  private void click(String code) {
    assertThat(stack.get("/" + code, null).status()).isEqualTo(302);
  }

  private long total(String code) {
    ApiResponse r = stack.get("/links/" + code + "/stats?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
        + Instant.now().plus(Duration.ofHours(1)), token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("total").asLong();
  }

  /** Exact, and still exact once nothing is left in flight anywhere. */
  private void awaitTotal(String code, long expected) throws InterruptedException {
    await().atMost(LONG).pollInterval(Duration.ofMillis(300)).until(() -> total(code) == expected);
    assertThat(stack.stack().awaitQuiet(LONG)).isTrue();
    assertThat(total(code)).isEqualTo(expected);
  }

  static int attribute(String queueUrl, QueueAttributeName name) {
    return Integer.parseInt(stack.stack().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(name)).attributes().get(name));
  }

  static int visible(String queueUrl) {
    return attribute(queueUrl, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
  }

  static int inFlight(String queueUrl) {
    return attribute(queueUrl, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
  }

  private EventBridgeClient events() {
    return EventBridgeClient.builder().endpointOverride(URI.create(stack.stack().eventsEndpoint())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
  }

  /** link.clicked events the recorder's validation rejects every time: eventId is not a UUID. */
  private void publishPoison(String... eventIds) {
    try (EventBridgeClient eb = events()) {
      List<PutEventsRequestEntry> entries = new ArrayList<>();
      for (String id : eventIds) {
        ObjectNode detail = Json.object().put("schemaVersion", 1).put("eventId", id).put("time", Instant.now().toString())
            .put("code", "poison").put("method", "GET").put("country", "DE").put("visitor", "abcdefghijkl");
        entries.add(PutEventsRequestEntry.builder().eventBusName(stack.stack().busName("ClicksBus")).source(ClickEvent.SOURCE)
            .detailType(ClickEvent.DETAIL_TYPE).detail(Json.write(detail)).build());
      }
      assertThat(eb.putEvents(r -> r.entries(entries)).failedEntryCount()).isZero();
    }
  }

  @Test
  void poisonIsShownWithoutConsumingItAndAFilteredRedriveBackupRestoreAndMoveTaskEndWithExactCounts() throws Exception {
    token = stack.token("dlq-" + UUID.randomUUID());
    String a = createLink();
    String b = createLink();
    String dlq = stack.stack().queueUrl("ClicksDLQ");
    String clicksQueue = stack.stack().queueUrl("ClicksQueue");
    assertThat(stack.stack().awaitQuiet(LONG)).isTrue();
    assertThat(visible(dlq)).isZero();

    // 1. Real poison: the recorder rejects these five times, then ElasticMQ moves them to the DLQ.
    publishPoison("not-a-uuid-1", "not-a-uuid-2");
    await().atMost(LONG).until(() -> visible(dlq) == 2);

    // 2. list: every DLQ of the app, with depth and oldest age (sampling restores visibility).
    Cli.Run list = cli.dlq("list");
    assertThat(list.exit()).as(list.toString()).isZero();
    assertThat(list.out()).contains("QUEUE", "DEPTH", "OLDEST", "ClicksDLQ", "dead-letter queue", "ClicksQueue", "AggregatorFailures",
        "stream on-failure (batch pointers)", "AggregatorFunction");
    assertThat(list.out().lines().filter(l -> l.startsWith("ClicksDLQ")).findFirst().orElseThrow()).matches("ClicksDLQ\\s.*\\s2\\s+0\\s+\\d+[smh].*");
    Cli.Run listJson = cli.dlq("list", "--json");
    JsonNode row = listJson.out().lines().map(DlqClicksTest::json).filter(n -> n.get("queue").asText().equals("ClicksDLQ")).findFirst().orElseThrow();
    assertThat(row.get("depth").asInt()).isEqualTo(2);
    assertThat(row.get("fedBy").toString()).isEqualTo("[\"ClicksQueue\"]");
    assertThat(row.get("oldestAgeSeconds").asLong()).isBetween(0L, 120L);
    assertThat(row.get("oldestIsLowerBound").asBoolean()).isFalse();
    assertThat(visible(dlq)).isEqualTo(2);
    assertThat(inFlight(dlq)).isZero();

    // 3. peek: id, receive count, sent time, attributes, pretty body; nothing consumed, visibility restored.
    Cli.Run peek = cli.dlq("peek", "ClicksDLQ");
    assertThat(peek.exit()).as(peek.toString()).isZero();
    assertThat(peek.out()).contains("not-a-uuid-1", "not-a-uuid-2", "receive count", "sent ", " ago)", "attributes", "SenderId=",
        "\"detail-type\" : \"link.clicked\"");
    assertThat(peek.err()).contains("showed 2 of 2", "all made visible again");
    assertThat(visible(dlq)).isEqualTo(2);
    assertThat(inFlight(dlq)).isZero();
    Cli.Run grep = cli.dlq("peek", "ClicksDLQ", "--grep", "not-a-uuid-1");
    assertThat(grep.out()).contains("not-a-uuid-1").doesNotContain("not-a-uuid-2");
    Cli.Run filtered = cli.dlq("peek", "ClicksDLQ", "--filter", "detail.eventId == 'not-a-uuid-2'", "--json");
    List<JsonNode> shown = filtered.out().lines().map(DlqClicksTest::json).toList();
    assertThat(shown).hasSize(1);
    assertThat(shown.get(0).get("body").asText()).contains("not-a-uuid-2");
    assertThat(shown.get(0).at("/attributes/ApproximateReceiveCount").asInt()).as("receiving counts: 5 by the recorder, then ours").isGreaterThan(5);
    assertThat(visible(dlq)).isEqualTo(2);

    // 4. Fixable poison: valid clicks while every recorder invocation fails reach the DLQ too.
    stack.stack().function("RecorderFunction").injectFailures(Long.MAX_VALUE);
    try {
      for (int i = 0; i < 3; i++) click(a);
      for (int i = 0; i < 2; i++) click(b);
      await().atMost(LONG).until(() -> visible(dlq) == 7);
    } finally {
      stack.stack().function("RecorderFunction").heal();
    }
    assertThat(stack.stack().awaitQuiet(LONG)).isTrue();
    assertThat(total(a)).isZero();
    assertThat(total(b)).isZero();

    // 5. A filtered redrive moves only a's clicks (message by message), after backing them up.
    Path backupA = tmp.resolve("a.ndjson");
    Cli.Run moveA = cli.dlq("redrive", "ClicksDLQ", "--filter", "detail.code == '" + a + "'", "--backup", backupA.toString());
    assertThat(moveA.exit()).as(moveA.toString()).isZero();
    assertThat(moveA.out()).contains("redrive ClicksDLQ -> ClicksQueue (message by message", "backup: " + backupA + " (3 messages)",
        "moved=3 skipped=4 failed=0");
    assertThat(moveA.err()).contains("redrive ClicksDLQ").contains("3/3");
    assertThat(moveA.err().lines().filter(l -> l.startsWith("audit: ")).toList()).singleElement().asString()
        .contains("action=redrive from=ClicksDLQ to=ClicksQueue moved=3 skipped=4 failed=0 backup=" + backupA, "mode=messages", "user=");
    assertThat(visible(dlq)).as("the others are visible again at once").isEqualTo(4);
    List<String> lines = Files.readAllLines(backupA);
    assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(json(l).get("body").asText()).contains("\"code\":\"" + a + "\""));
    awaitTotal(a, 3);
    assertThat(total(b)).isZero();

    // 6. The backup restores them (here: back into the DLQ, as if that redrive had to be undone).
    Cli.Run restore = cli.dlq("restore", backupA.toString(), "--to", "ClicksDLQ");
    assertThat(restore.exit()).as(restore.toString()).isZero();
    assertThat(restore.out()).contains("restored=3 skipped=0 failed=0");
    assertThat(restore.err()).contains("audit: ", "action=restore from=" + backupA, "to=ClicksDLQ moved=3");
    assertThat(visible(dlq)).isEqualTo(7);

    // 7. No filter, no limit: SQS's own move task, followed to completion. a's clicks arrive a second time and are
    //    absorbed (keyed by event id), b's are counted, the two real poison messages come back to the DLQ.
    Path backupAll = tmp.resolve("all.ndjson");
    Cli.Run all = cli.dlq("redrive", "ClicksDLQ", "--backup", backupAll.toString());
    assertThat(all.exit()).as(all.toString()).isZero();
    assertThat(all.out()).contains("redrive ClicksDLQ -> ClicksQueue (SQS message move task)", "(7 messages)", "moved=7 skipped=0 failed=0");
    assertThat(all.err()).contains("move task started", "mode=native");
    assertThat(Files.readAllLines(backupAll)).hasSize(7);
    awaitTotal(b, 2);
    awaitTotal(a, 3);
    await().atMost(LONG).until(() -> visible(dlq) == 2);
    assertThat(stack.stack().awaitQuiet(LONG)).isTrue();
    assertThat(total(a)).isEqualTo(3);
    assertThat(total(b)).isEqualTo(2);
    assertThat(visible(clicksQueue)).isZero();

    // 8. A dry run changes nothing and writes no backup.
    Cli.Run dry = cli.dlq("redrive", "ClicksDLQ", "--dry-run");
    assertThat(dry.exit()).as(dry.toString()).isZero();
    assertThat(dry.out()).contains("would use SQS's message move task", "would move ", "not-a-uuid-1",
        "dry run, nothing changed: would move=2 skipped=0 failed=0");
    assertThat(dry.err()).contains("action=redrive-dry-run", "backup=none");
    assertThat(visible(dlq)).isEqualTo(2);
    try (var files = Files.list(Path.of("."))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dlq-backup-")).toList()).isEmpty();
    }
  }

  static JsonNode json(String line) {
    try {
      return Json.tree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
