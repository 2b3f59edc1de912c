package dev.linkpulse.emulators.eventsources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.event.ruler.Machine;

/**
 * Reads one shard in order, keeps the records the filters match, gathers them into batches (size and window) and
 * hands each to {@link StreamBatches}. Its state survives a transient failure, so {@link #read} can simply be
 * called again.
 */
final class ShardReader {
  private static final int GET_RECORDS_LIMIT = 1000;
  private static final Logger LOG = Logger.getLogger(ShardReader.class.getName());

  /** What one GetRecords call found: records, nothing, or an iterator that had to be renewed first. */
  private enum Fetch { SOME, NONE, RENEWED }

  private final ShardState shard;
  private final StreamEventSource.Config config;
  private final DynamoDbStreamsClient streams;
  private final Machine filter;
  private final StreamStats stats;
  private final Object lock;
  private final MappingLifecycle life;
  private final StreamBatches batches;
  private final Deque<BufferedRecord> pending = new ArrayDeque<>();
  private String lastRead;
  private String iterator;
  private long windowStart;
  private boolean windowOpen;

  /**
   * @param filter the FilterCriteria patterns, or null to keep every record
   * @param lock the mapping's lock, notified when the shard goes idle
   */
  ShardReader(ShardState shard, StreamEventSource.Config config, DynamoDbStreamsClient streams, Machine filter, StreamStats stats,
      Object lock, MappingLifecycle life, StreamBatches batches) {
    this.shard = shard;
    this.config = config;
    this.streams = streams;
    this.filter = filter;
    this.stats = stats;
    this.lock = lock;
    this.life = life;
    this.batches = batches;
    this.iterator = shard.iterator;
  }

  static String iterator(DynamoDbStreamsClient streams, String streamArn, String shardId, ShardIteratorType type, String sequenceNumber) {
    return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
        .sequenceNumber(sequenceNumber)).shardIterator();
  }

  /** Returns true when the shard is closed and read to its end, false when the mapping is closing. */
  boolean read() {
    if (iterator == null && lastRead == null) iterator = iterator(ShardIteratorType.TRIM_HORIZON, null);
    while (life.running()) {
      boolean readNothing = false;
      if (iterator != null && pending.size() < config.batchSize()) {
        Fetch fetched = fetch();
        if (fetched == Fetch.RENEWED) continue;
        readNothing = fetched == Fetch.NONE;
      }
      if (pending.isEmpty()) {
        if (iterator == null) return true; // the shard is closed and read to its end
        if (readNothing) life.pause(config.pollIntervalMillis());
        continue;
      }
      if (windowHolds(readNothing)) continue;
      List<BufferedRecord> batch = new ArrayList<>();
      while (batch.size() < config.batchSize() && !pending.isEmpty()) batch.add(pending.poll());
      if (!batches.process(shard, batch)) return false; // closing: the batch is abandoned, a new mapping starts over
    }
    return false;
  }

  /** One GetRecords: keeps what the filters match, moves the checkpoint past what they drop, reports idleness. */
  private Fetch fetch() {
    long t = System.nanoTime();
    GetRecordsResponse response;
    try {
      String it = iterator;
      response = streams.getRecords(b -> b.shardIterator(it).limit(GET_RECORDS_LIMIT));
    } catch (ExpiredIteratorException e) {
      iterator = lastRead == null ? iterator(ShardIteratorType.TRIM_HORIZON, null)
          : iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, lastRead);
      return Fetch.RENEWED;
    } catch (TrimmedDataAccessException e) {
      LOG.warning("stream " + config.streamArn() + " shard " + shard.id + ": records were trimmed before they were read");
      iterator = iterator(ShardIteratorType.TRIM_HORIZON, null);
      return Fetch.RENEWED;
    }
    iterator = response.nextShardIterator();
    for (Record record : response.records()) {
      lastRead = record.dynamodb().sequenceNumber();
      ObjectNode json = StreamRecordCodec.recordJson(record, config.streamArn());
      if (filter == null || !filter.rulesForJSONEvent(json).isEmpty()) {
        pending.add(new BufferedRecord(lastRead, record.dynamodb().approximateCreationDateTime(), json));
      } else {
        stats.filtered.incrementAndGet();
        if (pending.isEmpty()) shard.checkpoint = lastRead;
      }
    }
    boolean readNothing = response.records().isEmpty();
    if (!pending.isEmpty() || !readNothing) {
      shard.idleSince = Long.MIN_VALUE;
    } else {
      synchronized (lock) {
        shard.idleSince = t;
        lock.notifyAll();
      }
    }
    return readNothing ? Fetch.NONE : Fetch.SOME;
  }

  /** True while the batching window holds a batch that is not full yet (pausing when the last read found nothing). */
  private boolean windowHolds(boolean readNothing) {
    boolean full = pending.size() >= config.batchSize();
    if (!full && iterator != null && config.maximumBatchingWindowSeconds() > 0) {
      if (!windowOpen) {
        windowOpen = true;
        windowStart = System.nanoTime();
      }
      long left = windowStart + TimeUnit.SECONDS.toNanos(config.maximumBatchingWindowSeconds()) - System.nanoTime();
      if (left > 0) {
        if (readNothing) life.pause(Math.min(config.pollIntervalMillis(), TimeUnit.NANOSECONDS.toMillis(left) + 1));
        return true;
      }
    }
    windowOpen = false;
    return false;
  }

  private String iterator(ShardIteratorType type, String sequenceNumber) {
    return iterator(streams, config.streamArn(), shard.id, type, sequenceNumber);
  }
}
