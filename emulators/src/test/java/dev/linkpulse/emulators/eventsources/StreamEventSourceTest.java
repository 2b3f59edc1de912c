package dev.linkpulse.emulators.eventsources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.eventsources.RecordingStreamHandler.Invocation;
import dev.linkpulse.emulators.eventsources.StreamEventSource.StartingPosition;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.Json;
import dev.linkpulse.emulators.testing.AwsEmulators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(AwsEmulators.class)
class StreamEventSourceTest {
  static final String CLICK_FILTER = "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":[{\"prefix\":\"CLICK#\"}]}}}}";
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void reset() {
    RecordingStreamHandler.reset();
    RawEventHandler.EVENTS.clear();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) c.close();
    AwsEmulators.assertNoThreads("stream-esm-");
  }

  private StreamEventSource source(String streamArn, StartingPosition position, int batchSize, List<String> filters, boolean bisect,
      int maxRetries, boolean report, String onFailureQueue, String handler) {
    LocalFunction fn = new LocalFunction("aggregator", handler, Map.of(), 30, 256);
    StreamEventSource source = new StreamEventSource(new StreamEventSource.Config(streamArn, position, batchSize, 0, filters, bisect,
        maxRetries, report, onFailureQueue, fn, 20), AwsEmulators.streams(), AwsEmulators.sqs());
    toClose.add(source);
    return source.start();
  }

  private StreamEventSource source(String streamArn, int batchSize, List<String> filters, boolean bisect, int maxRetries, boolean report,
      String onFailureQueue) {
    return source(streamArn, StartingPosition.TRIM_HORIZON, batchSize, filters, bisect, maxRetries, report, onFailureQueue,
        RecordingStreamHandler.class.getName());
  }

  @Test
  void onlyRecordsMatchingTheFilterAreDeliveredInBatchesOfAtMostBatchSize() throws Exception {
    String stream = AwsEmulators.tableWithStream("clicks");
    String table = AwsEmulators.tableName(stream);
    for (int i = 1; i <= 5; i++) put(table, "CLICK#0" + i, "n", i);
    put(table, "LINK#1", "n", 1);
    put(table, "LINK#2", "n", 2);
    put(table, "CLICK#01", "n", 100);                                        // MODIFY
    AwsEmulators.dynamo().deleteItem(b -> b.tableName(table).key(key("CLICK#02"))); // REMOVE
    Instant before = Instant.now().minusSeconds(60);

    StreamEventSource source = source(stream, 2, List.of(CLICK_FILTER), false, -1, false, null);
    assertThat(source.awaitIdle(Duration.ofSeconds(30))).isTrue();

    List<Invocation> invocations = List.copyOf(RecordingStreamHandler.INVOCATIONS);
    assertThat(invocations).extracting(Invocation::keys).containsExactly(
        List.of("CLICK#01", "CLICK#02"), List.of("CLICK#03", "CLICK#04"), List.of("CLICK#05"));
    assertThat(invocations).flatExtracting(Invocation::eventNames).containsOnly("INSERT");
    assertThat(invocations).flatExtracting(Invocation::created).allSatisfy(d -> assertThat(((Date) d).toInstant()).isAfter(before));
    assertThat(source.recordsDelivered()).isEqualTo(5);
    assertThat(source.recordsFilteredOut()).isEqualTo(4);
    assertThat(source.batches()).isEqualTo(3);

    // records written while it runs are delivered too, and awaitIdle waits for them
    put(table, "CLICK#06", "n", 6);
    put(table, "LINK#3", "n", 3);
    assertThat(source.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertThat(RecordingStreamHandler.processed()).endsWith("CLICK#06").doesNotContain("LINK#3");
    assertThat(source.recordsFilteredOut()).isEqualTo(5);
  }

  @Test
  void aFailingBatchIsBisectedAndTheExhaustedHalfGoesToTheOnFailureQueue() throws Exception {
    String stream = AwsEmulators.tableWithStream("bisect");
    String table = AwsEmulators.tableName(stream);
    String dlq = AwsEmulators.queue("stream-onfailure", 0, null);
    for (int i = 0; i < 8; i++) put(table, "CLICK#" + i, "n", i);
    RecordingStreamHandler.throwOnKey = "CLICK#2";

    StreamEventSource source = source(stream, 8, List.of(), true, 2, false, dlq);
    assertThat(source.awaitIdle(Duration.ofSeconds(30))).isTrue();

    // retries spent: [0..7] fails at 0; its halves carry 1; [0..3] fails at 1; its halves carry 2;
    // [2,3] fails at 2 = maximumRetryAttempts: exhausted, and the shard moves on
    List<Invocation> invocations = List.copyOf(RecordingStreamHandler.INVOCATIONS);
    assertThat(invocations).extracting(Invocation::keys).containsExactly(
        keys(0, 8), keys(0, 4), keys(0, 2), keys(2, 4), keys(4, 8));
    assertThat(invocations).extracting(Invocation::threw).containsExactly(true, true, false, true, false);
    assertThat(RecordingStreamHandler.processed()).containsExactly("CLICK#0", "CLICK#1", "CLICK#4", "CLICK#5", "CLICK#6", "CLICK#7");
    List<String> seqs = invocations.get(0).sequenceNumbers();

    List<Message> failures = receiveAll(dlq, 1);
    assertThat(failures).hasSize(1);
    JsonNode record = AwsEmulators.json(failures.get(0).body());
    assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
    assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
    assertThat(record.at("/requestContext/functionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:aggregator");
    assertThat(record.at("/requestContext/requestId").asText()).isNotBlank();
    assertThat(record.get("responseContext")).isEqualTo(AwsEmulators.json(
        "{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}"));
    assertThat(record.get("version").asText()).isEqualTo("1.0");
    assertThat(record.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    JsonNode info = record.get("DDBStreamBatchInfo");
    assertThat(info.get("startSequenceNumber").asText()).isEqualTo(seqs.get(2));
    assertThat(info.get("endSequenceNumber").asText()).isEqualTo(seqs.get(3));
    assertThat(info.get("batchSize").asInt()).isEqualTo(2);
    assertThat(info.get("streamArn").asText()).isEqualTo(stream);
    assertThat(info.get("shardId").asText()).startsWith("shardId-");
    assertThat(info.get("approximateArrivalOfFirstRecord").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(info.get("approximateArrivalOfLastRecord").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    assertThat(source.recordsDelivered()).isEqualTo(6);
    assertThat(source.recordsDiscarded()).isEqualTo(2);
    assertThat(source.onFailureRecordsSent()).isEqualTo(1);
    assertThat(source.retries()).isEqualTo(4);
    assertThat(source.functionErrors()).isEqualTo(3);
    assertThat(source.checkpoints()).containsValue(seqs.get(7));
  }

  @Test
  void withoutBisectTheWholeBatchIsRetriedThenReportedOnce() throws Exception {
    String stream = AwsEmulators.tableWithStream("retry");
    String table = AwsEmulators.tableName(stream);
    String dlq = AwsEmulators.queue("stream-onfailure", 0, null);
    for (int i = 0; i < 3; i++) put(table, "CLICK#" + i, "n", i);
    put(table, "CLICK#9", "n", 9);
    RecordingStreamHandler.throwOnKey = "CLICK#1";

    StreamEventSource source = source(stream, 3, List.of(), false, 1, false, dlq);
    assertThat(source.awaitIdle(Duration.ofSeconds(30))).isTrue();

    assertThat(RecordingStreamHandler.INVOCATIONS).extracting(Invocation::keys)
        .containsExactly(keys(0, 3), keys(0, 3), List.of("CLICK#9"));
    JsonNode record = AwsEmulators.json(receiveAll(dlq, 1).get(0).body());
    assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
    assertThat(record.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(3);
    List<String> seqs = RecordingStreamHandler.INVOCATIONS.peek().sequenceNumbers();
    assertThat(record.at("/DDBStreamBatchInfo/startSequenceNumber").asText()).isEqualTo(seqs.get(0));
    assertThat(record.at("/DDBStreamBatchInfo/endSequenceNumber").asText()).isEqualTo(seqs.get(2));
    assertThat(source.recordsDelivered()).isEqualTo(1);
  }

  @Test
  void aPartialBatchFailureRedeliversFromTheFailedSequenceNumber() throws Exception {
    String stream = AwsEmulators.tableWithStream("partial");
    String table = AwsEmulators.tableName(stream);
    for (int i = 0; i < 6; i++) put(table, "CLICK#" + i, "n", i);
    RecordingStreamHandler.failOnceKey = "CLICK#3";

    StreamEventSource source = source(stream, 10, List.of(), false, -1, true, null);
    assertThat(source.awaitIdle(Duration.ofSeconds(30))).isTrue();

    List<Invocation> invocations = List.copyOf(RecordingStreamHandler.INVOCATIONS);
    assertThat(invocations).extracting(Invocation::keys).containsExactly(keys(0, 6), keys(3, 6));
    assertThat(invocations.get(1).sequenceNumbers().get(0)).isEqualTo(invocations.get(0).sequenceNumbers().get(3));
    assertThat(source.recordsDelivered()).isEqualTo(6);
    assertThat(source.retries()).isEqualTo(1);
    assertThat(source.onFailureRecordsSent()).isZero();
  }

  @Test
  void latestSkipsWhatWasWrittenBeforeStart() throws Exception {
    String stream = AwsEmulators.tableWithStream("latest");
    String table = AwsEmulators.tableName(stream);
    put(table, "CLICK#old", "n", 1);
    StreamEventSource source = source(stream, StartingPosition.LATEST, 10, List.of(), false, -1, false, null,
        RecordingStreamHandler.class.getName());
    put(table, "CLICK#new", "n", 2);
    assertThat(source.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertThat(RecordingStreamHandler.processed()).containsExactly("CLICK#new");
  }

  @Test
  @SuppressWarnings("unchecked")
  void recordsHaveLambdasShapeWithDynamoDbJsonValues() throws Exception {
    String stream = AwsEmulators.tableWithStream("shape");
    String table = AwsEmulators.tableName(stream);
    Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(key("CLICK#x"));
    item.put("s", AttributeValue.fromS("text"));
    item.put("n", AttributeValue.fromN("42.5"));
    item.put("b", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")));
    item.put("ss", AttributeValue.fromSs(List.of("a", "b")));
    item.put("ns", AttributeValue.fromNs(List.of("1", "2")));
    item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))));
    item.put("m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromBool(true))));
    item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("e"), AttributeValue.fromNul(true))));
    AwsEmulators.dynamo().putItem(b -> b.tableName(table).item(item));
    put(table, "CLICK#x", "n", 7);
    AwsEmulators.dynamo().deleteItem(b -> b.tableName(table).key(key("CLICK#x")));

    StreamEventSource source = source(stream, StartingPosition.TRIM_HORIZON, 10, List.of(), false, -1, false, null,
        RawEventHandler.class.getName());
    assertThat(source.awaitIdle(Duration.ofSeconds(30))).isTrue();

    assertThat(RawEventHandler.EVENTS).hasSize(1);
    JsonNode event = AwsEmulators.json(Json.write(RawEventHandler.EVENTS.peek()));
    JsonNode records = event.get("Records");
    assertThat(records).hasSize(3);
    JsonNode insert = records.get(0);
    List<String> fields = new ArrayList<>();
    insert.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb", "eventSourceARN");
    assertThat(insert.get("eventName").asText()).isEqualTo("INSERT");
    assertThat(insert.get("eventVersion").asText()).isEqualTo("1.1");
    assertThat(insert.get("eventSource").asText()).isEqualTo("aws:dynamodb");
    assertThat(insert.get("awsRegion").asText()).isEqualTo("us-east-1");
    assertThat(insert.get("eventSourceARN").asText()).isEqualTo(stream);
    JsonNode d = insert.get("dynamodb");
    List<String> dFields = new ArrayList<>();
    d.fieldNames().forEachRemaining(dFields::add);
    assertThat(dFields).containsExactly("ApproximateCreationDateTime", "Keys", "NewImage", "SequenceNumber", "SizeBytes", "StreamViewType");
    assertThat(d.get("ApproximateCreationDateTime").isIntegralNumber()).isTrue();
    assertThat(d.get("ApproximateCreationDateTime").asLong()).isBetween(Instant.now().getEpochSecond() - 300, Instant.now().getEpochSecond() + 5);
    assertThat(d.get("Keys")).isEqualTo(AwsEmulators.json("{\"PK\":{\"S\":\"CLICK#x\"},\"SK\":{\"S\":\"A\"}}"));
    JsonNode image = d.get("NewImage");
    assertThat(image.get("s")).isEqualTo(AwsEmulators.json("{\"S\":\"text\"}"));
    assertThat(image.get("n")).isEqualTo(AwsEmulators.json("{\"N\":\"42.5\"}"));
    assertThat(image.get("b")).isEqualTo(AwsEmulators.json("{\"B\":\"aGk=\"}"));
    assertThat(image.at("/ss/SS")).hasSize(2);
    assertThat(image.at("/ns/NS")).hasSize(2);
    assertThat(image.get("bs")).isEqualTo(AwsEmulators.json("{\"BS\":[\"eA==\"]}"));
    assertThat(image.get("m")).isEqualTo(AwsEmulators.json("{\"M\":{\"inner\":{\"BOOL\":true}}}"));
    assertThat(image.get("l")).isEqualTo(AwsEmulators.json("{\"L\":[{\"S\":\"e\"},{\"NULL\":true}]}"));
    assertThat(d.get("SequenceNumber").asText()).matches("\\d+");
    assertThat(d.get("SizeBytes").asLong()).isPositive();
    assertThat(d.get("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");

    JsonNode modify = records.get(1);
    assertThat(modify.get("eventName").asText()).isEqualTo("MODIFY");
    assertThat(modify.at("/dynamodb/OldImage/s/S").asText()).isEqualTo("text");
    assertThat(modify.at("/dynamodb/NewImage/n/N").asText()).isEqualTo("7");
    JsonNode remove = records.get(2);
    assertThat(remove.get("eventName").asText()).isEqualTo("REMOVE");
    assertThat(remove.at("/dynamodb/OldImage/n/N").asText()).isEqualTo("7");
    assertThat(remove.get("dynamodb").has("NewImage")).isFalse();
  }

  @Test
  void configAndFiltersAreValidated() {
    LocalFunction fn = new LocalFunction("aggregator", RecordingStreamHandler.class.getName(), Map.of(), 30, 256);
    assertThatThrownBy(() -> new StreamEventSource.Config("arn", StartingPosition.LATEST, 0, 0, List.of(), false, -1, false, null, fn, 200))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StreamEventSource.Config("arn", StartingPosition.LATEST, 10, 0, List.of(), false, -2, false, null, fn, 200))
        .isInstanceOf(IllegalArgumentException.class);
    var badFilter = new StreamEventSource.Config("arn", StartingPosition.LATEST, 10, 0, List.of("{\"eventName\":\"INSERT\"}"), false, -1,
        false, null, fn, 200);
    assertThatThrownBy(() -> new StreamEventSource(badFilter, AwsEmulators.streams(), null)).isInstanceOf(IllegalArgumentException.class);
    var missing = new StreamEventSource.Config("arn:aws:dynamodb:ddblocal:000000000000:table/none/stream/2020-01-01T00:00:00.000",
        StartingPosition.LATEST, 10, 0, List.of(), false, -1, false, null, fn, 200);
    assertThatThrownBy(() -> new StreamEventSource(missing, AwsEmulators.streams(), null).start()).isInstanceOf(RuntimeException.class);
  }

  private static List<String> keys(int from, int to) {
    List<String> keys = new ArrayList<>();
    for (int i = from; i < to; i++) keys.add("CLICK#" + i);
    return keys;
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("A"));
  }

  private static void put(String table, String pk, String attribute, int value) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(key(pk));
    item.put(attribute, AttributeValue.fromN(Integer.toString(value)));
    AwsEmulators.dynamo().putItem(b -> b.tableName(table).item(item));
  }

  private static List<Message> receiveAll(String queue, int expected) {
    List<Message> all = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      all.addAll(AwsEmulators.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages());
      return all.size() >= expected;
    });
    all.addAll(AwsEmulators.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages());
    return all;
  }
}
