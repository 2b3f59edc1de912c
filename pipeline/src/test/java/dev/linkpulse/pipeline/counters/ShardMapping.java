package dev.linkpulse.pipeline.counters;

import dev.linkpulse.pipeline.clicks.StreamClick;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A model of a DynamoDB-stream event-source mapping on one shard, as Lambda documents it: it delivers batches in
 * order from its checkpoint; a partial batch response resumes from the reported record; a function error
 * (BisectBatchOnFunctionError) splits the batch in two and delivers the halves in order; it never skips a record.
 */
final class ShardMapping {
  private final List<StreamClick> records;
  private int checkpoint;
  /** Sizes of the bisected segments still to deliver from the checkpoint, first segment on top. */
  private final Deque<Integer> segments = new ArrayDeque<>();

  ShardMapping(List<StreamClick> records) {
    this.records = records;
  }

  boolean done() {
    return checkpoint == records.size();
  }

  /** The next batch: the pending bisected segment, else up to {@code size} records from the checkpoint. */
  List<StreamClick> next(int size) {
    int n = segments.isEmpty() ? Math.min(size, records.size() - checkpoint) : segments.peek();
    return records.subList(checkpoint, checkpoint + n);
  }

  /** Records already acknowledged: a replay of these (a redrive, a duplicate delivery) must count nothing. */
  List<StreamClick> acknowledged(int size) {
    return records.subList(checkpoint - Math.min(size, checkpoint), checkpoint);
  }

  /** The handler returned: advance past the batch, or to the record its response names. */
  void returned(List<StreamClick> batch, CounterAggregator.Result result) {
    if (!segments.isEmpty()) segments.pop();
    if (result.retryFrom().isEmpty()) {
      checkpoint += batch.size();
      return;
    }
    String from = result.retryFrom().get();
    int at = records.subList(checkpoint, checkpoint + batch.size()).stream().map(StreamClick::sequenceNumber).toList().indexOf(from);
    if (at < 0) throw new AssertionError("the aggregator asked to resume from " + from + ", which is not in its batch");
    checkpoint += at;
    segments.clear();
  }

  /** The handler threw: deliver the batch again, bisected. */
  void threw(List<StreamClick> batch) {
    if (!segments.isEmpty()) segments.pop();
    if (batch.size() == 1) {
      segments.push(1);
      return;
    }
    int half = batch.size() / 2;
    segments.push(batch.size() - half);
    segments.push(half);
  }
}
