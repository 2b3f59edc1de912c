package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers alarm actions to the local sink: every notification is kept in order (what a test reads as "who was
 * paged") and handed to the listener the builder was given. The body is the JSON CloudWatch publishes to SNS.
 */
final class Notifier {
  private final List<AlarmNotification> delivered = new CopyOnWriteArrayList<>();
  private final Consumer<AlarmNotification> listener;

  Notifier(Consumer<AlarmNotification> listener) {
    this.listener = listener;
  }

  /** Invokes the actions of {@code entry}'s new state; answers the notifications sent. */
  List<AlarmNotification> notify(AlarmEntry entry, AlarmState old, Instant now) {
    List<AlarmNotification> sent = new ArrayList<>();
    if (!entry.actionsEnabled()) return sent;
    for (String target : entry.actions().on(entry.state().value())) {
      AlarmNotification n = new AlarmNotification(target, entry.name(), entry.arn(), old.value().name(),
          entry.state().value().name(), entry.state().reason(), now, message(entry, old, now));
      delivered.add(n);
      sent.add(n);
      if (listener != null) listener.accept(n);
    }
    return sent;
  }

  List<AlarmNotification> delivered() {
    return List.copyOf(delivered);
  }

  private static String message(AlarmEntry entry, AlarmState old, Instant now) {
    ObjectNode m = StateReasons.JSON.createObjectNode();
    m.put("AlarmName", entry.name());
    m.put("AlarmDescription", entry.description());
    m.put("AWSAccountId", AwsAccount.ACCOUNT_ID);
    m.put("AlarmConfigurationUpdatedTimestamp", StateReasons.dataTime(entry.configured()));
    m.put("NewStateValue", entry.state().value().name());
    m.put("NewStateReason", entry.state().reason());
    m.put("StateChangeTime", StateReasons.dataTime(now));
    m.put("Region", AwsAccount.REGION.equals("us-east-1") ? "US East (N. Virginia)" : AwsAccount.REGION);
    m.put("AlarmArn", entry.arn());
    m.put("OldStateValue", old.value().name());
    strings(m.putArray("OKActions"), entry.actions().ok());
    strings(m.putArray("AlarmActions"), entry.actions().alarm());
    strings(m.putArray("InsufficientDataActions"), entry.actions().insufficientData());
    if (entry.isComposite()) m.put("AlarmRule", entry.composite().ruleText());
    else trigger(m.putObject("Trigger"), entry.metric());
    return m.toString();
  }

  private static void trigger(ObjectNode t, MetricAlarm a) {
    if (a.isMath()) {
      ArrayNode metrics = t.putArray("Metrics");
      for (MetricQuery q : a.metrics()) {
        ObjectNode o = metrics.addObject().put("Id", q.id()).put("ReturnData", q.returnData());
        if (q.label() != null) o.put("Label", q.label());
        if (q.expression() != null) o.put("Expression", q.expression());
        if (q.metricStat() != null) {
          MetricQuery.MetricStat s = q.metricStat();
          ObjectNode stat = o.putObject("MetricStat");
          AlarmViews.metric(stat.putObject("Metric"), s.metric());
          stat.put("Period", s.period()).put("Stat", s.stat().name());
        }
      }
    } else {
      t.put("MetricName", a.metric().name()).put("Namespace", a.metric().namespace());
      t.put("StatisticType", a.extendedStatistic() ? "ExtendedStatistic" : "Statistic");
      if (a.extendedStatistic()) t.put("ExtendedStatistic", a.statistic());
      else t.put("Statistic", a.statistic().toUpperCase(java.util.Locale.ROOT));
      t.put("Unit", a.unit());
      ArrayNode dims = t.putArray("Dimensions");
      a.metric().dimensions().forEach((k, v) -> dims.addObject().put("value", v).put("name", k));
      t.put("Period", a.period());
    }
    t.put("EvaluationPeriods", a.evaluationPeriods());
    t.put("DatapointsToAlarm", a.datapointsToAlarm());
    t.put("ComparisonOperator", a.comparison().name());
    t.put("Threshold", a.threshold());
    t.put("TreatMissingData", a.treatMissingData().wire());
    t.put("EvaluateLowSampleCountPercentile", a.evaluateLowSampleCountPercentile() == null ? "" : a.evaluateLowSampleCountPercentile());
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
