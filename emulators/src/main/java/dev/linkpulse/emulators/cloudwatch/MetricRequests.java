package dev.linkpulse.emulators.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the metric parts of requests with the PutMetricData and MetricDataQuery rules of the API reference:
 * names, dimensions (at most 30, unique names), units, values (at most 150 per datum, finite, within
 * 2^-260..2^360 in magnitude), timestamps (two weeks back to two hours ahead), resolutions 1 and 60.
 */
final class MetricRequests {
  static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes",
      "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
      "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
      "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None");
  static final int MAX_DIMENSIONS = 30;
  static final int MAX_VALUES = 150;
  private static final Pattern QUERY_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");
  private static final double MAX_MAGNITUDE = Math.pow(2, 360);
  private static final double MIN_MAGNITUDE = Math.pow(2, -260);

  private MetricRequests() {}

  static String unit(Params p, String name) {
    String unit = p.string(name);
    if (unit != null && !UNITS.contains(unit)) {
      throw CloudWatchErrors.invalidValue("The value " + unit + " for parameter " + p.path(name) + " is not a valid unit.");
    }
    return unit;
  }

  static Map<String, String> dimensions(Params p, String name) {
    List<Params> list = p.list(name);
    if (list.size() > MAX_DIMENSIONS) {
      throw CloudWatchErrors.invalidValue("The collection " + p.path(name) + " must not have a size greater than " + MAX_DIMENSIONS + ".");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Params d : list) {
      String key = d.string("Name", 255);
      String value = d.string("Value", 1024);
      if (key == null) throw CloudWatchErrors.missing(d.path("Name"));
      if (value == null) throw CloudWatchErrors.missing(d.path("Value"));
      if (out.put(key, value) != null) {
        throw CloudWatchErrors.invalidValue("The dimension names in " + p.path(name) + " must be unique; " + key + " is given twice.");
      }
    }
    return out;
  }

  static MetricId metric(Params p) {
    String namespace = p.string("Namespace", 255);
    String name = p.string("MetricName", 255);
    if (namespace == null) throw CloudWatchErrors.missing(p.path("Namespace"));
    if (name == null) throw CloudWatchErrors.missing(p.path("MetricName"));
    return MetricId.of(namespace, name, dimensions(p, "Dimensions"));
  }

  /** PutMetricData's MetricData, checked whole before anything is stored. */
  static List<Datum> metricData(Params request, Instant now) {
    String namespace = request.string("Namespace", 255);
    if (namespace == null) throw CloudWatchErrors.missing("Namespace");
    if (namespace.startsWith("AWS/")) {
      throw CloudWatchErrors.invalidValue("The value " + namespace + " for parameter Namespace is invalid: namespaces starting with AWS/ are reserved for AWS services.");
    }
    List<Params> items = request.list("MetricData");
    if (items.isEmpty()) throw CloudWatchErrors.missing("MetricData");
    if (items.size() > 1000) throw CloudWatchErrors.invalidValue("The collection MetricData must not have a size greater than 1000.");
    List<Datum> out = new ArrayList<>();
    for (Params item : items) out.add(datum(item, namespace, now));
    return out;
  }

  private static Datum datum(Params d, String namespace, Instant now) {
    String name = d.string("MetricName", 255);
    if (name == null) throw CloudWatchErrors.missing(d.path("MetricName"));
    MetricId id = MetricId.of(namespace, name, dimensions(d, "Dimensions"));
    Instant at = d.time("Timestamp");
    if (at == null) at = now;
    if (at.isBefore(now.minus(Duration.ofDays(14))) || at.isAfter(now.plus(Duration.ofHours(2)))) {
      throw CloudWatchErrors.invalidValue("The parameter " + d.path("Timestamp") + " must specify a time no more than two weeks in the past and no more than two hours in the future.");
    }
    Integer resolution = d.integer("StorageResolution");
    if (resolution != null && resolution != 1 && resolution != 60) {
      throw CloudWatchErrors.invalidValue("The value " + resolution + " for parameter " + d.path("StorageResolution") + " is invalid: use 1 or 60.");
    }
    int res = resolution == null ? 60 : resolution;
    String unit = unit(d, "Unit");
    String u = unit == null ? "None" : unit;
    int given = (d.has("Value") ? 1 : 0) + (d.has("StatisticValues") ? 1 : 0) + (d.list("Values").isEmpty() ? 0 : 1);
    if (given > 1) {
      throw CloudWatchErrors.invalidCombination("The parameters " + d.path("Value") + ", " + d.path("StatisticValues") + " and " + d.path("Values") + " are mutually exclusive; give one.");
    }
    if (given == 0) throw CloudWatchErrors.invalidCombination("One of " + d.path("Value") + ", " + d.path("StatisticValues") + " or " + d.path("Values") + " must be given.");
    if (d.has("Value")) return Datum.value(id, at, u, res, value(d, "Value", d.number("Value")));
    if (d.has("StatisticValues")) return new Datum(id, at, u, res, null, null, statisticSet(d.object("StatisticValues")));
    return valuesAndCounts(d, id, at, u, res);
  }

  private static Datum valuesAndCounts(Params d, MetricId id, Instant at, String unit, int res) {
    List<Params> rawValues = d.list("Values");
    List<Params> rawCounts = d.list("Counts");
    if (rawValues.size() > MAX_VALUES) throw CloudWatchErrors.invalidValue("The collection " + d.path("Values") + " must not have a size greater than " + MAX_VALUES + ".");
    if (!rawCounts.isEmpty() && rawCounts.size() != rawValues.size()) {
      throw CloudWatchErrors.invalidValue("The collections " + d.path("Values") + " and " + d.path("Counts") + " must have the same length.");
    }
    List<String> values = d.strings("Values");
    List<String> counts = d.strings("Counts");
    double[] v = new double[values.size()];
    double[] c = new double[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = value(d, "Values", parse(d, "Values", values.get(i)));
      c[i] = counts.isEmpty() ? 1 : parse(d, "Counts", counts.get(i));
      if (!(c[i] >= 0) || Double.isInfinite(c[i])) throw CloudWatchErrors.invalidValue("The value " + counts.get(i) + " in " + d.path("Counts") + " is invalid.");
    }
    return new Datum(id, at, unit, res, v, c, null);
  }

  private static Datum.StatisticSet statisticSet(Params s) {
    Double count = s.number("SampleCount");
    Double sum = s.number("Sum");
    Double min = s.number("Minimum");
    Double max = s.number("Maximum");
    for (String member : List.of("SampleCount", "Sum", "Minimum", "Maximum")) if (!s.has(member)) throw CloudWatchErrors.missing(s.path(member));
    value(s, "SampleCount", count);
    value(s, "Sum", sum);
    value(s, "Minimum", min);
    value(s, "Maximum", max);
    if (count <= 0) throw CloudWatchErrors.invalidValue("The value " + count + " for parameter " + s.path("SampleCount") + " must be greater than 0.");
    if (min > max) throw CloudWatchErrors.invalidValue("The parameter " + s.path("Minimum") + " must not be greater than " + s.path("Maximum") + ".");
    return new Datum.StatisticSet(count, sum, min, max);
  }

  private static double parse(Params p, String name, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw CloudWatchErrors.invalidValue("The value " + text + " for parameter " + p.path(name) + " is not a number.");
    }
  }

  private static double value(Params p, String name, Double v) {
    double a = Math.abs(v);
    if (!Double.isFinite(v) || a > MAX_MAGNITUDE || (a != 0 && a < MIN_MAGNITUDE)) {
      throw CloudWatchErrors.invalidValue("The value " + v + " for parameter " + p.path(name) + " is invalid: values must be finite and within 2^-260..2^360 in magnitude.");
    }
    return v;
  }

  /** GetMetricData's and PutMetricAlarm's MetricDataQuery list; ids unique and lower-case first. */
  static List<MetricQuery> queries(Params request, String name, int max) {
    List<Params> items = request.list(name);
    if (items.isEmpty()) throw CloudWatchErrors.missing(name);
    if (items.size() > max) throw CloudWatchErrors.validation("The collection " + name + " must not have a size greater than " + max + ".");
    Set<String> ids = new LinkedHashSet<>();
    List<MetricQuery> out = new ArrayList<>();
    for (Params q : items) {
      String id = q.string("Id", 255);
      if (id == null) throw CloudWatchErrors.missing(q.path("Id"));
      if (!QUERY_ID.matcher(id).matches()) {
        throw CloudWatchErrors.validation("The value " + id + " for parameter " + q.path("Id") + " is not valid: an Id starts with a lower-case letter and holds only letters, digits and underscores.");
      }
      if (!ids.add(id)) throw CloudWatchErrors.validation("The value " + id + " for parameter " + q.path("Id") + " is used by more than one query.");
      out.add(query(q, id));
    }
    return out;
  }

  private static MetricQuery query(Params q, String id) {
    Params stat = q.object("MetricStat");
    String expression = q.string("Expression", 2048);
    if ((stat == null) == (expression == null)) {
      throw CloudWatchErrors.validation("Query " + id + " must have exactly one of MetricStat and Expression.");
    }
    Boolean returnData = q.bool("ReturnData");
    String label = q.string("Label");
    if (stat != null) return new MetricQuery(id, label, returnData == null || returnData, metricStat(stat), null, null);
    try {
      return new MetricQuery(id, label, returnData == null || returnData, null, expression, MathParser.parse(expression));
    } catch (MathException e) {
      throw CloudWatchErrors.validation("Error in expression " + id + ": " + e.getMessage());
    }
  }

  private static MetricQuery.MetricStat metricStat(Params s) {
    Params metric = s.object("Metric");
    if (metric == null) throw CloudWatchErrors.missing(s.path("Metric"));
    Integer period = s.integer("Period");
    if (period == null) throw CloudWatchErrors.missing(s.path("Period"));
    checkPeriod(s, "Period", period);
    String statName = s.required("Stat");
    Statistic stat = Statistic.parse(statName);
    if (stat == null) {
      throw CloudWatchErrors.validation("The value " + statName + " for parameter " + s.path("Stat") + " is not supported by the local CloudWatch: use SampleCount, Average, Sum, Minimum, Maximum or a percentile pNN(.NN).");
    }
    return new MetricQuery.MetricStat(metric(metric), period, stat, unit(s, "Unit"));
  }

  /** 1, 5, 10, 20, 30 (high-resolution data) or a multiple of 60. */
  static void checkPeriod(Params p, String name, int period) {
    if (period <= 0 || (period % 60 != 0 && !List.of(1, 5, 10, 20, 30).contains(period))) {
      throw CloudWatchErrors.invalidValue("The parameter " + p.path(name) + " must be 1, 5, 10, 20, 30 or a multiple of 60, not " + period + ".");
    }
  }
}
