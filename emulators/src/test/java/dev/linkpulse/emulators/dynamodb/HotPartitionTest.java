package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * With hot-partition throttling on, each partition key is held to 1,000 WCU per second of the timeline (which this
 * test never moves unless it says so, so every write lands in one second). A viral link's clicks, written the seed
 * way (one three-item transaction per click, two counters on the link's partition: 4 WCU there per click) throttle
 * past 250 clicks; written the Linkpulse way (one raw-click item per click spread over 32 shard keys, counters
 * updated once per batch; docs/pipeline.md) the same clicks all go through. The two write patterns are modelled
 * here, not taken from product code.
 */
class HotPartitionTest {
  static final int VIRAL_CLICKS = 600;
  static final int CLICK_SHARDS = 32;
  static final int BATCH = 100;
  @RegisterExtension static EngineExtension db = new EngineExtension(b -> b.hotPartitionThrottling(true));

  @Test
  void theSeedStyleTransactionPerClickThrottlesUnderAViralLink() {
    String t = db.table();
    int accepted = 0;
    int throttled = 0;
    for (int click = 0; click < VIRAL_CLICKS; click++) {
      try {
        seedStyleClick(t, "viral", "e" + click);
        accepted++;
      } catch (TransactionCanceledException e) {
        assertThat(e.cancellationReasons()).extracting(CancellationReason::code).contains("ThrottlingError");
        throttled++;
      }
    }
    assertThat(accepted).as("1,000 WCU / (2 counters x 2 WCU in a transaction)").isEqualTo(250);
    assertThat(throttled).isEqualTo(VIRAL_CLICKS - 250);
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("SEED#viral", "TOTAL"))).item().get("total").n()).isEqualTo("250");
    db.timeline.advance(Duration.ofSeconds(1));
    seedStyleClick(t, "viral", "next-second");
  }

  @Test
  void linkpulseShardedRawClicksAndBatchedCountersDoNotThrottle() {
    String t = db.table();
    for (int from = 0; from < VIRAL_CLICKS; from += BATCH) {
      for (int click = from; click < from + BATCH; click++) {
        String event = "e" + click;
        String shard = Integer.toString(Math.floorMod(event.hashCode(), CLICK_SHARDS));
        db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("CLICK#viral#" + shard), "SK", s(String.format("%013d#%s", 0, event))))
            .conditionExpression("attribute_not_exists(PK)"));
      }
      // The aggregator folds a batch of stream records into one counter update per (link, hour).
      db.dynamo.updateItem(r -> r.tableName(t).key(key("LINK#viral", "HOUR#2026-06-01T12")).updateExpression("ADD total :n")
          .expressionAttributeValues(Map.of(":n", n(Integer.toString(BATCH)))));
    }
    assertThat(db.dynamo.scanPaginator(r -> r.tableName(t)).items().stream().filter(i -> i.get("PK").s().startsWith("CLICK#")).count())
        .isEqualTo(VIRAL_CLICKS);
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("LINK#viral", "HOUR#2026-06-01T12"))).item().get("total").n())
        .isEqualTo(Integer.toString(VIRAL_CLICKS));
  }

  @Test
  void aWriteRefusedByItsConditionStillCountsAgainstThePartition() {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(key("dup", "1")));
    for (int i = 1; i < 1000; i++) {
      assertThatThrownBy(() -> db.dynamo.putItem(r -> r.tableName(t).item(key("dup", "1")).conditionExpression("attribute_not_exists(PK)")))
          .isInstanceOf(ConditionalCheckFailedException.class);
    }
    assertThatThrownBy(() -> db.dynamo.putItem(r -> r.tableName(t).item(key("dup", "1")).conditionExpression("attribute_not_exists(PK)")))
        .isInstanceOf(ProvisionedThroughputExceededException.class).hasMessageContaining("throughput");
    db.timeline.advance(Duration.ofSeconds(1));
  }

  @Test
  void aThrottledBatchWriteReturnsWhatItCouldNotWriteAsUnprocessed() {
    String t = db.table();
    Map<String, AttributeValue> big = Map.of("PK", s("hot"), "SK", s("0"), "b", s("x".repeat(100 * 1024)));
    for (int i = 0; i < 9; i++) {
      int n = i;
      db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("hot"), "SK", s("" + n), "b", big.get("b"))));
    }
    List<WriteRequest> writes = List.of(
        WriteRequest.builder().putRequest(p -> p.item(Map.of("PK", s("hot"), "SK", s("x"), "b", big.get("b")))).build(),
        WriteRequest.builder().putRequest(p -> p.item(Map.of("PK", s("cold"), "SK", s("x")))).build());
    var response = db.dynamo.batchWriteItem(r -> r.requestItems(Map.of(t, writes)));
    assertThat(response.unprocessedItems().get(t)).containsExactly(writes.get(0));
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("cold", "x"))).hasItem()).isTrue();
    db.timeline.advance(Duration.ofSeconds(1));
  }

  @Test
  void throttlingIsOffUnlessSwitchedOn() {
    db.engine.hotPartitionThrottling(false);
    try {
      String t = db.table();
      for (int click = 0; click < 300; click++) seedStyleClick(t, "viral", "e" + click);
    } finally {
      db.engine.hotPartitionThrottling(true);
    }
  }

  private static void seedStyleClick(String t, String code, String event) {
    Map<String, AttributeValue> one = Map.of(":one", n("1"));
    db.dynamo.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().update(u -> u.tableName(t).key(key("SEED#" + code, "TOTAL")).updateExpression("ADD #total :one")
            .expressionAttributeNames(Map.of("#total", "total")).expressionAttributeValues(one)).build(),
        TransactWriteItem.builder().update(u -> u.tableName(t).key(key("SEED#" + code, "DAY#2026-06-01")).updateExpression("ADD clicks :one")
            .expressionAttributeValues(one)).build(),
        TransactWriteItem.builder().put(p -> p.tableName(t).item(Map.of("PK", s("MARK#" + event), "SK", s("MARK")))
            .conditionExpression("attribute_not_exists(PK)")).build()));
  }
}
