package dev.linkpulse.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.eventsources.StreamEventSource;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.ApiResponse;
import dev.linkpulse.testkit.StackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The stream-failure path: the aggregator fails every batch, the stream mapping retries (bisecting) until its retries
 * are exhausted and sends batch pointers to AggregatorFailures. Redriving that queue replays the referenced raw
 * clicks from the stream into the counters: the counts end exact, and a second replay of the same pointers (restored
 * from the backup) counts nothing twice.
 */
class DlqStreamReplayTest {
  @RegisterExtension
  // A failure drill: the stack gives up on a failing batch after 2 retries (production retries forever).
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token).parameter("AggregatorMaximumRetryAttempts", "2");

  static final Duration LONG = Duration.ofSeconds(90);

  @TempDir Path tmp;

  final Cli cli = new Cli(stack);
  String token;

  private long total(String code) {
    ApiResponse r = stack.get("/links/" + code + "/stats?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
        + Instant.now().plus(Duration.ofHours(1)), token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("total").asLong();
  }

  static int visible(String url) {
    return Integer.parseInt(stack.stack().sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  @Test
  void redrivingTheAggregatorsOnFailureDestinationReplaysTheClicksExactlyOnce() throws Exception {
    token = stack.token("replay-" + UUID.randomUUID());
    ApiResponse created = stack.post("/links", token, "{\"url\":\"https://example.com/replay\"}");
    assertThat(created.status()).isEqualTo(201);
    String code = created.json().get("code").asText();
    String failures = stack.stack().queueUrl("AggregatorFailures");
    StreamEventSource mapping = stack.stack().streamEventSources().get(0);
    assertThat(stack.stack().awaitQuiet(LONG)).isTrue();
    long discardedBefore = mapping.recordsDiscarded();

    // An aggregator outage long enough to exhaust the mapping's retries (10, bisecting): pointers, not clicks, land.
    stack.stack().function("AggregatorFunction").injectFailures(Long.MAX_VALUE);
    try {
      for (int i = 0; i < 4; i++) assertThat(stack.get("/" + code, null).status()).isEqualTo(302);
      await().atMost(LONG).until(() -> mapping.recordsDiscarded() - discardedBefore == 4);
    } finally {
      stack.stack().function("AggregatorFunction").heal();
    }
    assertThat(stack.stack().awaitQuiet(LONG)).isTrue();
    int pointers = visible(failures);
    assertThat(pointers).isBetween(1, 4);
    assertThat(total(code)).isZero();

    // peek shows the pointers
    Cli.Run peek = cli.dlq("peek", "AggregatorFailures", "--json");
    assertThat(peek.exit()).as(peek.toString()).isZero();
    List<JsonNode> shown = peek.out().lines().map(DlqClicksTest::json).toList();
    assertThat(shown).hasSize(pointers);
    assertThat(shown.stream().mapToInt(n -> DlqClicksTest.json(n.get("body").asText()).at("/DDBStreamBatchInfo/batchSize").asInt()).sum()).isEqualTo(4);

    // a dry run reads the stream and writes nothing
    Cli.Run dry = cli.dlq("redrive", "AggregatorFailures", "--dry-run");
    assertThat(dry.exit()).as(dry.toString()).isZero();
    assertThat(dry.out()).contains("would replay shard ", "clicks: 4 referenced (nothing written)", "would replay=" + pointers + " skipped=0 failed=0");
    assertThat(visible(failures)).isEqualTo(pointers);
    assertThat(total(code)).isZero();

    // the redrive: replay into the counters, then delete the pointers
    Path backup = tmp.resolve("pointers.ndjson");
    Cli.Run replay = cli.dlq("redrive", "AggregatorFailures", "--backup", backup.toString());
    assertThat(replay.exit()).as(replay.toString()).isZero();
    assertThat(replay.out()).contains("(stream on-failure destination): replay", "clicks: 4 referenced, 4 counted now, 0 already counted before",
        "replayed=" + pointers + " skipped=0 failed=0");
    assertThat(replay.err()).contains("audit: ", "action=redrive from=AggregatorFailures to=counters", "mode=replay");
    assertThat(visible(failures)).isZero();
    assertThat(total(code)).isEqualTo(4);
    assertThat(Files.readAllLines(backup)).hasSize(pointers);

    // the same pointers again (restored from the backup): the watermarks skip every click, the counts stay exact
    Cli.Run restore = cli.dlq("restore", backup.toString(), "--to", "AggregatorFailures");
    assertThat(restore.exit()).as(restore.toString()).isZero();
    assertThat(visible(failures)).isEqualTo(pointers);
    Cli.Run again = cli.dlq("redrive", "AggregatorFailures", "--no-backup");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out()).contains("clicks: 4 referenced, 0 counted now, 4 already counted before");
    assertThat(total(code)).isEqualTo(4);
    assertThat(stack.stack().awaitQuiet(LONG)).isTrue();
    assertThat(total(code)).isEqualTo(4);

    // pointers that cannot be replayed fail with a reason and stay; the others are not held back by them
    String body = DlqClicksTest.json(shown.get(0).get("body").asText()).toString();
    ObjectNode bogus = (ObjectNode) DlqClicksTest.json(body);
    ((ObjectNode) bogus.get("DDBStreamBatchInfo")).put("shardId", "shardId-00000000000000000000-deadbeef");
    stack.stack().sqs().sendMessage(r -> r.queueUrl(failures).messageBody(bogus.toString()));
    stack.stack().sqs().sendMessage(r -> r.queueUrl(failures).messageBody("{\"not\":\"a pointer\"}"));
    Cli.Run broken = cli.dlq("redrive", "AggregatorFailures", "--no-backup");
    assertThat(broken.exit()).as(broken.toString()).isEqualTo(1);
    assertThat(broken.out()).contains("no DDBStreamBatchInfo", "replayed=0 skipped=0 failed=2");
    assertThat(broken.out().lines().filter(l -> l.startsWith("failed ")).toList()).hasSize(2);
    assertThat(visible(failures)).isEqualTo(2);
    assertThat(total(code)).isEqualTo(4);
  }
}
