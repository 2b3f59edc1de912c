package dev.linkpulse.emulators.eventsources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.Json;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One batch of a shard to its end, as {@link StreamEventSource} documents: the invocation, partial batch responses,
 * retries with their accounting, bisection, the shard's checkpoint, and the on-failure record when retries run out.
 */
final class StreamBatches {
  private static final Logger LOG = Logger.getLogger(StreamBatches.class.getName());

  /** A (sub-)batch and the retries already spent on its records. */
  private record Attempt(List<BufferedRecord> records, int retries) {}

  /**
   * What an invocation did: {@code failedFrom} -1 = success; otherwise the index of the first record to retry.
   * {@code wholeBatch} marks a failure of every record (function error or invalid response).
   */
  private record Outcome(int failedFrom, boolean wholeBatch, boolean functionError, String requestId) {}

  private final StreamEventSource.Config config;
  private final SqsClient sqs;
  private final String functionArn;
  private final StreamStats stats;
  private final MappingLifecycle life;

  StreamBatches(StreamEventSource.Config config, SqsClient sqs, String functionArn, StreamStats stats, MappingLifecycle life) {
    this.config = config;
    this.sqs = sqs;
    this.functionArn = functionArn;
    this.stats = stats;
    this.life = life;
  }

  /** Processes one batch to its end (success, or retries exhausted). Returns false if the mapping is closing. */
  boolean process(ShardState shard, List<BufferedRecord> batch) {
    Deque<Attempt> work = new ArrayDeque<>();
    work.push(new Attempt(batch, 0));
    while (!work.isEmpty()) {
      if (!life.running()) return false;
      Attempt attempt = work.pop();
      if (attempt.retries() > 0) {
        stats.retries.incrementAndGet();
        life.pause(config.pollIntervalMillis());
        if (!life.running()) return false;
      }
      List<BufferedRecord> records = attempt.records();
      Outcome outcome = invoke(records);
      if (outcome.failedFrom() < 0) {
        done(shard, records, records.size());
        continue;
      }
      boolean exhausted = config.maximumRetryAttempts() >= 0 && attempt.retries() >= config.maximumRetryAttempts();
      if (!outcome.functionError() && outcome.failedFrom() >= 0 && !outcome.wholeBatch()) {
        // partial failure: checkpoint before the lowest reported record, retry the rest of this batch
        done(shard, records, outcome.failedFrom());
        List<BufferedRecord> rest = records.subList(outcome.failedFrom(), records.size());
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

  private Outcome invoke(List<BufferedRecord> records) {
    ObjectNode event = Json.object();
    ArrayNode array = event.putArray("Records");
    records.forEach(r -> array.add(r.json()));
    String requestId = UUID.randomUUID().toString();
    stats.batches.incrementAndGet();
    String response;
    try {
      response = config.function().invoke(Json.write(event));
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError) throw e;
      stats.functionErrors.incrementAndGet();
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

  private void done(ShardState shard, List<BufferedRecord> records, int count) {
    if (count == 0) return;
    stats.delivered.addAndGet(count);
    shard.checkpoint = records.get(count - 1).sequenceNumber();
  }

  private void exhaust(ShardState shard, List<BufferedRecord> records, int invokeCount, Outcome outcome) {
    stats.discarded.addAndGet(records.size());
    shard.checkpoint = records.get(records.size() - 1).sequenceNumber();
    String body = Json.write(onFailureRecord(shard.id, records, invokeCount, outcome));
    if (config.onFailureQueueUrl() == null) {
      LOG.warning("stream event source " + config.function().name() + ": retries exhausted, records discarded: " + body);
      return;
    }
    try {
      sqs.sendMessage(b -> b.queueUrl(config.onFailureQueueUrl()).messageBody(body));
      stats.onFailureSent.incrementAndGet();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "could not send an on-failure record to " + config.onFailureQueueUrl() + ": " + body, e);
    }
  }

  /** The record Lambda sends to an on-failure destination for a stream batch. */
  private ObjectNode onFailureRecord(String shardId, List<BufferedRecord> records, int invokeCount, Outcome outcome) {
    ObjectNode r = Json.object();
    r.putObject("requestContext").put("requestId", outcome.requestId()).put("functionArn", functionArn)
        .put("condition", "RetryAttemptsExhausted").put("approximateInvokeCount", invokeCount);
    ObjectNode response = r.putObject("responseContext").put("statusCode", 200).put("executedVersion", "$LATEST");
    if (outcome.functionError()) response.put("functionError", "Unhandled");
    r.put("version", "1.0");
    r.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    BufferedRecord first = records.get(0);
    BufferedRecord last = records.get(records.size() - 1);
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
}
