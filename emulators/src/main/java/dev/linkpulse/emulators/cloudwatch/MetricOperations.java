package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.time.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** PutMetricData, GetMetricStatistics and ListMetrics; GetMetricData is {@link MetricDataOperation}. */
final class MetricOperations {
  static final int MAX_STATISTICS_DATAPOINTS = 1440;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final MetricStore store;
  private final Timeline timeline;

  MetricOperations(MetricStore store, Timeline timeline) {
    this.store = store;
    this.timeline = timeline;
  }

  JsonNode putMetricData(JsonNode input) {
    List<Datum> data = MetricRequests.metricData(Params.root(input), timeline.now());
    data.forEach(store::put);
    return NODES.objectNode();
  }

  JsonNode getMetricStatistics(JsonNode input) {
    Params p = Params.root(input);
    MetricId metric = MetricRequests.metric(p);
    Instant start = p.time("StartTime");
    Instant end = p.time("EndTime");
    Integer period = p.integer("Period");
    if (start == null) throw CloudWatchErrors.missing("StartTime");
    if (end == null) throw CloudWatchErrors.missing("EndTime");
    if (period == null) throw CloudWatchErrors.missing("Period");
    MetricRequests.checkPeriod(p, "Period", period);
    if (!start.isBefore(end)) throw CloudWatchErrors.invalidValue("The parameter StartTime must be less than the parameter EndTime.");
    List<String> statistics = p.strings("Statistics");
    List<String> extended = p.strings("ExtendedStatistics");
    checkStatistics(statistics, extended);
    long from = MetricDataOperation.roundStart(start, period, timeline.now());
    long to = end.getEpochSecond();
    long points = (to - from + period - 1) / period;
    if (points > MAX_STATISTICS_DATAPOINTS) {
      throw CloudWatchErrors.invalidCombination("You have requested up to " + points + " datapoints, which exceeds the limit of "
          + MAX_STATISTICS_DATAPOINTS + ". You may reduce the datapoints requested by increasing Period, or decreasing the time range.");
    }
    String unit = MetricRequests.unit(p, "Unit");
    ObjectNode out = NODES.objectNode().put("Label", metric.name());
    ArrayNode datapoints = out.putArray("Datapoints");
    String storedUnit = store.unitOf(metric, unit);
    store.aggregate(metric, unit, from, to, period, !extended.isEmpty()).forEach((t, a) -> {
      ObjectNode d = datapoints.addObject();
      d.putPOJO("Timestamp", Instant.ofEpochSecond(t));
      for (String s : statistics) d.put(s, Statistic.parse(s).of(a));
      if (!extended.isEmpty()) {
        ObjectNode ext = d.putObject("ExtendedStatistics");
        for (String s : extended) {
          Double v = Statistic.parse(s).of(a);
          if (v != null) ext.put(s, v);
        }
      }
      d.put("Unit", storedUnit == null ? "None" : storedUnit);
    });
    return out;
  }

  private static void checkStatistics(List<String> statistics, List<String> extended) {
    if (statistics.isEmpty() && extended.isEmpty()) throw CloudWatchErrors.invalidCombination("Must specify either Statistics or ExtendedStatistics");
    if (!statistics.isEmpty() && !extended.isEmpty()) throw CloudWatchErrors.invalidCombination("The parameters Statistics and ExtendedStatistics are mutually exclusive and you have specified both.");
    if (statistics.size() > 5) throw CloudWatchErrors.invalidValue("The collection Statistics must not have a size greater than 5.");
    if (extended.size() > 10) throw CloudWatchErrors.invalidValue("The collection ExtendedStatistics must not have a size greater than 10.");
    for (String s : statistics) {
      if (!Statistic.isStandard(s)) throw CloudWatchErrors.invalidValue("The value " + s + " for parameter Statistics is not valid: use SampleCount, Average, Sum, Minimum or Maximum.");
    }
    for (String s : extended) {
      Statistic stat = Statistic.parse(s);
      if (stat == null || stat.kind() != Statistic.Kind.PERCENTILE) {
        throw CloudWatchErrors.invalidValue("The value " + s + " for parameter ExtendedStatistics is not supported by the local CloudWatch: use a percentile pNN(.NN).");
      }
    }
  }

  JsonNode listMetrics(JsonNode input) {
    Params p = Params.root(input);
    String namespace = p.string("Namespace", 255);
    String name = p.string("MetricName", 255);
    String recentlyActive = p.string("RecentlyActive");
    if (recentlyActive != null && !recentlyActive.equals("PT3H")) throw CloudWatchErrors.invalidValue("The value " + recentlyActive + " for parameter RecentlyActive is invalid: use PT3H.");
    List<Params> filters = p.list("Dimensions");
    if (filters.size() > MetricRequests.MAX_DIMENSIONS) throw CloudWatchErrors.invalidValue("The collection Dimensions must not have a size greater than 30.");
    Predicate<MetricId> match = m -> (namespace == null || namespace.equals(m.namespace())) && (name == null || name.equals(m.name()))
        && filters.stream().allMatch(f -> matches(m.dimensions(), f.string("Name"), f.string("Value")));
    Instant now = timeline.now();
    long since = now.minus(recentlyActive != null ? Duration.ofHours(3) : Duration.ofDays(14)).getEpochSecond();
    Pages.Page<MetricId> page = Pages.page(store.list(match, since), p.string("NextToken"), "metrics", 500);
    ObjectNode out = NODES.objectNode();
    ArrayNode metrics = out.putArray("Metrics");
    for (MetricId m : page.items()) AlarmViews.metric(metrics.addObject(), m);
    if (page.next() != null) out.put("NextToken", page.next());
    return out;
  }

  private static boolean matches(Map<String, String> dimensions, String name, String value) {
    if (name == null) throw CloudWatchErrors.missing("Dimensions.member.N.Name");
    return dimensions.containsKey(name) && (value == null || value.equals(dimensions.get(name)));
  }
}
