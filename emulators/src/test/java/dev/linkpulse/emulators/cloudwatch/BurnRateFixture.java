package dev.linkpulse.emulators.cloudwatch;

import java.time.Duration;
import java.util.List;

/**
 * A local CloudWatch holding one SLO's burn-rate alarms exactly as alarms/alarms.yaml deploys them (three pairs: six
 * window alarms and three composites), fed the way the functions report: one EMF line a minute.
 */
abstract class BurnRateFixture extends CloudWatchFixture {
  /** Deploys the alarms of SLO {@code id}: the six windows, then their three composites. */
  void loadAlarms(String id) throws Exception {
    AlarmsTemplate template = AlarmsTemplate.load();
    List<software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest> windows = template.metricAlarms(id + "-");
    if (windows.size() != 6) throw new IllegalStateException(id + " has " + windows.size() + " window alarms, not 6");
    windows.forEach(client::putMetricAlarm);
    template.compositeAlarms(id + "-").forEach(client::putCompositeAlarm);
  }

  /** {@code minutes} minutes in which {@code service} reports {@code total} of {@code totalName} and {@code bad} of {@code badName}. */
  void ratioTraffic(int minutes, String service, String totalName, long total, String badName, long bad) {
    for (int i = 0; i < minutes; i++) {
      long at = now().plusSeconds(20).toEpochMilli();
      cloudWatch.putEmfLine("{\"_aws\":{\"Timestamp\":" + at + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Linkpulse\","
          + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"" + totalName + "\",\"Unit\":\"Count\"},{\"Name\":\"" + badName
          + "\",\"Unit\":\"Count\"}]}]},\"Service\":\"" + service + "\",\"" + totalName + "\":" + total + ",\"" + badName + "\":" + bad + "}");
      advance(Duration.ofMinutes(1));
    }
  }

  /** One minute in which the redirect reports one Latency value of {@code millis}. */
  void latencyMinute(double millis) {
    long at = now().plusSeconds(20).toEpochMilli();
    cloudWatch.putEmfLine("{\"_aws\":{\"Timestamp\":" + at + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Linkpulse\","
        + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}]}]},"
        + "\"Service\":\"redirect\",\"Latency\":" + millis + "}");
    advance(Duration.ofMinutes(1));
  }

  /** Every ALARM notification so far, as "alarm -> topic". */
  List<String> alarmsPaged() {
    return cloudWatch.notifications().stream().filter(n -> n.newState().equals("ALARM")).map(n -> n.alarmName() + " -> " + n.target()).toList();
  }

  /** The SLO's composite of pair {@code pair} (fast, slow, drift). */
  static String composite(String slo, String pair) {
    return AlarmsTemplate.PREFIX + "-" + slo + "-" + pair + "-burn";
  }

  static String page(String slo, String pair) {
    return composite(slo, pair) + " -> " + AlarmsTemplate.topicArn("PageTopic");
  }

  static String ticket(String slo, String pair) {
    return composite(slo, pair) + " -> " + AlarmsTemplate.topicArn("TicketTopic");
  }

  /** The states of the SLO's three composites, fast, slow, drift. */
  List<software.amazon.awssdk.services.cloudwatch.model.StateValue> composites(String slo) {
    return List.of(state(composite(slo, "fast")), state(composite(slo, "slow")), state(composite(slo, "drift")));
  }
}
