package dev.linkpulse.ops.dlq;

import dev.linkpulse.core.Keys;
import dev.linkpulse.pipeline.clicks.RawClick;
import dev.linkpulse.pipeline.clicks.StreamClick;
import dev.linkpulse.pipeline.counters.CounterAggregator;
import dev.linkpulse.pipeline.counters.CounterStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Redrive of the aggregator's on-failure destination. Its messages are not clicks but pointers to a failed stream
 * batch (Lambda's on-failure record: {@code DDBStreamBatchInfo} with the shard and the first and last sequence
 * number). Replaying one reads that range of the shard again (GetShardIterator AT_SEQUENCE_NUMBER, GetRecords up to
 * the last sequence number), keeps what the mapping's filter keeps (INSERTs of raw clicks), and folds those clicks
 * with the aggregator's own {@link CounterAggregator}: each counter applies only records above its per-partition
 * watermark, so clicks some earlier attempt did count are skipped, and the others are counted once.
 *
 * <p>Limit: DynamoDB Streams keeps records for 24 hours. A pointer older than that cannot be replayed from the
 * stream (TrimmedDataAccessException); it fails with that reason and stays in the queue, and the link's counts must
 * be rebuilt from the raw click log instead.
 */
final class StreamReplay {
  /** Empty GetRecords pages tolerated on an open shard before giving up on reaching the end of the range. */
  static final int MAX_EMPTY_PAGES = 20;

  /** A replayed pointer: the clicks it referenced, how many were counted now, how many had been counted before. */
  record Outcome(int clicks, int folded, int alreadyCounted) {}

  private final DynamoDbStreamsClient streams;
  private final DynamoDbClient dynamo;
  private final String table;
  private final Map<String, CounterAggregator> aggregators = new HashMap<>();

  /** @param table the table the pointers must come from, or null to take it from each pointer's stream ARN */
  StreamReplay(DynamoDbStreamsClient streams, DynamoDbClient dynamo, String table) {
    this.streams = streams;
    this.dynamo = dynamo;
    this.table = table;
  }

  /** Reads the pointer's clicks and, unless {@code dryRun}, folds them into the counters. */
  Outcome replay(StreamPointer p, boolean dryRun) {
    String pointerTable = p.tableName();
    if (pointerTable == null) throw new ReplayException("streamArn " + p.streamArn() + " names no table", false);
    if (table != null && !table.equals(pointerTable)) {
      throw new ReplayException("the pointer is from table " + pointerTable + "'s stream, not " + table + " (--table / LINKPULSE_TABLE)", false);
    }
    List<StreamClick> clicks = read(p);
    if (dryRun) return new Outcome(clicks.size(), 0, 0);
    CounterAggregator.Result result;
    try {
      result = aggregators.computeIfAbsent(pointerTable, t -> new CounterAggregator(CounterStore.dynamoDb(dynamo, t))).aggregate(clicks);
    } catch (SdkException e) {
      throw new ReplayException("counter update failed: " + Selector.oneLine(e.getMessage()), true);
    }
    if (result.retryFrom().isPresent()) {
      throw new ReplayException("a counter update failed from sequence " + result.retryFrom().get()
          + " (the counters written are kept; redriving again completes it exactly once)", true);
    }
    return new Outcome(clicks.size(), result.clicksFolded(), result.recordsSkipped());
  }

  /** The raw-click INSERTs in the pointer's range of its shard, in order. */
  List<StreamClick> read(StreamPointer p) {
    BigInteger start = p.start();
    BigInteger end = p.end();
    List<StreamClick> out = new ArrayList<>();
    try {
      String iterator = iterator(p, ShardIteratorType.AT_SEQUENCE_NUMBER, p.startSequenceNumber());
      String last = null;
      int empty = 0;
      while (true) {
        if (iterator == null) throw new ReplayException("shard " + p.shardId() + " ended before sequence " + end + " (was the stream re-created?)", false);
        GetRecordsResponse page;
        try {
          String it = iterator;
          page = streams.getRecords(b -> b.shardIterator(it).limit(1000));
        } catch (ExpiredIteratorException e) {
          iterator = last == null ? iterator(p, ShardIteratorType.AT_SEQUENCE_NUMBER, p.startSequenceNumber())
              : iterator(p, ShardIteratorType.AFTER_SEQUENCE_NUMBER, last);
          continue;
        }
        for (Record record : page.records()) {
          String seqText = record.dynamodb().sequenceNumber();
          BigInteger seq = new BigInteger(seqText);
          if (seq.compareTo(end) > 0) return out;
          last = seqText;
          if (seq.compareTo(start) < 0) continue;
          StreamClick click = click(record);
          if (click != null) out.add(click);
          if (seq.equals(end)) return out;
        }
        if (page.records().isEmpty()) {
          if (++empty > MAX_EMPTY_PAGES) {
            throw new ReplayException("shard " + p.shardId() + " returned nothing up to sequence " + end + " after " + MAX_EMPTY_PAGES + " reads", true);
          }
          sleep(100);
        } else {
          empty = 0;
        }
        iterator = page.nextShardIterator();
      }
    } catch (TrimmedDataAccessException e) {
      throw new ReplayException("the stream no longer holds these records (DynamoDB Streams keeps them 24 h); "
          + "rebuild the affected links' counts from the raw click log", false);
    } catch (ResourceNotFoundException e) {
      throw new ReplayException("stream or shard not found (" + Selector.oneLine(e.awsErrorDetails() == null ? e.getMessage()
          : e.awsErrorDetails().errorMessage()) + "); the stream was disabled or the table re-created", false);
    } catch (DynamoDbException e) {
      if (e.statusCode() == 400 && e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode())) {
        throw new ReplayException("the stream refuses this pointer: " + Selector.oneLine(e.awsErrorDetails().errorMessage()), false);
      }
      throw new ReplayException("reading the stream failed: " + Selector.oneLine(e.getMessage()), true);
    } catch (SdkException e) {
      throw new ReplayException("reading the stream failed: " + Selector.oneLine(e.getMessage()), true);
    }
  }

  /** What the mapping's filter lets through and the aggregator counts; null for anything else. */
  private static StreamClick click(Record record) {
    if (!"INSERT".equals(record.eventNameAsString()) || record.dynamodb() == null || !record.dynamodb().hasNewImage()) return null;
    Map<String, AttributeValue> image = record.dynamodb().newImage();
    AttributeValue pk = image.get(Keys.PK);
    if (pk == null || pk.s() == null || !pk.s().startsWith(Keys.CLICK_PREFIX)) return null;
    try {
      return new StreamClick(record.dynamodb().sequenceNumber(), pk.s(), RawClick.fromItem(image));
    } catch (RuntimeException e) {
      throw new ReplayException("raw click " + pk.s() + " at sequence " + record.dynamodb().sequenceNumber() + " is unreadable: " + e.getMessage(), true);
    }
  }

  private String iterator(StreamPointer p, ShardIteratorType type, String sequence) {
    return streams.getShardIterator(b -> b.streamArn(p.streamArn()).shardId(p.shardId()).shardIteratorType(type).sequenceNumber(sequence)).shardIterator();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplayException("interrupted", true);
    }
  }
}
