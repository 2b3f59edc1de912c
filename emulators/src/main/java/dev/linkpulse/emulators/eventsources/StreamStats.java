package dev.linkpulse.emulators.eventsources;

import java.util.concurrent.atomic.AtomicLong;

/** What a stream mapping counts: invocations, records by fate, retries, on-failure records, function errors. */
final class StreamStats {
  final AtomicLong batches = new AtomicLong();
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong filtered = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong onFailureSent = new AtomicLong();
  final AtomicLong discarded = new AtomicLong();
  final AtomicLong functionErrors = new AtomicLong();
}
