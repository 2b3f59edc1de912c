package dev.linkpulse.ops.slo;

import java.util.Locale;

/**
 * What each drill of the local stack breaks, and the alarm (by its slos.yaml id) that must fire because of it: the
 * drill proves the alarm, and rehearses its runbook.
 */
enum DrillPlan {
  REDIRECT_5XX("redirect-availability-fast-burn", 0.2,
      "of the redirect's link lookups fail (DynamoDB GetItem), so it answers 5xx; links it has cached keep answering for LinkCacheSeconds"),
  RECORDER_THROWS("pipeline-errors", 1.0,
      "every recorder invocation fails before its handler runs (a crash): clicks wait in the queue, are retried, then parked in the DLQ;"
          + " share is ignored"),
  DYNAMODB_THROTTLES("clicks-dlq-not-empty", 1.0,
      "of the recorder's writes (BatchWriteItem) are throttled: its batches fail, are retried, and after 5 receives (15 min at the"
          + " queue's 180 s visibility timeout) land in the clicks DLQ");

  final String alarm;
  final double defaultShare;
  final String breaks;

  DrillPlan(String alarm, double defaultShare, String breaks) {
    this.alarm = alarm;
    this.defaultShare = defaultShare;
    this.breaks = breaks;
  }

  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static DrillPlan of(String id) {
    for (DrillPlan d : values()) if (d.id().equals(id)) return d;
    return null;
  }
}
