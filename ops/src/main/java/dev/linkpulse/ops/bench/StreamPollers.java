package dev.linkpulse.ops.bench;

import dev.linkpulse.pipeline.clicks.StreamClick;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lambda's event-source mapping on a table stream, in simulated time: each shard polled four times a second (from
 * its own phase, since pollers are not synchronised), an invocation per poll with what has arrived (window 0) or once
 * the batch is full or its oldest record has waited the window; one batch per shard at a time; a partial batch failure
 * sends the shard back to the failed sequence number, which comes again on the next poll.
 */
final class StreamPollers {
  /** DynamoDB Streams event sources poll each shard four times per second (Lambda developer guide). */
  static final long POLL_INTERVAL_MILLIS = 250;

  private final SimulatedStream stream;
  private final int batchSize;
  private final long windowMillis;
  private final long[] nextPoll;
  private int invocations;
  private int retries;

  StreamPollers(SimulatedStream stream, int batchSize, long windowMillis, long seed) {
    this.stream = stream;
    this.batchSize = batchSize;
    this.windowMillis = windowMillis;
    this.nextPoll = new long[stream.shardCount()];
    java.util.SplittableRandom phases = new java.util.SplittableRandom(seed);
    for (int s = 0; s < nextPoll.length; s++) nextPoll[s] = phases.nextLong(POLL_INTERVAL_MILLIS);
  }

  /** Polls every shard that is due at {@code nowMillis}; {@code function} returns the sequence to retry from, if any. */
  void poll(long nowMillis, Function<List<StreamClick>, Optional<String>> function) {
    for (int shard = 0; shard < nextPoll.length; shard++) {
      if (nextPoll[shard] > nowMillis) continue;
      nextPoll[shard] += POLL_INTERVAL_MILLIS;
      if (!due(shard, nowMillis)) continue;
      List<StreamClick> batch = stream.take(shard, batchSize);
      invocations++;
      Optional<String> retryFrom = function.apply(batch);
      if (retryFrom.isPresent()) {
        retries++;
        stream.rewind(shard, retryFrom.get());
      }
    }
  }

  private boolean due(int shard, long nowMillis) {
    int waiting = stream.waiting(shard);
    if (waiting == 0) return false;
    return windowMillis == 0 || waiting >= batchSize || nowMillis - stream.oldestWaitingMillis(shard) >= windowMillis;
  }

  boolean drained() {
    for (int s = 0; s < nextPoll.length; s++) if (stream.waiting(s) > 0) return false;
    return true;
  }

  int invocations() {
    return invocations;
  }

  /** Invocations that reported a partial failure (a throttled counter write, a lost race). */
  int retries() {
    return retries;
  }
}
