package dev.linkpulse.emulators.eventsources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.protocol.Json;
import dev.linkpulse.emulators.protocol.NamedThreads;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.event.ruler.Machine;

/**
 * Lambda's DynamoDB Streams event-source mapping, against DynamoDB Local through the real
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
  private static final int GET_RECORDS_LIMIT = 1000;
  private static final Logger LOG = Logger.getLogger(StreamEventSource.class.getName());

  private final Config config;
  private final DynamoDbStreamsClient streams;
  private final SqsClient sqs;
  private final Machine filter;
  private final String functionArn;
  private final Object lock = new Object();
  private final Map<String, ShardState> shards = new LinkedHashMap<>();
  private final NamedThreads threads;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong filtered = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong onFailureSent = new AtomicLong();
  private final AtomicLong discarded = new AtomicLong();
  private final AtomicLong functionErrors = new AtomicLong();
  private volatile boolean running;
  private boolean refreshRequested;
  /** nanoTime at which the last completed shard refresh began. */
  private long refreshedAt = Long.MIN_VALUE;

  /** @param sqs the client for the on-failure destination; may be null when there is none */
  public StreamEventSource(Config config, DynamoDbStreamsClient streams, SqsClient sqs) {
    this.config = Objects.requireNonNull(config, "config");
    this.streams = Objects.requireNonNull(streams, "streams");
    if (config.onFailureQueueUrl() != null && sqs == null) throw new IllegalArgumentException("an on-failure queue needs an SqsClient");
    this.sqs = sqs;
    this.threads = new NamedThreads("stream-esm-" + config.function().name());
    this.functionArn = AwsAccount.arn("lambda", "function:" + config.function().name());
    if (config.filterPatterns().isEmpty()) {
      this.filter = null;
    } else {
      this.filter = new Machine();
      for (int i = 0; i < config.filterPatterns().size(); i++) {
        String pattern = config.filterPatterns().get(i);
        try {
          filter.addRule("filter-" + i, pattern);
        } catch (Exception e) {
          throw new IllegalArgumentException("invalid filter pattern " + pattern + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** Lists the shards (a stream that does not exist fails here), positions LATEST shards, and starts polling. */
  public StreamEventSource start() {
    synchronized (lock) {
      if (running || stop.getCount() == 0) throw new IllegalStateException("already started");
      long t = System.nanoTime();
      List<Shard> listed = describe();
      for (Shard shard : listed) {
        ShardState state = new ShardState(shard.shardId(), shard.parentShardId());
        if (config.startingPosition() == StartingPosition.LATEST) {
          if (shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null) {
            state.status = Status.DONE;
          } else {
            state.iterator = iterator(shard.shardId(), ShardIteratorType.LATEST, null);
          }
        }
        shards.put(shard.shardId(), state);
      }
      refreshedAt = t;
      running = true;
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
    return batches.get();
  }

  /** Records the function processed successfully (the checkpoint moved past them). */
  public long recordsDelivered() {
    return delivered.get();
  }

  /** Records dropped because they matched no filter pattern. */
  public long recordsFilteredOut() {
    return filtered.get();
  }

  /** Invocations that were retries (of a whole batch, a remainder after a partial failure, or a bisected half). */
  public long retries() {
    return retries.get();
  }

  /** On-failure records sent to the on-failure queue. */
  public long onFailureRecordsSent() {
    return onFailureSent.get();
  }

  /** Records skipped after their retries were exhausted (whether or not an on-failure record could be sent). */
  public long recordsDiscarded() {
    return discarded.get();
  }

  /** Invocations in which the function threw. */
  public long functionErrors() {
    return functionErrors.get();
  }

  /**
   * Waits until every record that is in the stream when this is called has been processed (delivered, filtered
   * out or discarded): a shard listing and, on every shard, a GetRecords call that began after this call found
   * nothing more, with nothing buffered or in flight. Returns false if that did not happen within {@code timeout}.
   */
  public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
    long since = System.nanoTime();
    long deadline = since + timeout.toNanos();
    synchronized (lock) {
      refreshRequested = true;
      lock.notifyAll();
      while (!caughtUpSince(since)) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !running) return caughtUpSince(since);
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
      running = false;
      stop.countDown();
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

  private enum Status { PENDING, RUNNING, DONE }

  private static final class ShardState {
    final String id;
    final String parentId;
    Status status = Status.PENDING;
    /** A LATEST iterator obtained at start(); null = start at TRIM_HORIZON. */
    String iterator;
    /** nanoTime at which the last GetRecords that found nothing (with nothing pending) began; MIN_VALUE = busy. */
    volatile long idleSince = Long.MIN_VALUE;
    volatile String checkpoint;

    ShardState(String id, String parentId) {
      this.id = id;
      this.parentId = parentId;
    }
  }

  private void coordinate() {
    while (running) {
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
          while (running && !refreshRequested) {
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
        if (!running) return;
        LOG.log(Level.WARNING, "stream event source " + config.streamArn() + ": cannot list shards: " + e, e);
        pause(REFRESH_MILLIS);
      }
    }
  }

  /** Starts a worker for each pending shard whose parent is done or unknown. Holds {@link #lock}. */
  private void startEligible() {
    for (ShardState s : shards.values()) {
      if (s.status != Status.PENDING || !running) continue;
      ShardState parent = s.parentId == null ? null : shards.get(s.parentId);
      if (parent != null && parent.status != Status.DONE) continue;
      s.status = Status.RUNNING;
      String suffix = s.id.length() > 8 ? s.id.substring(s.id.length() - 8) : s.id;
      threads.start("stream-esm-" + config.function().name() + "-" + suffix, () -> runShard(s));
    }
  }

  private boolean caughtUpSince(long since) {
    if (refreshedAt == Long.MIN_VALUE || refreshedAt - since < 0) return false;
    for (ShardState s : shards.values()) {
      if (s.status == Status.DONE) continue;
      if (s.status == Status.PENDING) return false;
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

  private String iterator(String shardId, ShardIteratorType type, String sequenceNumber) {
    return streams.getShardIterator(b -> b.streamArn(config.streamArn()).shardId(shardId).shardIteratorType(type)
        .sequenceNumber(sequenceNumber)).shardIterator();
  }

  // ---------------------------------------------------------------- one shard

  private record Rec(String sequenceNumber, Instant arrival, ObjectNode json) {}

  /** A (sub-)batch and the retries already spent on its records. */
  private record Attempt(List<Rec> records, int retries) {}

  private void runShard(ShardState shard) {
    ShardReader reader = new ShardReader(shard);
    while (running) {
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
        if (!running) return;
        // DynamoDB Local unreachable, a failed on-failure send, ...: keep the shard's place and try again
        LOG.log(Level.WARNING, "stream event source " + config.streamArn() + " shard " + shard.id + ": " + e, e);
        pause(1000);
      }
    }
  }

  private void finished(ShardState shard, boolean refresh) {
    synchronized (lock) {
      shard.status = Status.DONE;
      refreshRequested |= refresh;
      lock.notifyAll();
    }
  }

  /** Reads one shard in order; its state survives a transient failure, so {@link #read} can simply be called again. */
  private final class ShardReader {
    private final ShardState shard;
    private final Deque<Rec> pending = new ArrayDeque<>();
    private String lastRead;
    private String iterator;
    private long windowStart;
    private boolean windowOpen;

    ShardReader(ShardState shard) {
      this.shard = shard;
      this.iterator = shard.iterator;
    }

    /** Returns true when the shard is closed and read to its end, false when the mapping is closing. */
    boolean read() {
      if (iterator == null && lastRead == null) iterator = iterator(shard.id, ShardIteratorType.TRIM_HORIZON, null);
      while (running) {
        boolean readNothing = false;
        if (iterator != null && pending.size() < config.batchSize()) {
          long t = System.nanoTime();
          GetRecordsResponse response;
          try {
            String it = iterator;
            response = streams.getRecords(b -> b.shardIterator(it).limit(GET_RECORDS_LIMIT));
          } catch (ExpiredIteratorException e) {
            iterator = lastRead == null ? iterator(shard.id, ShardIteratorType.TRIM_HORIZON, null)
                : iterator(shard.id, ShardIteratorType.AFTER_SEQUENCE_NUMBER, lastRead);
            continue;
          } catch (TrimmedDataAccessException e) {
            LOG.warning("stream " + config.streamArn() + " shard " + shard.id + ": records were trimmed before they were read");
            iterator = iterator(shard.id, ShardIteratorType.TRIM_HORIZON, null);
            continue;
          }
          iterator = response.nextShardIterator();
          for (Record record : response.records()) {
            lastRead = record.dynamodb().sequenceNumber();
            ObjectNode json = recordJson(record, config.streamArn());
            if (filter == null || !filter.rulesForJSONEvent(json).isEmpty()) {
              pending.add(new Rec(lastRead, record.dynamodb().approximateCreationDateTime(), json));
            } else {
              filtered.incrementAndGet();
              if (pending.isEmpty()) shard.checkpoint = lastRead;
            }
          }
          readNothing = response.records().isEmpty();
          if (!pending.isEmpty() || !readNothing) {
            shard.idleSince = Long.MIN_VALUE;
          } else {
            synchronized (lock) {
              shard.idleSince = t;
              lock.notifyAll();
            }
          }
        }
        if (pending.isEmpty()) {
          if (iterator == null) return true; // the shard is closed and read to its end
          if (readNothing) pause(config.pollIntervalMillis());
          continue;
        }
        boolean full = pending.size() >= config.batchSize();
        if (!full && iterator != null && config.maximumBatchingWindowSeconds() > 0) {
          if (!windowOpen) {
            windowOpen = true;
            windowStart = System.nanoTime();
          }
          long left = windowStart + TimeUnit.SECONDS.toNanos(config.maximumBatchingWindowSeconds()) - System.nanoTime();
          if (left > 0) {
            if (readNothing) pause(Math.min(config.pollIntervalMillis(), TimeUnit.NANOSECONDS.toMillis(left) + 1));
            continue;
          }
        }
        windowOpen = false;
        List<Rec> batch = new ArrayList<>();
        while (batch.size() < config.batchSize() && !pending.isEmpty()) batch.add(pending.poll());
        if (!process(shard, batch)) return false; // closing: the batch is abandoned, a new mapping starts over
      }
      return false;
    }
  }

  /** Processes one batch to its end (success, or retries exhausted). Returns false if the mapping is closing. */
  private boolean process(ShardState shard, List<Rec> batch) {
    Deque<Attempt> work = new ArrayDeque<>();
    work.push(new Attempt(batch, 0));
    while (!work.isEmpty()) {
      if (!running) return false;
      Attempt attempt = work.pop();
      if (attempt.retries() > 0) {
        retries.incrementAndGet();
        pause(config.pollIntervalMillis());
        if (!running) return false;
      }
      List<Rec> records = attempt.records();
      Outcome outcome = invoke(records);
      if (outcome.failedFrom() < 0) {
        done(shard, records, records.size());
        continue;
      }
      boolean exhausted = config.maximumRetryAttempts() >= 0 && attempt.retries() >= config.maximumRetryAttempts();
      if (!outcome.functionError() && outcome.failedFrom() >= 0 && !outcome.wholeBatch()) {
        // partial failure: checkpoint before the lowest reported record, retry the rest of this batch
        done(shard, records, outcome.failedFrom());
        List<Rec> rest = records.subList(outcome.failedFrom(), records.size());
        if (exhausted) exhaust(shard, rest, attempt.retries() + 1, outcome);
        else work.push(new Attempt(List.copyOf(rest), attempt.retries() + 1));
        continue;
      }
      if (exhausted) {
        exhaust(shard, records, attempt.retries() + 1, outcome);
      } else if (config.bisectBatchOnFunctionError() && records.size() > 1) {
        int half = (records.size() + 1) / 2;
        work.push(new Attempt(List.copyOf(records.subList(half, records.size())), attempt.retries() + 1));
        work.push(new Attempt(List.copyOf(records.subList(0, half)), attempt.retries() + 1));
      } else {
        work.push(new Attempt(records, attempt.retries() + 1));
      }
    }
    return true;
  }

  /**
   * What an invocation did: {@code failedFrom} -1 = success; otherwise the index of the first record to retry.
   * {@code wholeBatch} marks a failure of every record (function error or invalid response).
   */
  private record Outcome(int failedFrom, boolean wholeBatch, boolean functionError, String requestId) {}

  private Outcome invoke(List<Rec> records) {
    ObjectNode event = Json.object();
    ArrayNode array = event.putArray("Records");
    records.forEach(r -> array.add(r.json()));
    String requestId = UUID.randomUUID().toString();
    batches.incrementAndGet();
    String response;
    try {
      response = config.function().invoke(Json.write(event));
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError) throw e;
      functionErrors.incrementAndGet();
      LOG.log(Level.INFO, "function " + config.function().name() + " failed a batch of " + records.size() + ": " + e);
      return new Outcome(0, true, true, requestId);
    }
    if (!config.reportBatchItemFailures()) return new Outcome(-1, false, false, requestId);
    Set<String> known = new HashSet<>();
    records.forEach(r -> known.add(r.sequenceNumber()));
    List<String> failures = BatchResponses.failures(response, known);
    if (failures == null) {
      LOG.warning("function " + config.function().name() + " returned an invalid batch response, the whole batch fails: " + response);
      return new Outcome(0, true, false, requestId);
    }
    if (failures.isEmpty()) return new Outcome(-1, false, false, requestId);
    BigInteger lowest = failures.stream().map(BigInteger::new).min(BigInteger::compareTo).orElseThrow();
    for (int i = 0; i < records.size(); i++) {
      if (new BigInteger(records.get(i).sequenceNumber()).equals(lowest)) return new Outcome(i, false, false, requestId);
    }
    throw new IllegalStateException("a reported sequence number is in the batch");
  }

  private void done(ShardState shard, List<Rec> records, int count) {
    if (count == 0) return;
    delivered.addAndGet(count);
    shard.checkpoint = records.get(count - 1).sequenceNumber();
  }

  private void exhaust(ShardState shard, List<Rec> records, int invokeCount, Outcome outcome) {
    discarded.addAndGet(records.size());
    shard.checkpoint = records.get(records.size() - 1).sequenceNumber();
    String body = Json.write(onFailureRecord(shard.id, records, invokeCount, outcome));
    if (config.onFailureQueueUrl() == null) {
      LOG.warning("stream event source " + config.function().name() + ": retries exhausted, records discarded: " + body);
      return;
    }
    try {
      sqs.sendMessage(b -> b.queueUrl(config.onFailureQueueUrl()).messageBody(body));
      onFailureSent.incrementAndGet();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "could not send an on-failure record to " + config.onFailureQueueUrl() + ": " + body, e);
    }
  }

  /** The record Lambda sends to an on-failure destination for a stream batch. */
  private ObjectNode onFailureRecord(String shardId, List<Rec> records, int invokeCount, Outcome outcome) {
    ObjectNode r = Json.object();
    r.putObject("requestContext").put("requestId", outcome.requestId()).put("functionArn", functionArn)
        .put("condition", "RetryAttemptsExhausted").put("approximateInvokeCount", invokeCount);
    ObjectNode response = r.putObject("responseContext").put("statusCode", 200).put("executedVersion", "$LATEST");
    if (outcome.functionError()) response.put("functionError", "Unhandled");
    r.put("version", "1.0");
    r.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    Rec first = records.get(0);
    Rec last = records.get(records.size() - 1);
    r.putObject("DDBStreamBatchInfo").put("shardId", shardId).put("startSequenceNumber", first.sequenceNumber())
        .put("endSequenceNumber", last.sequenceNumber())
        .put("approximateArrivalOfFirstRecord", seconds(first.arrival()))
        .put("approximateArrivalOfLastRecord", seconds(last.arrival()))
        .put("batchSize", records.size()).put("streamArn", config.streamArn());
    return r;
  }

  private static String seconds(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private void pause(long millis) {
    try {
      stop.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  // ---------------------------------------------------------------- the record

  /** A stream record as Lambda delivers it. */
  static ObjectNode recordJson(Record record, String streamArn) {
    ObjectNode r = Json.object();
    r.put("eventID", record.eventID());
    r.put("eventName", record.eventNameAsString());
    r.put("eventVersion", "1.1");
    r.put("eventSource", "aws:dynamodb");
    r.put("awsRegion", AwsAccount.REGION);
    StreamRecord s = record.dynamodb();
    ObjectNode d = r.putObject("dynamodb");
    if (s.approximateCreationDateTime() != null) d.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
    if (s.hasKeys()) d.set("Keys", item(s.keys()));
    if (s.hasNewImage()) d.set("NewImage", item(s.newImage()));
    if (s.hasOldImage()) d.set("OldImage", item(s.oldImage()));
    d.put("SequenceNumber", s.sequenceNumber());
    if (s.sizeBytes() != null) d.put("SizeBytes", s.sizeBytes());
    if (s.streamViewTypeAsString() != null) d.put("StreamViewType", s.streamViewTypeAsString());
    if (record.userIdentity() != null) {
      r.putObject("userIdentity").put("type", record.userIdentity().type()).put("principalId", record.userIdentity().principalId());
    }
    r.put("eventSourceARN", streamArn);
    return r;
  }

  static ObjectNode item(Map<String, AttributeValue> item) {
    ObjectNode o = Json.object();
    item.forEach((name, value) -> o.set(name, value(value)));
    return o;
  }

  /** An attribute value in DynamoDB JSON. */
  static ObjectNode value(AttributeValue v) {
    ObjectNode o = Json.object();
    switch (v.type()) {
      case S -> o.put("S", v.s());
      case N -> o.put("N", v.n());
      case B -> o.put("B", v.b().asByteArray());
      case SS -> v.ss().forEach(o.putArray("SS")::add);
      case NS -> v.ns().forEach(o.putArray("NS")::add);
      case BS -> {
        ArrayNode a = o.putArray("BS");
        v.bs().forEach(b -> a.add(b.asByteArray()));
      }
      case M -> o.set("M", item(v.m()));
      case L -> {
        ArrayNode a = o.putArray("L");
        v.l().forEach(e -> a.add(value(e)));
      }
      case NUL -> o.put("NULL", true);
      case BOOL -> o.put("BOOL", v.bool());
      default -> throw new IllegalArgumentException("unknown attribute value type: " + v);
    }
    return o;
  }
}
