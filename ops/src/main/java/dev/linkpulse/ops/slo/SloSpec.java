package dev.linkpulse.ops.slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code alarms/slos.yaml}, parsed and validated: the SLOs, the burn-rate policy that turns each into alarms, and
 * the pipeline's other alarms. Every rule a CloudWatch API call would reject at deploy time (more than 10 metrics in
 * one alarm, an evaluation range past its limit, M greater than N) is rejected here, at render time, with the path
 * of the offending entry ({@link SloFile} reads it, {@link SpecParser} and {@link CloudWatchLimits} check it).
 */
public record SloSpec(String namespace, Duration budgetPeriod, String runbookBaseUrl, List<BurnRate> burnRates,
    List<Slo> slos, List<SignalAlarm> alarms, Pipeline pipeline) {

  /** Severity decides the SNS topic: a page wakes someone, a ticket waits for working hours. */
  public enum Severity {
    PAGE, TICKET;

    public String lower() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One pair of the multiwindow policy: alarm when both windows burn at {@code factor} times the budget or more. */
  public record BurnRate(String name, Severity severity, Duration longWindow, Duration shortWindow, BigDecimal factor) {}

  /** A CloudWatch metric: namespace, name, statistic, dimensions (a list value fans out into one metric per entry). */
  public record MetricRef(String namespace, String name, String stat, Map<String, Object> dimensions) {
    /** The dimension whose value is a list, if any: the alarm sums one metric per entry. */
    public List<Map<String, String>> expand() {
      List<Map<String, String>> out = new ArrayList<>();
      out.add(new LinkedHashMap<>());
      for (var e : dimensions.entrySet()) {
        List<String> values = e.getValue() instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(e.getValue()));
        List<Map<String, String>> next = new ArrayList<>();
        for (Map<String, String> partial : out) {
          for (String v : values) {
            Map<String, String> m = new LinkedHashMap<>(partial);
            m.put(e.getKey(), v);
            next.add(m);
          }
        }
        out = next;
      }
      return out;
    }
  }

  /** How an SLO measures good and bad. */
  public sealed interface Sli permits RatioSli, MinutesSli, AlarmsSli {}

  /** Event-based: SLI = 1 - sum(bad) / sum(total) over the window. */
  public record RatioSli(MetricRef bad, MetricRef total) implements Sli {}

  /** Time-based: a minute is good when the minute's {@code statistic} of {@code metric} is below {@code below}. */
  public record MinutesSli(MetricRef metric, BigDecimal below) implements Sli {}

  /** Binary: the objective holds while these signal alarms are OK (e.g. every dead-letter queue is empty). */
  public record AlarmsSli(List<String> alarmIds) implements Sli {}

  public record Slo(String id, String title, BigDecimal objective, String description, Sli sli, String runbook) {
    /** The error budget as a fraction: 1 - objective/100. */
    public BigDecimal budget() {
      return BigDecimal.ONE.subtract(objective.movePointLeft(2)).stripTrailingZeros();
    }
  }

  /** The template.yaml resources a click passes through, for the pipeline dashboard. */
  public record Pipeline(String redirect, String recorder, String aggregator, String queue, List<String> deadLetterQueues, String api) {}

  /** An alarm on one signal (a queue depth, an iterator age, function errors), value >= threshold in M of N periods. */
  public record SignalAlarm(String id, String title, Severity severity, String description, String slo, MetricRef metric,
      Duration period, Threshold threshold, int datapoints, int evaluationPeriods, String runbook) {}

  /**
   * A signal alarm's threshold: a number written in slos.yaml, or a template.yaml parameter of that name, which the
   * nested stack takes as a Number parameter of its own and the parent passes with {@code !Ref} (an operator tunes it
   * per deployment without a re-render).
   */
  public record Threshold(BigDecimal value, String parameter) {
    public static Threshold of(BigDecimal value) {
      return new Threshold(value, null);
    }

    public static Threshold parameter(String name) {
      return new Threshold(null, name);
    }

    /** How a description spells it: the number, or {@code ${Parameter}} for the description's Fn::Sub. */
    public String text() {
      return parameter == null ? value.toPlainString() : "${" + parameter + "}";
    }
  }

  /** Dimensions whose values name template.yaml resources; their physical names become parameters. */
  static final Map<String, String> RESOURCE_DIMENSIONS = Map.of("FunctionName", "Name", "QueueName", "Name", "ApiId", "Id",
      "StateMachineArn", "Arn", "EventBusName", "Name", "RuleName", "Name");

  public Slo slo(String id) {
    return slos.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  public SignalAlarm alarm(String id) {
    return alarms.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  /** A problem with slos.yaml: one line, naming the file and the entry. */
  public static final class SpecException extends RuntimeException {
    public SpecException(String message) {
      super(message);
    }
  }
}
