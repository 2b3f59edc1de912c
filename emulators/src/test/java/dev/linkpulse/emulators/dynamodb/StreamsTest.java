package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static dev.linkpulse.emulators.dynamodb.ItemOperationsTest.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/** DynamoDB Streams API Reference and the Developer Guide's "Change data capture for DynamoDB Streams". */
class StreamsTest {
  @RegisterExtension static EngineExtension db = new EngineExtension(b -> b.shardRollover(Duration.ofHours(1)));

  private String streamTable(StreamViewType view) {
    return db.table("SK", b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
  }

  private String arn(String table) {
    return db.dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
  }

  private void insertModifyRemove(String t) {
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "v", s("one"))));
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "v", s("two"))));
    db.dynamo.deleteItem(r -> r.tableName(t).key(key("a", "1")));
  }

  static Stream<Arguments> recordsCarryTheImagesTheirViewTypeNames() {
    return Stream.of(
        Arguments.of(StreamViewType.KEYS_ONLY, List.of(false, false, false), List.of(false, false, false)),
        Arguments.of(StreamViewType.NEW_IMAGE, List.of(true, true, false), List.of(false, false, false)),
        Arguments.of(StreamViewType.OLD_IMAGE, List.of(false, false, false), List.of(false, true, true)),
        Arguments.of(StreamViewType.NEW_AND_OLD_IMAGES, List.of(true, true, false), List.of(false, true, true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void recordsCarryTheImagesTheirViewTypeNames(StreamViewType view, List<Boolean> newImages, List<Boolean> oldImages) {
    String t = streamTable(view);
    insertModifyRemove(t);
    List<Record> records = StreamReader.all(db.streams, arn(t));
    assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
    assertThat(records).extracting(r -> r.dynamodb().hasNewImage() && !r.dynamodb().newImage().isEmpty()).isEqualTo(newImages);
    assertThat(records).extracting(r -> r.dynamodb().hasOldImage() && !r.dynamodb().oldImage().isEmpty()).isEqualTo(oldImages);
    for (Record r : records) {
      assertThat(r.dynamodb().keys()).isEqualTo(key("a", "1"));
      assertThat(r.dynamodb().streamViewType()).isEqualTo(view);
      assertThat(r.eventSource()).isEqualTo("aws:dynamodb");
      assertThat(r.awsRegion()).isEqualTo("us-east-1");
      assertThat(r.dynamodb().sizeBytes()).isPositive();
      assertThat(r.dynamodb().approximateCreationDateTime()).isEqualTo(db.timeline.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
  }

  @Test
  void sequenceNumbersStrictlyIncrease() {
    String t = streamTable(StreamViewType.KEYS_ONLY);
    for (int i = 0; i < 20; i++) {
      int n = i;
      db.dynamo.putItem(r -> r.tableName(t).item(key("k" + n, "1")));
    }
    List<BigInteger> sequences = StreamReader.all(db.streams, arn(t)).stream().map(r -> new BigInteger(r.dynamodb().sequenceNumber())).toList();
    assertThat(sequences).hasSize(20).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aWriteThatChangesNothingWritesNoRecord() {
    String t = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);
    var item = Map.of("PK", s("a"), "SK", s("1"), "v", n("1.0"));
    db.dynamo.putItem(r -> r.tableName(t).item(item));
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "v", n("1"))));
    db.dynamo.updateItem(r -> r.tableName(t).key(key("a", "1")).updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n("1"))));
    db.dynamo.deleteItem(r -> r.tableName(t).key(key("missing", "1")));
    assertThat(StreamReader.all(db.streams, arn(t))).extracting(Record::eventName).containsExactly(OperationType.INSERT);
  }

  @Test
  void iteratorTypesStartWhereTheyName() {
    String t = streamTable(StreamViewType.KEYS_ONLY);
    for (int i = 0; i < 3; i++) {
      int n = i;
      db.dynamo.putItem(r -> r.tableName(t).item(key("k" + n, "1")));
    }
    String arn = arn(t);
    var shard = StreamReader.shards(db.streams, arn).get(0);
    List<Record> all = StreamReader.all(db.streams, arn);
    String second = all.get(1).dynamodb().sequenceNumber();
    assertThat(read(arn, shard.shardId(), ShardIteratorType.TRIM_HORIZON, null)).hasSize(3);
    assertThat(read(arn, shard.shardId(), ShardIteratorType.AT_SEQUENCE_NUMBER, second)).extracting(r -> r.dynamodb().keys().get("PK").s()).containsExactly("k1", "k2");
    assertThat(read(arn, shard.shardId(), ShardIteratorType.AFTER_SEQUENCE_NUMBER, second)).extracting(r -> r.dynamodb().keys().get("PK").s()).containsExactly("k2");
    String latest = StreamReader.iterator(db.streams, arn, shard.shardId(), ShardIteratorType.LATEST);
    db.dynamo.putItem(r -> r.tableName(t).item(key("after-latest", "1")));
    assertThat(db.streams.getRecords(r -> r.shardIterator(latest)).records()).extracting(r -> r.dynamodb().keys().get("PK").s()).containsExactly("after-latest");
  }

  private List<Record> read(String arn, String shard, ShardIteratorType type, String sequence) {
    String it = db.streams.getShardIterator(r -> r.streamArn(arn).shardId(shard).shardIteratorType(type).sequenceNumber(sequence)).shardIterator();
    return db.streams.getRecords(r -> r.shardIterator(it)).records();
  }

  @Test
  void getRecordsHonoursItsLimitAndHandsOnTheRest() {
    String t = streamTable(StreamViewType.KEYS_ONLY);
    for (int i = 0; i < 5; i++) {
      int n = i;
      db.dynamo.putItem(r -> r.tableName(t).item(key("k" + n, "1")));
    }
    String arn = arn(t);
    var shard = StreamReader.shards(db.streams, arn).get(0);
    String it = StreamReader.iterator(db.streams, arn, shard.shardId(), ShardIteratorType.TRIM_HORIZON);
    var first = db.streams.getRecords(r -> r.shardIterator(it).limit(2));
    assertThat(first.records()).hasSize(2);
    assertThat(db.streams.getRecords(r -> r.shardIterator(first.nextShardIterator())).records()).hasSize(3);
    assertValidation(() -> db.streams.getRecords(r -> r.shardIterator(it).limit(1001)), "Member must have value less than or equal to 1000");
  }

  @Test
  void iteratorsExpireAfter15Minutes() {
    String t = streamTable(StreamViewType.KEYS_ONLY);
    db.dynamo.putItem(r -> r.tableName(t).item(key("a", "1")));
    String arn = arn(t);
    var shard = StreamReader.shards(db.streams, arn).get(0);
    String it = StreamReader.iterator(db.streams, arn, shard.shardId(), ShardIteratorType.TRIM_HORIZON);
    db.timeline.advance(Duration.ofMinutes(14));
    String next = db.streams.getRecords(r -> r.shardIterator(it)).nextShardIterator();
    db.timeline.advance(Duration.ofMinutes(2));
    assertThatThrownBy(() -> db.streams.getRecords(r -> r.shardIterator(it))).isInstanceOf(ExpiredIteratorException.class);
    assertThat(db.streams.getRecords(r -> r.shardIterator(next)).records()).as("the iterator GetRecords handed out is fresh").isEmpty();
  }

  @Test
  void shardsRollOverIntoChildrenThatNameTheirParent() {
    String t = streamTable(StreamViewType.KEYS_ONLY);
    db.dynamo.putItem(r -> r.tableName(t).item(key("a", "1")));
    db.timeline.advance(Duration.ofMinutes(61));
    db.dynamo.putItem(r -> r.tableName(t).item(key("a", "2")));
    var shards = StreamReader.shards(db.streams, arn(t));
    assertThat(shards).hasSize(2);
    assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber()).as("the parent is closed").isNotNull();
    assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId());
    assertThat(shards.get(1).sequenceNumberRange().endingSequenceNumber()).isNull();
    assertThat(StreamReader.all(db.streams, arn(t))).extracting(r -> r.dynamodb().keys().get("SK").s()).containsExactly("1", "2");
    String parentIterator = db.streams.getShardIterator(r -> r.streamArn(arn(t)).shardId(shards.get(0).shardId())
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    assertThat(db.streams.getRecords(r -> r.shardIterator(parentIterator)).nextShardIterator()).as("a read-out closed shard ends").isNull();
  }

  @Test
  void recordsAreKept24Hours() {
    String t = streamTable(StreamViewType.KEYS_ONLY);
    db.dynamo.putItem(r -> r.tableName(t).item(key("old", "1")));
    String arn = arn(t);
    var shard = StreamReader.shards(db.streams, arn).get(0);
    String oldSequence = StreamReader.all(db.streams, arn).get(0).dynamodb().sequenceNumber();
    db.timeline.advance(Duration.ofMinutes(30));
    db.dynamo.putItem(r -> r.tableName(t).item(key("new", "1")));
    db.timeline.advance(Duration.ofHours(23).plusMinutes(40));
    assertThat(StreamReader.all(db.streams, arn)).extracting(r -> r.dynamodb().keys().get("PK").s()).containsExactly("new");
    assertThatThrownBy(() -> db.streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(oldSequence))).isInstanceOf(TrimmedDataAccessException.class);
  }

  @Test
  void listStreamsNamesEachTablesStream() {
    String t = streamTable(StreamViewType.KEYS_ONLY);
    var streams = db.streams.listStreams(r -> r.tableName(t)).streams();
    assertThat(streams).singleElement().satisfies(s -> {
      assertThat(s.streamArn()).isEqualTo(arn(t));
      assertThat(s.tableName()).isEqualTo(t);
    });
    assertThat(db.streams.describeStream(r -> r.streamArn(arn(t))).streamDescription().tableName()).isEqualTo(t);
    assertThat(db.streams.listStreams(r -> r.tableName(db.table())).streams()).isEmpty();
  }

  @Test
  void unknownStreamsAndShardsAreResourceNotFound() {
    String t = streamTable(StreamViewType.KEYS_ONLY);
    assertThatThrownBy(() -> db.streams.describeStream(r -> r.streamArn(arn(t) + "x"))).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> db.streams.getShardIterator(r -> r.streamArn(arn(t)).shardId("shardId-nope").shardIteratorType(ShardIteratorType.LATEST)))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
