package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * With a data directory, tables, items and streams survive a restart, and a kill -9 loses no acknowledged write and
 * duplicates no stream record; stream sequence numbers keep growing across restarts.
 */
class PersistenceTest {
  @TempDir Path data;

  @Test
  void aKilledEngineKeepsEveryAcknowledgedWriteAndEachStreamRecordOnce() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EngineProcess.class.getName(), data.toString()).redirectErrorStream(true).start();
    int port;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      String line;
      do line = out.readLine(); while (line != null && !line.startsWith("READY "));
      port = Integer.parseInt(line.substring("READY ".length()));
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      try (DynamoDbClient client = client(URI.create("http://127.0.0.1:" + port))) {
        client.createTable(r -> r.tableName("clicks").billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(def("PK", ScalarAttributeType.S)).keySchema(key("PK", KeyType.HASH))
            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
          int writer = w;
          Thread t = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
              String pk = "w" + writer + "-" + i;
              try {
                client.putItem(r -> r.tableName("clicks").item(Map.of("PK", s(pk), "n", n("1"))));
                acknowledged.add(pk);
              } catch (RuntimeException killed) {
                return;
              }
            }
          });
          t.start();
          writers.add(t);
        }
        while (acknowledged.size() < 300) Thread.sleep(5);
        child.destroyForcibly().waitFor();
        stop.set(true);
        for (Thread t : writers) t.join(30_000);
      }
      EngineExtension restarted = new EngineExtension();
      restarted.start(data);
      try {
        Set<String> stored = restarted.dynamo.scanPaginator(r -> r.tableName("clicks")).items().stream()
            .map(i -> i.get("PK").s()).collect(Collectors.toSet());
        assertThat(stored).as("every acknowledged write survived").containsAll(acknowledged);
        String arn = restarted.dynamo.describeTable(r -> r.tableName("clicks")).table().latestStreamArn();
        List<Record> records = StreamReader.all(restarted.streams, arn);
        Map<String, Long> insertsPerKey = records.stream().collect(Collectors.groupingBy(r -> r.dynamodb().keys().get("PK").s(), Collectors.counting()));
        assertThat(insertsPerKey.keySet()).as("a record for each stored item, and none for anything else").isEqualTo(stored);
        assertThat(insertsPerKey.values()).as("each record once").containsOnly(1L);
        List<BigInteger> sequences = records.stream().map(r -> new BigInteger(r.dynamodb().sequenceNumber())).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        restarted.dynamo.putItem(r -> r.tableName("clicks").item(Map.of("PK", s("after-restart"))));
        List<Record> after = StreamReader.all(restarted.streams, arn);
        BigInteger last = new BigInteger(after.get(after.size() - 1).dynamodb().sequenceNumber());
        assertThat(last).as("sequence numbers keep growing after a restart").isGreaterThan(sequences.get(sequences.size() - 1));
        assertThat(after.get(after.size() - 1).eventName()).isEqualTo(OperationType.INSERT);
      } finally {
        restarted.stop();
      }
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void aCleanRestartKeepsTablesItemsIndexesTtlAndStreams() throws Exception {
    EngineExtension first = new EngineExtension();
    first.start(data);
    String t = first.table("SK", b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
    first.dynamo.updateTimeToLive(r -> r.tableName(t).timeToLiveSpecification(s -> s.attributeName("exp").enabled(true)));
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new HashMap<>(key("a", "1"));
    item.put("v", l(n("1"), m(Map.of("x", s("y")))));
    first.dynamo.putItem(r -> r.tableName(t).item(item));
    first.dynamo.deleteTable(r -> r.tableName(first.table()));
    String sequenceBefore = StreamReader.all(first.streams, first.dynamo.describeTable(r -> r.tableName(t)).table().latestStreamArn())
        .get(0).dynamodb().sequenceNumber();
    first.stop();

    EngineExtension second = new EngineExtension();
    second.start(data);
    try {
      assertThat(second.dynamo.listTables().tableNames()).containsExactly(t);
      assertThat(second.dynamo.getItem(r -> r.tableName(t).key(key("a", "1"))).item()).isEqualTo(item);
      assertThat(second.dynamo.describeTimeToLive(r -> r.tableName(t)).timeToLiveDescription().attributeName()).isEqualTo("exp");
      String arn = second.dynamo.describeTable(r -> r.tableName(t)).table().latestStreamArn();
      assertThat(StreamReader.all(second.streams, arn)).extracting(r -> r.dynamodb().sequenceNumber()).containsExactly(sequenceBefore);
    } finally {
      second.stop();
    }
  }

  private static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
  }
}
