package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.cloudwatch.MathTypes.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads PutMetricAlarm and PutCompositeAlarm with the API reference's rules: names (1-255 ASCII), descriptions
 * (1024), at most 5 actions per state (SNS topics or Lambda functions here), periods of 10, 20, 30 or a multiple
 * of 60, Period x EvaluationPeriods at most 7 days (1 day below a 1-hour period), DatapointsToAlarm at most
 * EvaluationPeriods, one metric or up to 20 queries (10 metrics) of which exactly one returns data, all metrics of
 * one period, and an expression that returns a single time series.
 */
final class AlarmRequests {
  private static final Pattern ACTION = Pattern.compile("arn:aws:(sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}|lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_:-]+)");

  private AlarmRequests() {}

  static MetricAlarm metricAlarm(Params p) {
    String name = name(p);
    int evaluationPeriods = positive(p, "EvaluationPeriods");
    Integer datapoints = p.integer("DatapointsToAlarm");
    if (datapoints != null && (datapoints < 1 || datapoints > evaluationPeriods)) {
      throw CloudWatchErrors.validation("DatapointsToAlarm (" + datapoints + ") must be between 1 and EvaluationPeriods (" + evaluationPeriods + ").");
    }
    String operator = p.required("ComparisonOperator");
    if (Comparison.ANOMALY.contains(operator)) {
      throw CloudWatchErrors.validation("ComparisonOperator " + operator + " needs an anomaly detection band (ThresholdMetricId), which the local CloudWatch does not evaluate.");
    }
    Comparison comparison = Comparison.parse(operator);
    if (comparison == null) throw CloudWatchErrors.validation(p.constraint(operator, "ComparisonOperator", "Member must satisfy enum value set"));
    if (p.has("ThresholdMetricId")) throw CloudWatchErrors.validation("ThresholdMetricId (anomaly detection) is not supported by the local CloudWatch.");
    Double threshold = p.number("Threshold");
    if (threshold == null) throw CloudWatchErrors.validation("Threshold is required for an alarm on a static threshold.");
    TreatMissingData treat = TreatMissingData.parse(p.string("TreatMissingData", 255));
    if (treat == null) throw CloudWatchErrors.validation(p.constraint(p.string("TreatMissingData"), "TreatMissingData", "Member must be one of breaching, notBreaching, ignore, missing"));
    String lowSamples = p.string("EvaluateLowSampleCountPercentile", 255);
    if (lowSamples != null && !lowSamples.equals("evaluate") && !lowSamples.equals("ignore")) {
      throw CloudWatchErrors.validation("EvaluateLowSampleCountPercentile must be evaluate or ignore, not " + lowSamples + ".");
    }
    boolean math = !p.list("Metrics").isEmpty();
    Source source = math ? mathSource(p) : metricSource(p);
    checkWindow(source.period, evaluationPeriods);
    return new MetricAlarm(name, description(p), actionsEnabled(p), actions(p), source.metric, source.statistic, source.extended,
        source.period, source.unit, source.queries, evaluationPeriods, datapoints == null ? evaluationPeriods : datapoints,
        threshold, comparison, treat, lowSamples);
  }

  private record Source(MetricId metric, String statistic, boolean extended, long period, String unit, List<MetricQuery> queries) {}

  private static Source metricSource(Params p) {
    if (!p.has("MetricName") || !p.has("Namespace")) throw CloudWatchErrors.validation("An alarm needs MetricName and Namespace, or Metrics.");
    MetricId metric = MetricRequests.metric(p);
    String statistic = p.string("Statistic");
    String extended = p.string("ExtendedStatistic");
    if ((statistic == null) == (extended == null)) throw CloudWatchErrors.validation("An alarm on a metric needs exactly one of Statistic and ExtendedStatistic.");
    if (statistic != null && !Statistic.isStandard(statistic)) throw CloudWatchErrors.validation(p.constraint(statistic, "Statistic", "Member must satisfy enum value set: [SampleCount, Average, Sum, Minimum, Maximum]"));
    if (extended != null && (Statistic.parse(extended) == null || Statistic.isStandard(extended))) {
      throw CloudWatchErrors.validation("ExtendedStatistic " + extended + " is not supported by the local CloudWatch: use a percentile pNN(.NN).");
    }
    Integer period = p.integer("Period");
    if (period == null) throw CloudWatchErrors.validation("Period is required for an alarm on a metric.");
    alarmPeriod(period);
    return new Source(metric, statistic != null ? statistic : extended, extended != null, period, MetricRequests.unit(p, "Unit"), null);
  }

  private static Source mathSource(Params p) {
    for (String single : List.of("MetricName", "Namespace", "Statistic", "ExtendedStatistic", "Period", "Dimensions", "Unit")) {
      if (p.has(single) && !(single.equals("Dimensions") && p.list(single).isEmpty())) {
        throw CloudWatchErrors.validation("Metrics and " + single + " are mutually exclusive: an alarm watches one metric or a list of queries.");
      }
    }
    List<MetricQuery> queries = MetricRequests.queries(p, "Metrics", 20);
    long stats = queries.stream().filter(q -> q.metricStat() != null).count();
    if (stats == 0) throw CloudWatchErrors.validation("Metrics must contain at least one MetricStat.");
    if (stats > 10 || queries.size() - stats > 10) throw CloudWatchErrors.validation("Metrics may hold at most 10 MetricStat and 10 Expression queries.");
    List<MetricQuery> returning = queries.stream().filter(MetricQuery::returnData).toList();
    if (returning.size() != 1) throw CloudWatchErrors.validation("Exactly one element of the Metrics list must have ReturnData set to true, not " + returning.size() + ".");
    long period = queries.stream().filter(q -> q.metricStat() != null).findFirst().orElseThrow().metricStat().period();
    for (MetricQuery q : queries) {
      if (q.metricStat() != null && q.metricStat().period() != period) throw CloudWatchErrors.validation("All metrics of an alarm must use the same period (" + period + " and " + q.metricStat().period() + ").");
    }
    alarmPeriod((int) period);
    Map<String, Type> types;
    try {
      types = MetricQueries.check(queries);
    } catch (MathException e) {
      throw CloudWatchErrors.validation(e.getMessage());
    }
    if (types.get(returning.get(0).id()) != Type.SERIES) {
      throw CloudWatchErrors.validation("The expression " + returning.get(0).id() + " must return a single time series, not " + MathTypes.describe(types.get(returning.get(0).id())) + ".");
    }
    return new Source(null, null, false, period, null, queries);
  }

  private static void alarmPeriod(int period) {
    if (period != 10 && period != 20 && period != 30 && (period <= 0 || period % 60 != 0)) {
      throw CloudWatchErrors.validation("The alarm period must be 10, 20, 30 or a multiple of 60, not " + period + ".");
    }
  }

  private static void checkWindow(long period, int evaluationPeriods) {
    long total = period * evaluationPeriods;
    if (total > 604_800) throw CloudWatchErrors.validation("Period x EvaluationPeriods (" + total + " s) must not exceed 604800 s (7 days).");
    if (period < 3600 && total > 86_400) throw CloudWatchErrors.validation("For a period under 1 hour, Period x EvaluationPeriods (" + total + " s) must not exceed 86400 s (1 day).");
  }

  static CompositeAlarm compositeAlarm(Params p) {
    String name = name(p);
    String ruleText = p.string("AlarmRule", 10240);
    if (ruleText == null) throw CloudWatchErrors.missing("AlarmRule");
    for (String unsupported : List.of("ActionsSuppressor", "ActionsSuppressorWaitPeriod", "ActionsSuppressorExtensionPeriod")) {
      if (p.has(unsupported)) throw CloudWatchErrors.validation(unsupported + " is not supported by the local CloudWatch.");
    }
    AlarmRule rule;
    try {
      rule = AlarmRule.parse(ruleText);
    } catch (IllegalArgumentException e) {
      throw CloudWatchErrors.validation(e.getMessage());
    }
    if (rule.alarms().size() > 100) throw CloudWatchErrors.validation("An AlarmRule may name at most 100 alarms, not " + rule.alarms().size() + ".");
    return new CompositeAlarm(name, description(p), actionsEnabled(p), actions(p), ruleText, rule);
  }

  static String name(Params p) {
    String name = p.string("AlarmName", 255);
    if (name == null) throw CloudWatchErrors.missing("AlarmName");
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(name)) throw CloudWatchErrors.validation("Alarm names must contain only ASCII characters: " + name);
    return name;
  }

  private static String description(Params p) {
    String d = p.string("AlarmDescription");
    if (d != null && d.length() > 1024) throw CloudWatchErrors.validation(p.constraint("...", "AlarmDescription", "Member must have length less than or equal to 1024"));
    return d;
  }

  private static boolean actionsEnabled(Params p) {
    Boolean enabled = p.bool("ActionsEnabled");
    return enabled == null || enabled;
  }

  private static AlarmActions actions(Params p) {
    return new AlarmActions(actionList(p, "OKActions"), actionList(p, "AlarmActions"), actionList(p, "InsufficientDataActions"));
  }

  private static List<String> actionList(Params p, String name) {
    List<String> arns = p.strings(name);
    if (arns.size() > 5) throw CloudWatchErrors.validation(p.constraint(arns.size() + " actions", name, "Member must have length less than or equal to 5"));
    for (String arn : arns) {
      if (!ACTION.matcher(arn).matches()) {
        throw CloudWatchErrors.validation("Invalid arn syntax or unsupported action: " + arn + " (the local CloudWatch delivers to SNS topics and Lambda functions).");
      }
    }
    return arns;
  }

  private static int positive(Params p, String name) {
    Integer v = p.integer(name);
    if (v == null) throw CloudWatchErrors.missing(name);
    if (v < 1) throw CloudWatchErrors.validation(p.constraint(v, name, "Member must have value greater than or equal to 1"));
    return v;
  }
}
