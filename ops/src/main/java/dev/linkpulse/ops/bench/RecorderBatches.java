package dev.linkpulse.ops.bench;

import dev.linkpulse.pipeline.recorder.ClickRecorder;
import java.util.ArrayList;
import java.util.List;

/**
 * Lambda's SQS mapping in simulated time: queued messages handed to the real recorder in batches of its batch size, or
 * when the oldest has waited the batching window; how many calls that made and how long they took (in-process).
 */
final class RecorderBatches {
  private final ClickRecorder recorder;
  private final int size;
  private final long windowMillis;
  private List<ClickRecorder.Message> pending = new ArrayList<>();
  private long pendingSince;
  private int calls;
  private long nanos;

  RecorderBatches(ClickRecorder recorder, int size, long windowMillis) {
    this.recorder = recorder;
    this.size = size;
    this.windowMillis = windowMillis;
  }

  void offer(ClickRecorder.Message message, long nowMillis) {
    if (pending.isEmpty()) pendingSince = nowMillis;
    pending.add(message);
    if (pending.size() == size) flush();
  }

  /** Hands over a waiting batch whose window has passed, or any waiting batch once nothing more will come. */
  void tick(long nowMillis, boolean nothingMore) {
    if (!pending.isEmpty() && (nowMillis - pendingSince >= windowMillis || nothingMore)) flush();
  }

  boolean empty() {
    return pending.isEmpty();
  }

  private void flush() {
    long start = System.nanoTime();
    recorder.record(pending);
    nanos += System.nanoTime() - start;
    calls++;
    pending = new ArrayList<>();
  }

  int calls() {
    return calls;
  }

  double millis() {
    return nanos / 1e6;
  }
}
