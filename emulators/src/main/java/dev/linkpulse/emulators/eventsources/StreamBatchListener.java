package dev.linkpulse.emulators.eventsources;

import java.time.Instant;

/**
 * Told of every batch a stream mapping hands its function, as it hands it over: the function, and when the batch's
 * last record was written to the stream (its {@code ApproximateCreationDateTime}). Lambda's {@code IteratorAge} is
 * the time from that moment to this one; the listener reads "now" from its own clock. Called on the shard's thread.
 */
@FunctionalInterface
public interface StreamBatchListener {
  void batch(String function, Instant lastRecordWritten);
}
