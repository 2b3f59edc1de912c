package dev.linkpulse.emulators.eventsources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every message it sees. Fails (as a batch item failure) bodies containing "poison" always, and bodies
 * containing "flaky" on their first receive; throws for a batch holding a body containing "explode" on its first receive;
 * for a batch holding a body containing "hang" on its first receive, records the batch as failed and blocks on a latch
 * nobody opens, until the runtime interrupts it at the function's Timeout.
 */
public final class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  public record Delivery(String messageId, String body, int receiveCount, boolean succeeded, int batchSize, SQSEvent.SQSMessage message) {}

  static final ConcurrentLinkedQueue<Delivery> DELIVERIES = new ConcurrentLinkedQueue<>();

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    int size = event.getRecords().size();
    boolean explode = firstReceiveOf(event, "explode");
    boolean hang = firstReceiveOf(event, "hang");
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      int count = receiveCount(m);
      boolean fail = explode || hang || m.getBody().contains("poison") || (m.getBody().contains("flaky") && count == 1);
      DELIVERIES.add(new Delivery(m.getMessageId(), m.getBody(), count, !fail, size, m));
      if (fail) failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
    }
    if (explode) throw new IllegalStateException("exploding batch of " + size);
    if (hang) hang();
    return new SQSBatchResponse(failures);
  }

  private static boolean firstReceiveOf(SQSEvent event, String word) {
    return event.getRecords().stream().anyMatch(m -> m.getBody().contains(word) && receiveCount(m) == 1);
  }

  private static void hang() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      throw new IllegalStateException("interrupted at the function's Timeout", e);
    }
  }

  private static int receiveCount(SQSEvent.SQSMessage m) {
    return Integer.parseInt(m.getAttributes().get("ApproximateReceiveCount"));
  }

  static List<Delivery> of(String marker) {
    return DELIVERIES.stream().filter(d -> d.body().contains(marker)).toList();
  }
}
