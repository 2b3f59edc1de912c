package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.cloudwatch.MissingDataRule.Decision;
import dev.linkpulse.emulators.cloudwatch.MissingDataRule.Slot;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * StateReason and StateReasonData in CloudWatch's own words and shape: "Threshold Crossed: 1 out of the last 1
 * datapoints [20.0 (01/01/24 00:05:00)] was greater than or equal to the threshold (14.4) ...", and the JSON with
 * version, queryDate, startDate, statistic, period, recentDatapoints, threshold and evaluatedDatapoints.
 */
final class StateReasons {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE dd MMMM, yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private StateReasons() {}

  /** {@code 2024-01-01T00:05:00.000+0000}, as timestamps appear inside StateReasonData and notifications. */
  static String dataTime(Instant t) {
    return DATA.format(t);
  }

  static String threshold(MetricAlarm alarm, Decision d, int range) {
    int n = alarm.evaluationPeriods();
    int m = alarm.datapointsToAlarm();
    String phrase = alarm.comparison().phrase();
    String threshold = number(alarm.threshold());
    if (d.state() == StateValue.INSUFFICIENT_DATA) {
      int unknown = range - d.evaluated().size();
      return "Insufficient Data: " + unknown + (unknown == 1 ? " datapoint was" : " datapoints were") + " unknown.";
    }
    if (d.evaluated().isEmpty()) {
      String treatedAs = alarm.effectiveTreatMissingData() == TreatMissingData.BREACHING ? "Breaching" : "NonBreaching";
      return "Threshold Crossed: no datapoints were received for " + n + (n == 1 ? " period" : " periods") + " and " + n
          + " missing " + (n == 1 ? "datapoint was" : "datapoints were") + " treated as [" + treatedAs + "].";
    }
    boolean alarming = d.state() == StateValue.ALARM;
    List<Slot> shown = new ArrayList<>();
    for (Slot s : d.evaluated()) if (alarm.comparison().breaches(s.value(), alarm.threshold()) == alarming) shown.add(s);
    int count = alarming ? d.breaching() : d.evaluated().size() - d.breaching();
    StringBuilder b = new StringBuilder("Threshold Crossed: ").append(count).append(" out of the last ").append(n)
        .append(" datapoints ").append(list(shown)).append(count == 1 ? " was " : " were ")
        .append(alarming ? "" : "not ").append(phrase).append(" the threshold (").append(threshold).append(")");
    if (d.filled() > 0) {
      b.append(", with ").append(d.filled()).append(" missing ").append(d.filled() == 1 ? "datapoint" : "datapoints")
          .append(" treated as [").append(alarm.effectiveTreatMissingData() == TreatMissingData.BREACHING ? "Breaching" : "NonBreaching").append("]");
    }
    int minimum = alarming ? m : n - m + 1;
    b.append(" (minimum ").append(minimum).append(minimum == 1 ? " datapoint for " : " datapoints for ")
        .append(alarming ? "OK -> ALARM" : "ALARM -> OK").append(" transition).");
    return b.toString();
  }

  /** StateReasonData of a metric alarm; {@code sampleCounts} only for single-metric alarms. */
  static String thresholdData(MetricAlarm alarm, Decision d, Instant queryDate, long start, Map<Long, Double> sampleCounts) {
    ObjectNode data = JSON.createObjectNode();
    data.put("version", "1.0");
    data.put("queryDate", dataTime(queryDate));
    data.put("startDate", dataTime(Instant.ofEpochSecond(d.evaluated().isEmpty() ? start : d.evaluated().get(0).timestamp())));
    if (!alarm.isMath()) data.put("statistic", alarm.statistic());
    if (!alarm.isMath() && alarm.unit() != null) data.put("unit", alarm.unit());
    data.put("period", alarm.evaluationPeriod());
    ArrayNode recent = data.putArray("recentDatapoints");
    d.evaluated().forEach(s -> recent.add(s.value()));
    data.put("threshold", alarm.threshold());
    ArrayNode evaluated = data.putArray("evaluatedDatapoints");
    for (int i = d.evaluated().size() - 1; i >= 0; i--) {
      Slot s = d.evaluated().get(i);
      ObjectNode point = evaluated.addObject().put("timestamp", dataTime(Instant.ofEpochSecond(s.timestamp())));
      Double samples = sampleCounts.get(s.timestamp());
      if (samples != null) point.put("sampleCount", samples);
      point.put("value", s.value());
    }
    return data.toString();
  }

  /** "arn:...:alarm:child transitioned to ALARM at Monday 01 January, 2024 00:05:00 UTC". */
  static String composite(AlarmEntry trigger) {
    if (trigger == null) return "Composite alarm rule evaluated without a triggering alarm";
    return trigger.arn() + " transitioned to " + trigger.state().value() + " at " + LONG.format(trigger.state().transitioned());
  }

  static String compositeData(List<AlarmEntry> children) {
    ObjectNode data = JSON.createObjectNode();
    ArrayNode triggering = data.putArray("triggeringAlarms");
    for (AlarmEntry child : children) {
      ObjectNode c = triggering.addObject().put("arn", child.arn());
      c.putObject("state").put("value", child.state().value().name()).put("timestamp", dataTime(child.state().transitioned()));
    }
    return data.toString();
  }

  private static String list(List<Slot> slots) {
    List<String> parts = new ArrayList<>();
    for (int i = slots.size() - 1; i >= 0; i--) {
      Slot s = slots.get(i);
      parts.add(number(s.value()) + " (" + SHORT.format(Instant.ofEpochSecond(s.timestamp())) + ")");
    }
    return "[" + String.join(", ", parts) + "]";
  }

  static String number(double v) {
    return Double.toString(v);
  }
}
