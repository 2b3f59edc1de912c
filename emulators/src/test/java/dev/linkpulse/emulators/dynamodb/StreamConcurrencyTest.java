package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Under concurrent writers every acknowledged write appears on the stream exactly once, and each key's records come
 * in the order its writes were acknowledged, across shard rollovers (a consumer reads parents before children).
 */
class StreamConcurrencyTest {
  static final int WRITERS = 8;
  static final int KEYS_PER_WRITER = 5;
  static final int UPDATES_PER_KEY = 40;
  @RegisterExtension static EngineExtension db = new EngineExtension(b -> b.shardRollover(Duration.ofSeconds(1)));

  @Test
  void everyAcknowledgedWriteAppearsOnceInPerKeyOrder() throws Exception {
    String t = db.table(null, b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<Integer>> done = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      done.add(pool.submit(() -> {
        int acknowledged = 0;
        for (int u = 1; u <= UPDATES_PER_KEY; u++) {
          for (int k = 0; k < KEYS_PER_WRITER; k++) {
            String pk = "w" + writer + "k" + k;
            int version = u;
            db.dynamo.updateItem(r -> r.tableName(t).key(Map.of("PK", s(pk))).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n("" + version))));
            acknowledged++;
          }
          // Roll shards over while writers run, so ordering is checked across parent and child shards.
          if (writer == 0 && u % 10 == 0) db.timeline.advance(Duration.ofSeconds(2));
        }
        return acknowledged;
      }));
    }
    int acknowledged = 0;
    for (Future<Integer> f : done) acknowledged += f.get();
    pool.shutdown();
    String arn = db.dynamo.describeTable(r -> r.tableName(t)).table().latestStreamArn();
    assertThat(StreamReader.shards(db.streams, arn)).as("the run crossed shard rollovers").hasSizeGreaterThan(1);
    List<Record> records = StreamReader.all(db.streams, arn);
    assertThat(records).hasSize(acknowledged);
    assertThat(records.stream().map(r -> new BigInteger(r.dynamodb().sequenceNumber())).toList()).isSorted().doesNotHaveDuplicates();
    Map<String, List<Integer>> versionsPerKey = records.stream().collect(Collectors.groupingBy(r -> r.dynamodb().keys().get("PK").s(),
        Collectors.mapping(r -> Integer.parseInt(r.dynamodb().newImage().get("v").n()), Collectors.toList())));
    assertThat(versionsPerKey).hasSize(WRITERS * KEYS_PER_WRITER);
    List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, UPDATES_PER_KEY).boxed().toList();
    versionsPerKey.forEach((key, versions) -> assertThat(versions).as("versions of %s", key).isEqualTo(expected));
  }
}
