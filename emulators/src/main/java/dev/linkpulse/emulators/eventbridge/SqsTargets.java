package dev.linkpulse.emulators.eventbridge;

import dev.linkpulse.emulators.protocol.NamedThreads;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Delivery of accepted events to their SQS targets, after PutEvents has answered: an outbox per queue, emptied by
 * one sender at a time in batches of ten, on bounded delivery threads (when they fall behind, the caller delivers).
 */
final class SqsTargets {
  private static final Logger LOG = Logger.getLogger(SqsTargets.class.getName());

  private final SqsClient sqs;
  private final NamedThreads threads = new NamedThreads("eventbridge-delivery");
  private final ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000),
      threads, new ThreadPoolExecutor.CallerRunsPolicy());
  /** Accepted events waiting to be sent, per target queue. */
  private final Map<String, Queue<String>> outbox = new ConcurrentHashMap<>();
  private final Map<String, AtomicBoolean> senders = new ConcurrentHashMap<>();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  /** Told of each message that could not be sent: its queue and body (EventBridge counts failures per rule). */
  private final BiConsumer<String, String> onFailure;
  private volatile OutboxJournal journal;

  SqsTargets(SqsClient sqs, BiConsumer<String, String> onFailure) {
    this.sqs = sqs;
    this.onFailure = onFailure;
  }

  /** Keeps the outbox in {@code journal} from now on, and sends again what it recovered from the last run. */
  void persistTo(OutboxJournal journal) {
    this.journal = journal;
    if (journal.recovered().isEmpty()) return;
    LOG.info("EventBridge: re-sending " + journal.recovered().size() + " accepted event(s) a crash left undelivered");
    Map<String, List<String>> byQueue = new LinkedHashMap<>();
    journal.recovered().forEach(e -> byQueue.computeIfAbsent(e.queueUrl(), q -> new ArrayList<>()).add(e.body()));
    send(byQueue);
  }

  /** Accepts the bodies: on disk first when there is a journal (PutEvents may answer only then), then queued. */
  void accept(Map<String, List<String>> bodiesByQueue) throws IOException {
    if (journal != null && !bodiesByQueue.isEmpty()) journal.accept(bodiesByQueue);
    send(bodiesByQueue);
  }

  long delivered() {
    return delivered.get();
  }

  long failed() {
    return failed.get();
  }

  long pending() {
    return pending.get();
  }

  /** Queues the bodies for their queues and wakes their senders. */
  private void send(Map<String, List<String>> bodiesByQueue) {
    bodiesByQueue.forEach((queueUrl, bodies) -> {
      pending.addAndGet(bodies.size());
      outbox.computeIfAbsent(queueUrl, q -> new ConcurrentLinkedQueue<>()).addAll(bodies);
      executor.execute(() -> drain(queueUrl));
    });
  }

  /**
   * Sends what is waiting for one queue, ten messages a call, with one sender per queue at a time. Redirects put one
   * event per PutEvents; sending each alone capped the local bus at a few hundred events a second. A single sender
   * batches like a group commit: while one SendMessageBatch is in flight the next events gather, so batches fill as
   * load grows, and an idle bus sends its first event at once. (Several racing senders each took the one or two
   * events there were: most batches held one message, and ElasticMQ spent more CPU per click than any other part.)
   */
  private void drain(String queueUrl) {
    Queue<String> waiting = outbox.get(queueUrl);
    AtomicBoolean sending = senders.computeIfAbsent(queueUrl, q -> new AtomicBoolean());
    if (!sending.compareAndSet(false, true)) return;
    try {
      List<String> chunk = new ArrayList<>(10);
      for (String body; (body = waiting.poll()) != null; ) {
        chunk.add(body);
        if (chunk.size() == 10) {
          deliver(queueUrl, chunk);
          chunk = new ArrayList<>(10);
        }
      }
      if (!chunk.isEmpty()) deliver(queueUrl, chunk);
    } finally {
      sending.set(false);
    }
    // an event added after the last poll but before the flag was cleared found a sender busy: send it now
    if (!waiting.isEmpty()) executor.execute(() -> drain(queueUrl));
  }

  private void deliver(String queueUrl, List<String> bodies) {
    for (int from = 0; from < bodies.size(); from += 10) {
      List<String> chunk = bodies.subList(from, Math.min(bodies.size(), from + 10));
      try {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(chunk.get(i)).build());
        SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        delivered.addAndGet(response.successful().size());
        OutboxJournal journal = this.journal;
        if (journal != null) journal.delivered(queueUrl, response.successful().stream().map(ok -> chunk.get(Integer.parseInt(ok.id()))).toList());
        for (BatchResultErrorEntry error : response.failed()) {
          failed.incrementAndGet();
          onFailure.accept(queueUrl, chunk.get(Integer.parseInt(error.id())));
          LOG.warning("EventBridge target " + queueUrl + " refused a message: " + error.code() + " " + error.message());
        }
      } catch (RuntimeException e) {
        failed.addAndGet(chunk.size());
        chunk.forEach(body -> onFailure.accept(queueUrl, body));
        LOG.log(Level.WARNING, "EventBridge could not deliver " + chunk.size() + " event(s) to " + queueUrl, e);
      } finally {
        pending.addAndGet(-chunk.size());
      }
    }
  }

  void shutdown() {
    executor.shutdown();
  }

  /** After {@link #shutdown}: lets queued deliveries finish (up to 10 s); returns the threads still alive after 5 s more. */
  List<String> awaitTermination() throws InterruptedException {
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) executor.shutdownNow();
    return threads.join(5, TimeUnit.SECONDS);
  }

  void shutdownNow() {
    executor.shutdownNow();
  }

  /** After the senders have stopped. */
  void closeJournal() {
    try {
      if (journal != null) journal.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "EventBridge could not close its outbox", e);
    }
  }
}
