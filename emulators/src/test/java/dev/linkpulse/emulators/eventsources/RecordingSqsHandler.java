package dev.linkpulse.emulators.eventsources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every message it sees. Fails (as a batch item failure) bodies containing "poison" always, and bodies
 * containing "flaky" on their first receive; throws for a batch holding a body containing "explode" on its first receive.
 */
public final class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  public record Delivery(String messageId, String body, int receiveCount, boolean succeeded, int batchSize, SQSEvent.SQSMessage message) {}

  static final ConcurrentLinkedQueue<Delivery> DELIVERIES = new ConcurrentLinkedQueue<>();

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    int size = event.getRecords().size();
    boolean explode = event.getRecords().stream()
        .anyMatch(m -> m.getBody().contains("explode") && receiveCount(m) == 1);
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      int count = receiveCount(m);
      boolean fail = explode || m.getBody().contains("poison") || (m.getBody().contains("flaky") && count == 1);
      DELIVERIES.add(new Delivery(m.getMessageId(), m.getBody(), count, !fail, size, m));
      if (fail) failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
    }
    if (explode) throw new IllegalStateException("exploding batch of " + size);
    return new SQSBatchResponse(failures);
  }

  private static int receiveCount(SQSEvent.SQSMessage m) {
    return Integer.parseInt(m.getAttributes().get("ApproximateReceiveCount"));
  }

  static List<Delivery> of(String marker) {
    return DELIVERIES.stream().filter(d -> d.body().contains(marker)).toList();
  }
}
