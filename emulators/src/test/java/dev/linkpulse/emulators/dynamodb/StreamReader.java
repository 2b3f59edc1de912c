package dev.linkpulse.emulators.dynamodb;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Reads a whole stream as a consumer does: every shard from its trim horizon, parents before children. */
final class StreamReader {
  private StreamReader() {}

  static List<Shard> shards(DynamoDbStreamsClient streams, String arn) {
    List<Shard> out = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      var d = streams.describeStream(r -> r.streamArn(arn).exclusiveStartShardId(from)).streamDescription();
      out.addAll(d.shards());
      start = d.lastEvaluatedShardId();
    } while (start != null);
    return out;
  }

  static String iterator(DynamoDbStreamsClient streams, String arn, String shardId, ShardIteratorType type) {
    return streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId).shardIteratorType(type)).shardIterator();
  }

  static List<Record> all(DynamoDbStreamsClient streams, String arn) {
    List<Record> records = new ArrayList<>();
    for (Shard shard : shards(streams, arn)) {
      String iterator = iterator(streams, arn, shard.shardId(), ShardIteratorType.TRIM_HORIZON);
      while (iterator != null) {
        String it = iterator;
        var page = streams.getRecords(r -> r.shardIterator(it));
        records.addAll(page.records());
        if (page.records().isEmpty() && shard.sequenceNumberRange().endingSequenceNumber() == null) break;
        iterator = page.nextShardIterator();
      }
    }
    return records;
  }
}
