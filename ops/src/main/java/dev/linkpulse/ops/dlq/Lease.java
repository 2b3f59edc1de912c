package dev.linkpulse.ops.dlq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.OverLimitException;

/**
 * Messages received from one queue and held invisible while a command works on them. Receiving gives them a short
 * visibility timeout and a heartbeat keeps extending it, so a crashed or killed command leaves nothing hidden for
 * longer than {@link #VISIBILITY_SECONDS}. {@link #close()} makes whatever is still held visible again at once.
 *
 * <p>Receiving a message adds one to its ApproximateReceiveCount: that is how SQS works, there is no read-only peek.
 */
final class Lease implements AutoCloseable {
  static final int VISIBILITY_SECONDS = 60;
  static final long HEARTBEAT_SECONDS = 20;
  /** SQS refuses to receive beyond 120,000 in-flight messages of a standard queue; stop well before. */
  static final int MAX_HELD = 100_000;
  private static final Logger LOG = Logger.getLogger(Lease.class.getName());

  private final SqsClient sqs;
  private final String queueUrl;
  private final int waitSeconds;
  private final Map<String, Message> held = new LinkedHashMap<>();
  private final ScheduledExecutorService heartbeat;
  private boolean exhausted;

  Lease(SqsClient sqs, String queueUrl, int waitSeconds) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.waitSeconds = waitSeconds;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dlq-lease-heartbeat");
      t.setDaemon(true);
      return t;
    });
    heartbeat.scheduleWithFixedDelay(this::extend, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Receives until {@code enough} says stop, a receive comes back empty (nothing more is visible), or
   * {@link #MAX_HELD} are held; hands each newly received message to {@code onNew}, in order, once.
   */
  void receive(Consumer<Message> onNew, BooleanSupplier enough) {
    while (!enough.getAsBoolean() && size() < MAX_HELD) {
      List<Message> batch;
      try {
        batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)
            .visibilityTimeout(VISIBILITY_SECONDS).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
            .messageAttributeNames("All")).messages();
      } catch (OverLimitException e) {
        exhausted = true;
        return;
      }
      if (batch.isEmpty()) return;
      for (Message m : batch) {
        boolean fresh;
        synchronized (held) {
          fresh = held.put(m.messageId(), m) == null;
        }
        // held beyond the limit: released with the rest when the lease closes
        if (fresh && !enough.getAsBoolean()) onNew.accept(m);
      }
    }
  }

  /** Whether receiving stopped at the in-flight limit rather than at an empty queue. */
  boolean stoppedAtLimit() {
    return exhausted || size() >= MAX_HELD;
  }

  int size() {
    synchronized (held) {
      return held.size();
    }
  }

  /** The current receipt handle of a held message. */
  String receipt(String messageId) {
    synchronized (held) {
      Message m = held.get(messageId);
      return m == null ? null : m.receiptHandle();
    }
  }

  /** The message was deleted: stop extending it. */
  private void forget(String messageId) {
    synchronized (held) {
      held.remove(messageId);
    }
  }

  /**
   * Deletes these held messages from the queue and stops holding those that went; returns, by message id, why each
   * of the others was not deleted (it is still held, and made visible again when the lease closes).
   */
  Map<String, String> delete(List<Item> items) {
    Map<String, String> undeleted = new LinkedHashMap<>();
    if (items.isEmpty()) return undeleted;
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(receipt(items.get(i).messageId())).build());
    }
    try {
      var response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      response.failed().forEach(f -> undeleted.put(items.get(Integer.parseInt(f.id())).messageId(), f.code() + " " + Selector.oneLine(f.message())));
    } catch (SdkException e) {
      items.forEach(i -> undeleted.put(i.messageId(), Selector.oneLine(e.getMessage())));
    }
    items.stream().map(Item::messageId).filter(id -> !undeleted.containsKey(id)).forEach(this::forget);
    return undeleted;
  }

  /** Makes these messages visible again now, and stops holding them. */
  void release(Collection<String> messageIds) {
    List<Message> list = new ArrayList<>();
    synchronized (held) {
      for (String id : messageIds) {
        Message m = held.remove(id);
        if (m != null) list.add(m);
      }
    }
    changeVisibility(list, 0);
  }

  private void extend() {
    List<Message> list;
    synchronized (held) {
      list = List.copyOf(held.values());
    }
    try {
      changeVisibility(list, VISIBILITY_SECONDS);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not extend the visibility of " + list.size() + " held message(s) on " + queueUrl + ": " + e, e);
    }
  }

  private void changeVisibility(List<Message> list, int seconds) {
    for (int from = 0; from < list.size(); from += 10) {
      List<Message> chunk = list.subList(from, Math.min(list.size(), from + 10));
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
            .receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(seconds).build());
      }
      var response = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
      response.failed().forEach(f -> LOG.fine("visibility change failed on " + queueUrl + ": " + f.code() + " " + f.message()));
    }
  }

  /** Stops the heartbeat and makes every message still held visible again. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    List<String> ids;
    synchronized (held) {
      ids = List.copyOf(held.keySet());
    }
    try {
      release(ids);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not make " + ids.size() + " message(s) visible again on " + queueUrl
          + "; they reappear within " + VISIBILITY_SECONDS + " s", e);
    }
  }
}
