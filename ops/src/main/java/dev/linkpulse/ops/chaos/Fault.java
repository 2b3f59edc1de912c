package dev.linkpulse.ops.chaos;

import java.util.Locale;

/** The faults of a chaos run, each injected once between two stretches of traffic, in an order the seed shuffles. */
enum Fault {
  DUPLICATE_PUBLISHES("click messages sent again (same envelope, or a new envelope for the same click)"),
  RECORDER_CRASHES("seconds of every recorder invocation failing (the recorder-throws drill); its clicks come back after the visibility timeout"),
  AGGREGATOR_CRASHES("stretch of traffic with every counter write (PutItem) failing: the aggregator's stream batches fail and are retried"),
  POISON_MESSAGES("malformed messages on the clicks queue, never counted"),
  PARKED_IN_DLQ("click messages moved to the clicks DLQ, later redriven with ./linkpulse dlq redrive"),
  DYNAMODB_THROTTLING("stretch of traffic with half the recorder's writes throttled (ProvisionedThroughputExceededException)"),
  KILL_DASH_NINE("kill -9 of the stack process halfway through a stretch, redirects in flight, and a restart on the same --data");

  final String what;

  Fault(String what) {
    this.what = what;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
