package dev.linkpulse.ops.deploy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** What CloudWatch says of the alarms that stopped a deployment: their state now, and their change into ALARM. */
final class AlarmFacts {
  /** An alarm's state now and, when CloudWatch kept it, the summary of its move to ALARM before the stop. */
  record Fact(String name, String stateNow, String reason, String wentToAlarm) {}

  private final CloudWatchClient cloudWatch;

  AlarmFacts(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  Map<String, Fact> read(List<String> names, Instant stoppedAt) {
    Map<String, Fact> facts = new LinkedHashMap<>();
    if (names.isEmpty()) return facts;
    Map<String, MetricAlarm> metric = new LinkedHashMap<>();
    var described = cloudWatch.describeAlarms(r -> r.alarmNames(names).alarmTypes(AlarmType.COMPOSITE_ALARM, AlarmType.METRIC_ALARM));
    described.metricAlarms().forEach(a -> metric.put(a.alarmName(), a));
    Map<String, String[]> composite = new LinkedHashMap<>();
    described.compositeAlarms().forEach(a -> composite.put(a.alarmName(), new String[] {a.stateValueAsString(), a.stateReason()}));
    for (String name : names) {
      String state = metric.containsKey(name) ? metric.get(name).stateValueAsString() : composite.containsKey(name) ? composite.get(name)[0] : "missing";
      String reason = metric.containsKey(name) ? metric.get(name).stateReason() : composite.containsKey(name) ? composite.get(name)[1] : null;
      facts.put(name, new Fact(name, state, reason, wentToAlarm(name, stoppedAt)));
    }
    return facts;
  }

  private String wentToAlarm(String name, Instant stoppedAt) {
    var history = cloudWatch.describeAlarmHistory(r -> r.alarmName(name).historyItemType(HistoryItemType.STATE_UPDATE)
        .endDate(stoppedAt == null ? Instant.now() : stoppedAt.plusSeconds(60)).maxRecords(20));
    return history.alarmHistoryItems().stream().filter(i -> i.historySummary() != null && i.historySummary().endsWith("to ALARM"))
        .findFirst().map(i -> i.timestamp() + " " + i.historySummary()).orElse(null);
  }
}
