package dev.linkpulse.emulators.eventsources;

import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.protocol.NamedThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.event.ruler.Machine;

/**
 * Lambda's DynamoDB Streams event-source mapping, against the DynamoDB engine (emulators.dynamodb) through the real
 * {@link DynamoDbStreamsClient} (DescribeStream, GetShardIterator, GetRecords).
 *
 * <p><b>Shards.</b> One worker thread per shard reads it in order and never has two batches of it in flight; a
 * child shard starts only when its parent has been read to its end (a parent no longer listed counts as done).
 * With {@code LATEST}, the shards open at {@link #start()} begin at their tip (start() obtains those iterators
 * before returning, so every record written after start() returns is delivered) and shards closed by then are
 * skipped; shards that appear later are read from their beginning. The shard list is refreshed every second, at
 * once when a shard ends, and on {@link #awaitIdle}.
 *
 * <p><b>Records and filters.</b> Each record becomes the JSON Lambda delivers ({@code eventID}, {@code eventName},
 * {@code eventVersion "1.1"}, {@code eventSource "aws:dynamodb"}, {@code awsRegion}, {@code dynamodb} with
 * {@code ApproximateCreationDateTime} in epoch seconds, Keys/NewImage/OldImage in DynamoDB JSON, SequenceNumber,
 * SizeBytes, StreamViewType, and {@code eventSourceARN}). A record is kept if it matches any filter pattern
 * (matched by Event Ruler against that JSON); others are dropped silently, before batching, as Lambda does.
 *
 * <p><b>Batches.</b> Up to {@code batchSize} kept records; with a window of 0, whatever one GetRecords returned
 * is invoked at once, otherwise records are gathered until the batch is full or the window has elapsed since its
 * first record (checked every {@code pollIntervalMillis}).
 *
 * <p><b>Success, partial failure, errors, retries.</b> The checkpoint is in memory: records before it are done.
 * <ul>
 *   <li>Success: the checkpoint moves past the batch.</li>
 *   <li>{@code reportBatchItemFailures} and {@code {"batchItemFailures":[{"itemIdentifier":"<SequenceNumber>"}]}}:
 *   the checkpoint moves to just before the lowest reported sequence number, and the rest of the batch (from that
 *   record to the batch's end) is retried as the next invocation. An empty or missing list is success; an empty or
 *   unknown identifier, or a response that is not a JSON object, fails the whole batch (as Lambda does).</li>
 *   <li>Function error (it threw, or answered an invalid batch response): the batch is retried; with
 *   {@code bisectBatchOnFunctionError} it is split in two (first half {@code ceil(n/2)} records) and each half is
 *   invoked in turn, the first (with all its own splits) before the second; a single record is retried whole.</li>
 * </ul>
 * <b>Retry accounting.</b> Every record carries the number of retries already spent on it: 0 when first
 * invoked. A (sub-)batch that fails while its count is below {@code maximumRetryAttempts} is retried, or, when
 * bisected, yields two halves that each inherit count + 1: invoking a half is a retry of its records, whether or
 * not they were to blame (this is why {@code BatchSize} in an on-failure record can be above 1 with bisection on
 * AWS too). A (sub-)batch that fails with its count equal to {@code maximumRetryAttempts} is exhausted: one
 * on-failure record describing exactly it ({@code approximateInvokeCount} = count + 1, the invocations its records
 * went through) goes to {@code onFailureQueueUrl} (or is logged when there is none), and the shard moves past it.
 * {@code -1} retries forever. Retries are spaced by {@code pollIntervalMillis}.
 *
 * <p>The jobs: {@link ShardReader} (reading, filtering, windowing), {@link StreamBatches} (invocations, retries,
 * bisection, checkpoints, on-failure records), {@link StreamRecordCodec} (the record's JSON); this class lists the
 * shards and starts a reader for each when its parent is done.
 *
 * <p>Not modelled: MaximumRecordAgeInSeconds, ParallelizationFactor, tumbling windows, the 6 MB payload limit.
 * Checkpoints live in memory, so a new mapping starts again from its starting position.
 */
public final class StreamEventSource implements AutoCloseable {
  public enum StartingPosition { TRIM_HORIZON, LATEST }

  /**
   * @param streamArn the table's stream ARN
   * @param startingPosition where a mapping with no checkpoint starts
   * @param batchSize 1..10000
   * @param maximumBatchingWindowSeconds 0..300
   * @param filterPatterns Lambda FilterCriteria patterns (JSON); empty = every record
   * @param bisectBatchOnFunctionError split a failing batch in two
   * @param maximumRetryAttempts -1 (forever) or 0..10000
   * @param reportBatchItemFailures honour {@code batchItemFailures} responses
   * @param onFailureQueueUrl SQS queue for on-failure records, or null
   * @param function the function to invoke
   * @param pollIntervalMillis how long an idle shard waits before the next GetRecords (Lambda: 250)
   */
  public record Config(String streamArn, StartingPosition startingPosition, int batchSize, int maximumBatchingWindowSeconds,
      List<String> filterPatterns, boolean bisectBatchOnFunctionError, int maximumRetryAttempts, boolean reportBatchItemFailures,
      String onFailureQueueUrl, LocalFunction function, long pollIntervalMillis) {
    public Config {
      Objects.requireNonNull(streamArn, "streamArn");
      Objects.requireNonNull(startingPosition, "startingPosition");
      Objects.requireNonNull(function, "function");
      filterPatterns = filterPatterns == null ? List.of() : List.copyOf(filterPatterns);
      if (batchSize < 1 || batchSize > 10_000) throw new IllegalArgumentException("batchSize must be 1..10000, not " + batchSize);
      if (maximumBatchingWindowSeconds < 0 || maximumBatchingWindowSeconds > 300) {
        throw new IllegalArgumentException("maximumBatchingWindowSeconds must be 0..300, not " + maximumBatchingWindowSeconds);
      }
      if (maximumRetryAttempts < -1 || maximumRetryAttempts > 10_000) {
        throw new IllegalArgumentException("maximumRetryAttempts must be -1..10000, not " + maximumRetryAttempts);
      }
      if (pollIntervalMillis < 1) throw new IllegalArgumentException("pollIntervalMillis must be >= 1");
    }
  }

  private static final long REFRESH_MILLIS = 1000;
  private static final Logger LOG = Logger.getLogger(StreamEventSource.class.getName());

  private final Config config;
  private final DynamoDbStreamsClient streams;
  private final Machine filter;
  private final Object lock = new Object();
  private final Map<String, ShardState> shards = new LinkedHashMap<>();
  private final NamedThreads threads;
  private final MappingLifecycle life = new MappingLifecycle();
  private final StreamStats stats = new StreamStats();
  private final StreamBatches batches;
  private boolean refreshRequested;
  /** nanoTime at which the last completed shard refresh began. */
  private long refreshedAt = Long.MIN_VALUE;

  /** @param sqs the client for the on-failure destination; may be null when there is none */
  public StreamEventSource(Config config, DynamoDbStreamsClient streams, SqsClient sqs) {
    this.config = Objects.requireNonNull(config, "config");
    this.streams = Objects.requireNonNull(streams, "streams");
    if (config.onFailureQueueUrl() != null && sqs == null) throw new IllegalArgumentException("an on-failure queue needs an SqsClient");
    this.threads = new NamedThreads("stream-esm-" + config.function().name());
    this.batches = new StreamBatches(config, sqs, AwsAccount.arn("lambda", "function:" + config.function().name()), stats, life);
    this.filter = config.filterPatterns().isEmpty() ? null : filter(config.filterPatterns());
  }

  private static Machine filter(List<String> patterns) {
    Machine filter = new Machine();
    for (int i = 0; i < patterns.size(); i++) {
      String pattern = patterns.get(i);
      try {
        filter.addRule("filter-" + i, pattern);
      } catch (Exception e) {
        throw new IllegalArgumentException("invalid filter pattern " + pattern + ": " + e.getMessage(), e);
      }
    }
    return filter;
  }

  /** Lists the shards (a stream that does not exist fails here), positions LATEST shards, and starts polling. */
  public StreamEventSource start() {
    synchronized (lock) {
      if (life.used()) throw new IllegalStateException("already started");
      long t = System.nanoTime();
      List<Shard> listed = describe();
      for (Shard shard : listed) {
        ShardState state = new ShardState(shard.shardId(), shard.parentShardId());
        if (config.startingPosition() == StartingPosition.LATEST) {
          if (shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null) {
            state.status = ShardState.Status.DONE;
          } else {
            state.iterator = ShardReader.iterator(streams, config.streamArn(), shard.shardId(), ShardIteratorType.LATEST, null);
          }
        }
        shards.put(shard.shardId(), state);
      }
      refreshedAt = t;
      life.begin();
      startEligible();
      threads.start("stream-esm-" + config.function().name(), this::coordinate);
    }
    return this;
  }

  public Config config() {
    return config;
  }

  /** Invocations of the function (retries included). */
  public long batches() {
    return stats.batches.get();
  }

  /** Records the function processed successfully (the checkpoint moved past them). */
  public long recordsDelivered() {
    return stats.delivered.get();
  }

  /** Records dropped because they matched no filter pattern. */
  public long recordsFilteredOut() {
    return stats.filtered.get();
  }

  /** Invocations that were retries (of a whole batch, a remainder after a partial failure, or a bisected half). */
  public long retries() {
    return stats.retries.get();
  }

  /** On-failure records sent to the on-failure queue. */
  public long onFailureRecordsSent() {
    return stats.onFailureSent.get();
  }

  /** Records skipped after their retries were exhausted (whether or not an on-failure record could be sent). */
  public long recordsDiscarded() {
    return stats.discarded.get();
  }

  /** Invocations in which the function threw. */
  public long functionErrors() {
    return stats.functionErrors.get();
  }

  /**
   * Waits until every record that is in the stream when this is called has been processed (delivered, filtered
   * out or discarded): a shard listing and, on every shard, a GetRecords call that began after this call found
   * nothing more, with nothing buffered or in flight. Returns false if that did not happen within {@code timeout}.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long since = System.nanoTime();
    long deadline = since + timeout.toNanos();
    synchronized (lock) {
      refreshRequested = true;
      lock.notifyAll();
      while (!caughtUpSince(since)) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !life.running()) return caughtUpSince(since);
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /** The last sequence number processed on each shard (delivered, filtered out or discarded), for inspection. */
  public Map<String, String> checkpoints() {
    synchronized (lock) {
      Map<String, String> out = new LinkedHashMap<>();
      shards.forEach((id, s) -> {
        if (s.checkpoint != null) out.put(id, s.checkpoint);
      });
      return out;
    }
  }

  /** Stops polling and joins every thread: each ends after the invocation (or SDK call) it is in. */
  @Override
  public void close() {
    synchronized (lock) {
      life.stop();
      lock.notifyAll();
    }
    try {
      // no thread starts after running is false (startEligible checks it under the lock)
      List<String> alive = threads.join(60, TimeUnit.SECONDS);
      if (!alive.isEmpty()) LOG.warning("threads still running after close: " + alive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- shards

  private void coordinate() {
    while (life.running()) {
      try {
        long t = System.nanoTime();
        List<Shard> listed = describe();
        synchronized (lock) {
          for (Shard shard : listed) shards.computeIfAbsent(shard.shardId(), id -> new ShardState(id, shard.parentShardId()));
          refreshedAt = t;
          startEligible();
          lock.notifyAll();
          // workers notify the lock often (idle reports): wait out the interval unless a refresh is asked for
          long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REFRESH_MILLIS);
          while (life.running() && !refreshRequested) {
            long left = until - System.nanoTime();
            if (left <= 0) break;
            TimeUnit.NANOSECONDS.timedWait(lock, left);
          }
          refreshRequested = false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!life.running()) return;
        LOG.log(Level.WARNING, "stream event source " + config.streamArn() + ": cannot list shards: " + e, e);
        life.pause(REFRESH_MILLIS);
      }
    }
  }

  /** Starts a worker for each pending shard whose parent is done or unknown. Holds {@link #lock}. */
  private void startEligible() {
    for (ShardState s : shards.values()) {
      if (s.status != ShardState.Status.PENDING || !life.running()) continue;
      ShardState parent = s.parentId == null ? null : shards.get(s.parentId);
      if (parent != null && parent.status != ShardState.Status.DONE) continue;
      s.status = ShardState.Status.RUNNING;
      String suffix = s.id.length() > 8 ? s.id.substring(s.id.length() - 8) : s.id;
      threads.start("stream-esm-" + config.function().name() + "-" + suffix, () -> runShard(s));
    }
  }

  private boolean caughtUpSince(long since) {
    if (refreshedAt == Long.MIN_VALUE || refreshedAt - since < 0) return false;
    for (ShardState s : shards.values()) {
      if (s.status == ShardState.Status.DONE) continue;
      if (s.status == ShardState.Status.PENDING) return false;
      long idle = s.idleSince;
      if (idle == Long.MIN_VALUE || idle - since < 0) return false;
    }
    return true;
  }

  private List<Shard> describe() {
    List<Shard> all = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      DescribeStreamResponse r = streams.describeStream(b -> b.streamArn(config.streamArn()).exclusiveStartShardId(from));
      all.addAll(r.streamDescription().shards());
      start = r.streamDescription().lastEvaluatedShardId();
    } while (start != null);
    return all;
  }

  private void runShard(ShardState shard) {
    ShardReader reader = new ShardReader(shard, config, streams, filter, stats, lock, life, batches);
    while (life.running()) {
      try {
        if (reader.read()) {
          finished(shard, true);
        }
        return;
      } catch (ResourceNotFoundException e) {
        LOG.warning("stream " + config.streamArn() + " shard " + shard.id + " is gone: " + e.getMessage());
        finished(shard, false);
        return;
      } catch (RuntimeException e) {
        if (!life.running()) return;
        // the DynamoDB engine unreachable, a failed on-failure send, ...: keep the shard's place and try again
        LOG.log(Level.WARNING, "stream event source " + config.streamArn() + " shard " + shard.id + ": " + e, e);
        life.pause(1000);
      }
    }
  }

  private void finished(ShardState shard, boolean refresh) {
    synchronized (lock) {
      shard.status = ShardState.Status.DONE;
      refreshRequested |= refresh;
      lock.notifyAll();
    }
  }
}
