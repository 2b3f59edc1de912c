package dev.linkpulse.emulators.eventsources;

import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.protocol.NamedThreads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

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
 * bisection, checkpoints, on-failure records), {@link StreamRecordCodec} (the record's JSON), {@link StreamShards}
 * (listing the shards, starting a reader for each when its parent is done, catching up), {@link FilterCriteria}
 * (the patterns); this class is the mapping's public face.
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

  private static final Logger LOG = Logger.getLogger(StreamEventSource.class.getName());

  private final Config config;
  private final NamedThreads threads;
  private final StreamStats stats = new StreamStats();
  private final StreamBatches batches;
  private final StreamShards shards;

  /** @param sqs the client for the on-failure destination; may be null when there is none */
  public StreamEventSource(Config config, DynamoDbStreamsClient streams, SqsClient sqs) {
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(streams, "streams");
    if (config.onFailureQueueUrl() != null && sqs == null) throw new IllegalArgumentException("an on-failure queue needs an SqsClient");
    this.threads = new NamedThreads("stream-esm-" + config.function().name());
    MappingLifecycle life = new MappingLifecycle();
    this.batches = new StreamBatches(config, sqs, AwsAccount.arn("lambda", "function:" + config.function().name()), stats, life);
    this.shards = new StreamShards(config, streams, stats, life, batches, threads);
  }

  /** Lists the shards (a stream that does not exist fails here), positions LATEST shards, and starts polling. */
  public StreamEventSource start() {
    shards.start();
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

  /** Who hears of each batch handed to the function (one listener; the local stack's {@code IteratorAge}). */
  public StreamEventSource onBatch(StreamBatchListener listener) {
    batches.onBatch(listener);
    return this;
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
    return shards.awaitCaughtUp(since, since + timeout.toNanos());
  }

  /** The last sequence number processed on each shard (delivered, filtered out or discarded), for inspection. */
  public Map<String, String> checkpoints() {
    return shards.checkpoints();
  }

  /** Stops polling and joins every thread: each ends after the invocation (or SDK call) it is in. */
  @Override
  public void close() {
    shards.stop();
    try {
      // no thread starts after running is false (startEligible checks it under the lock)
      List<String> alive = threads.join(60, TimeUnit.SECONDS);
      if (!alive.isEmpty()) LOG.warning("threads still running after close: " + alive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
