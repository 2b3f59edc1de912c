package dev.linkpulse.emulators.sqs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.elasticmq.QueueData;
import org.elasticmq.actor.queue.InternalMessage;
import org.elasticmq.actor.queue.OperationSuccessful$;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.actor.queue.QueueEventWithOperationStatus;

/**
 * When each message still in a queue was enqueued, for SQS's {@code ApproximateAgeOfOldestMessage} ("the approximate
 * age of the oldest non-deleted message in the queue"), which ElasticMQ does not answer. Fed ElasticMQ's queue events
 * (its listener hook, the one its persistence uses): a message counts from its send until it is deleted, in flight
 * or not. AWS's rule for a standard queue's dead-letter queue is that the age counts from the move, but ElasticMQ
 * announces a moved message, if at all, with its original send time: so a message removed from a queue while
 * visible, having been received {@code maxReceiveCount} times, is taken for a move, and counts from then.
 */
final class MessageAges {
  /** Per queue: message id to its enqueue time. */
  private final Map<String, Map<String, Instant>> enqueued = new ConcurrentHashMap<>();
  /** Per message id still tracked: its receive count and next visibility (epoch millis), as last announced. */
  private final Map<String, long[]> deliveries = new ConcurrentHashMap<>();
  private final Map<String, QueueData> queues = new ConcurrentHashMap<>();

  /** The age of the oldest message in {@code queue} at {@code now}; zero when it holds none. */
  Duration oldest(String queue, Instant now) {
    Map<String, Instant> messages = enqueued.getOrDefault(queue, Map.of());
    return messages.values().stream().min(Instant::compareTo).map(at -> Duration.between(at, now)).filter(d -> !d.isNegative())
        .orElse(Duration.ZERO);
  }

  void on(Object event, Instant now) {
    if (event instanceof QueueEvent.QueueCreated c) queues.put(c.queue().name(), c.queue());
    else if (event instanceof QueueEvent.QueueMetadataUpdated u) queues.put(u.queue().name(), u.queue());
    else if (event instanceof QueueEvent.QueueDeleted d) enqueued.remove(d.queueName());
    else if (event instanceof QueueEvent.MessageAdded a) added(a.queueName(), a.message());
    else if (event instanceof QueueEvent.MessageUpdated u) updated(u.message());
    else if (event instanceof QueueEvent.MessageRemoved r) removed(r.queueName(), r.messageId(), now);
  }

  private void added(String queue, InternalMessage message) {
    // a move to a dead-letter queue may be announced too, with the original send time: the move's time stands
    enqueued.computeIfAbsent(queue, q -> new ConcurrentHashMap<>()).putIfAbsent(message.id(), message.created().toInstant());
    updated(message);
  }

  private void updated(InternalMessage message) {
    deliveries.put(message.id(), new long[] {message.receiveCount(), message.nextDelivery()});
  }

  private void removed(String queue, String id, Instant now) {
    Map<String, Instant> messages = enqueued.get(queue);
    if (messages != null) messages.remove(id);
    long[] delivery = deliveries.remove(id);
    QueueData data = queues.get(queue);
    if (delivery == null || data == null || data.deadLettersQueue().isEmpty()) return;
    var dlq = data.deadLettersQueue().get();
    boolean visible = delivery[1] <= now.toEpochMilli();
    if (visible && delivery[0] >= dlq.maxReceiveCount()) {
      enqueued.computeIfAbsent(dlq.name(), q -> new ConcurrentHashMap<>()).put(id, now);
      deliveries.put(id, new long[] {delivery[0], now.toEpochMilli()});
    }
  }

  /** The actor ElasticMQ hands its queue events to; it answers each as a persistence would, at once. */
  static final class Listener extends AbstractActor {
    private final MessageAges ages;
    private final ActorRef next;

    /** @param next the listener that also hears every event and answers for it (the persistence), or null */
    Listener(MessageAges ages, ActorRef next) {
      this.ages = ages;
      this.next = next;
    }

    @Override
    public Receive createReceive() {
      return receiveBuilder().matchAny(event -> {
        ages.on(event, Instant.now());
        if (next != null) next.forward(event, getContext());
        else if (event instanceof QueueEventWithOperationStatus) getSender().tell(OperationSuccessful$.MODULE$, getSelf());
      }).build();
    }

    static Props props(MessageAges ages, ActorRef next) {
      return Props.create(Listener.class, () -> new Listener(ages, next));
    }
  }
}
