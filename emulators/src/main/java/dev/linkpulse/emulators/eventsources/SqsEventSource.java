package dev.linkpulse.emulators.eventsources;

import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.Json;
import dev.linkpulse.emulators.protocol.NamedThreads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event-source mapping: long-polls the queue, gathers a batch (up to {@code batchSize}, or until the
 * batching window has elapsed since the first message of the batch arrived; with a window of 0 the function gets
 * what one receive returned), invokes the function with the event JSON exactly as Lambda builds it, then deletes the
 * messages that succeeded. Messages fail all together when the function throws; with
 * {@code reportBatchItemFailures}, a {@code batchItemFailures} response fails just the messages it names, and an
 * empty, missing or unknown {@code itemIdentifier} (or a response that is not a JSON object) fails the whole batch,
 * as on AWS. A failed message stays on the queue and is received again; the queue's RedrivePolicy (which ElasticMQ
 * applies itself) moves it to the DLQ after {@code maxReceiveCount} receives.
 *
 * <p><b>One deliberate deviation from AWS.</b> On AWS a failed message becomes visible again only when the queue's
 * VisibilityTimeout (typically 6x the function timeout, minutes) runs out. Here the mapping sets the failed
 * messages' visibility to {@code retryVisibilitySeconds} right away, so a retry (and a poison message's trip to
 * the DLQ) takes seconds locally. Pass {@code -1} to keep AWS's behaviour.
 *
 * <p>Each of the {@code pollers} threads receives and invokes independently (Lambda scales pollers with the
 * backlog; here their number is fixed). {@link #close()} stops receiving (a receive waits at most one second),
 * finishes the invocation in progress, makes the messages of a half-gathered batch visible again, and joins.
 */
public final class SqsEventSource implements AutoCloseable {
  /**
   * @param queueUrl the queue to poll
   * @param queueArn the queue's ARN, as {@code eventSourceARN} in the event
   * @param batchSize 1..10000 (above 10 requires a batching window of at least 1 s, as on AWS)
   * @param maximumBatchingWindowSeconds 0..300
   * @param reportBatchItemFailures whether the function's {@code batchItemFailures} response is honoured
   * @param function the function to invoke
   * @param retryVisibilitySeconds visibility given to failed messages (local speed-up; -1 = leave the queue's)
   * @param pollers receiving threads, at least 1
   */
  public record Config(String queueUrl, String queueArn, int batchSize, int maximumBatchingWindowSeconds,
      boolean reportBatchItemFailures, LocalFunction function, int retryVisibilitySeconds, int pollers) {
    public Config {
      Objects.requireNonNull(queueUrl, "queueUrl");
      Objects.requireNonNull(queueArn, "queueArn");
      Objects.requireNonNull(function, "function");
      if (batchSize < 1 || batchSize > 10_000) throw new IllegalArgumentException("batchSize must be 1..10000, not " + batchSize);
      if (maximumBatchingWindowSeconds < 0 || maximumBatchingWindowSeconds > 300) {
        throw new IllegalArgumentException("maximumBatchingWindowSeconds must be 0..300, not " + maximumBatchingWindowSeconds);
      }
      if (batchSize > 10 && maximumBatchingWindowSeconds < 1) {
        throw new IllegalArgumentException("batchSize > 10 requires maximumBatchingWindowSeconds >= 1 (as on AWS)");
      }
      if (queueArn.endsWith(".fifo") && batchSize > 10) throw new IllegalArgumentException("a FIFO queue takes batchSize <= 10");
      if (retryVisibilitySeconds < -1 || retryVisibilitySeconds > 43_200) {
        throw new IllegalArgumentException("retryVisibilitySeconds must be -1..43200, not " + retryVisibilitySeconds);
      }
      if (pollers < 1) throw new IllegalArgumentException("pollers must be >= 1");
    }

    /** One poller. */
    public Config(String queueUrl, String queueArn, int batchSize, int maximumBatchingWindowSeconds,
        boolean reportBatchItemFailures, LocalFunction function, int retryVisibilitySeconds) {
      this(queueUrl, queueArn, batchSize, maximumBatchingWindowSeconds, reportBatchItemFailures, function, retryVisibilitySeconds, 1);
    }
  }

  /** Long-poll wait per ReceiveMessage: short, so that close() is prompt. */
  static final int WAIT_SECONDS = 1;
  private static final Logger LOG = Logger.getLogger(SqsEventSource.class.getName());
  /** Attributes Lambda passes on, in the order of its documented events; others are dropped as Lambda drops them. */
  private final Config config;
  private final SqsClient sqs;
  private final NamedThreads threads;
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong functionErrors = new AtomicLong();
  private final MappingLifecycle life = new MappingLifecycle();

  public SqsEventSource(Config config, SqsClient sqs) {
    this.config = Objects.requireNonNull(config, "config");
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.threads = new NamedThreads("sqs-esm-" + config.function().name());
  }

  public synchronized SqsEventSource start() {
    if (life.used()) throw new IllegalStateException("already started");
    life.begin();
    for (int i = 1; i <= config.pollers(); i++) threads.start("sqs-esm-" + config.function().name() + "-" + i, this::poll);
    return this;
  }

  public Config config() {
    return config;
  }

  /** Invocations of the function. */
  public long batches() {
    return batches.get();
  }

  /** Messages received from the queue (a redelivered message counts again). */
  public long messagesReceived() {
    return received.get();
  }

  /** Messages the function processed successfully (and that were deleted). */
  public long messagesDelivered() {
    return delivered.get();
  }

  /** Messages that failed (the function threw, or reported them), left on the queue for another receive. */
  public long messagesFailed() {
    return failed.get();
  }

  /** Invocations in which the function threw. */
  public long functionErrors() {
    return functionErrors.get();
  }

  /**
   * Stops receiving and joins the pollers: each ends within a receive wait ({@value #WAIT_SECONDS} s) plus the
   * invocation in progress.
   */
  @Override
  public void close() {
    synchronized (this) {
      life.stop();
    }
    try {
      List<String> alive = threads.join(WAIT_SECONDS + 60, TimeUnit.SECONDS);
      if (!alive.isEmpty()) LOG.warning("threads still running after close: " + alive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- polling

  private void poll() {
    while (life.running()) {
      Map<String, Message> batch = new LinkedHashMap<>();
      try {
        gather(batch);
        if (!life.running()) {
          release(batch.values());
          return;
        }
        if (!batch.isEmpty()) process(List.copyOf(batch.values()));
      } catch (RuntimeException e) {
        if (!life.running()) {
          release(batch.values());
          return;
        }
        LOG.log(Level.WARNING, "SQS event source " + config.queueUrl() + " -> " + config.function().name() + ": " + e, e);
        release(batch.values());
        life.pause(1000);
      }
    }
  }

  /** Receives until the batch is full, or the window (counted from the batch's first message) has elapsed. */
  private void gather(Map<String, Message> batch) {
    long deadline = 0;
    int window = config.maximumBatchingWindowSeconds();
    while (life.running() && batch.size() < config.batchSize()) {
      if (!batch.isEmpty() && (window == 0 || System.nanoTime() - deadline >= 0)) return;
      // a receive returns as soon as messages are there; otherwise it waits up to WAIT_SECONDS (so a window may
      // overrun by up to that much, and close() never waits longer)
      int max = Math.min(10, config.batchSize() - batch.size());
      List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(config.queueUrl()).maxNumberOfMessages(max).waitTimeSeconds(WAIT_SECONDS)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
      if (messages.isEmpty()) continue;
      if (batch.isEmpty()) deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(window);
      received.addAndGet(messages.size());
      // a message received again (its visibility ran out meanwhile) is kept once, with its newest receipt handle
      for (Message m : messages) batch.put(m.messageId(), m);
    }
  }

  private void process(List<Message> batch) {
    String event = Json.write(SqsEventCodec.event(batch, config.queueArn()));
    batches.incrementAndGet();
    Set<String> failedIds;
    try {
      String response = config.function().invoke(event);
      failedIds = new HashSet<>();
      if (config.reportBatchItemFailures()) {
        Set<String> known = new HashSet<>();
        batch.forEach(m -> known.add(m.messageId()));
        List<String> reported = BatchResponses.failures(response, known);
        if (reported == null) {
          LOG.warning("function " + config.function().name() + " returned an invalid batch response, the whole batch fails: " + response);
          failedIds.addAll(known);
        } else {
          failedIds.addAll(reported);
        }
      }
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError) throw e;
      functionErrors.incrementAndGet();
      LOG.log(Level.INFO, "function " + config.function().name() + " failed a batch of " + batch.size() + ": " + e);
      Set<String> all = new HashSet<>();
      batch.forEach(m -> all.add(m.messageId()));
      failedIds = all;
    }
    List<Message> ok = new ArrayList<>();
    List<Message> bad = new ArrayList<>();
    for (Message m : batch) (failedIds.contains(m.messageId()) ? bad : ok).add(m);
    delete(ok);
    delivered.addAndGet(ok.size());
    failed.addAndGet(bad.size());
    if (config.retryVisibilitySeconds() >= 0) changeVisibility(bad, config.retryVisibilitySeconds());
  }

  private void delete(List<Message> messages) {
    for (int from = 0; from < messages.size(); from += 10) {
      List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(chunk.get(i).receiptHandle()).build());
      }
      var response = sqs.deleteMessageBatch(b -> b.queueUrl(config.queueUrl()).entries(entries));
      response.failed().forEach(f -> LOG.warning("could not delete a processed message from " + config.queueUrl() + ": " + f.code() + " " + f.message()));
    }
  }

  private void changeVisibility(Collection<Message> messages, int seconds) {
    List<Message> list = List.copyOf(messages);
    for (int from = 0; from < list.size(); from += 10) {
      List<Message> chunk = list.subList(from, Math.min(list.size(), from + 10));
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
            .receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(seconds).build());
      }
      var response = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(config.queueUrl()).entries(entries));
      response.failed().forEach(f -> LOG.fine("could not change a message's visibility on " + config.queueUrl() + ": " + f.code() + " " + f.message()));
    }
  }

  /** Makes the messages of a batch that will not be invoked visible again at once (best effort). */
  private void release(Collection<Message> messages) {
    if (messages.isEmpty()) return;
    try {
      changeVisibility(messages, 0);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "could not release " + messages.size() + " message(s) on " + config.queueUrl(), e);
    }
  }
}
