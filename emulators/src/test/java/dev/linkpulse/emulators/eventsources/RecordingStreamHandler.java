package dev.linkpulse.emulators.eventsources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every invocation (the PK of each record, in order). Throws for a batch that holds the PK in
 * {@link #throwOnKey}; reports the record whose PK is {@link #failOnceKey} as a batch item failure the first time.
 */
public final class RecordingStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  public record Invocation(List<String> keys, List<String> sequenceNumbers, List<String> eventNames, List<Date> created, boolean threw) {}

  static final ConcurrentLinkedQueue<Invocation> INVOCATIONS = new ConcurrentLinkedQueue<>();
  static volatile String throwOnKey;
  static volatile String failOnceKey;
  private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

  static void reset() {
    INVOCATIONS.clear();
    FAILED_ONCE.clear();
    throwOnKey = null;
    failOnceKey = null;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords();
    List<String> keys = records.stream().map(r -> r.getDynamodb().getKeys().get("PK").getS()).toList();
    List<String> seqs = records.stream().map(r -> r.getDynamodb().getSequenceNumber()).toList();
    List<String> names = records.stream().map(DynamodbEvent.DynamodbStreamRecord::getEventName).toList();
    List<Date> created = records.stream().map(r -> r.getDynamodb().getApproximateCreationDateTime()).toList();
    boolean threw = throwOnKey != null && keys.contains(throwOnKey);
    INVOCATIONS.add(new Invocation(keys, seqs, names, created, threw));
    if (threw) throw new IllegalStateException("batch holds " + throwOnKey);
    String failOnce = failOnceKey;
    int i = failOnce == null ? -1 : keys.indexOf(failOnce);
    if (i >= 0 && FAILED_ONCE.add(failOnce)) {
      return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(seqs.get(i))));
    }
    return new StreamsEventResponse(List.of());
  }

  /** The keys of the invocations that succeeded, flattened in order. */
  static List<String> processed() {
    return INVOCATIONS.stream().filter(i -> !i.threw()).flatMap(i -> i.keys().stream()).toList();
  }
}
