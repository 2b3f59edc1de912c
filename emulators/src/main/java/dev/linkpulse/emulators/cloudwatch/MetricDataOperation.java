package dev.linkpulse.emulators.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.linkpulse.emulators.time.Timeline;

/**
 * GetMetricData: up to 500 queries (metrics and metric-math expressions) over one time range; each result lists
 * timestamps and values, newest first unless ScanBy says TimestampAscending; MaxDatapoints (default 100,800)
 * bounds a page and NextToken continues it.
 */
final class MetricDataOperation {
  static final int MAX_QUERIES = 500;
  static final int DEFAULT_MAX_DATAPOINTS = 100_800;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final MetricQueries queries;
  private final Timeline timeline;

  MetricDataOperation(MetricStore store, Timeline timeline) {
    this.queries = new MetricQueries(store);
    this.timeline = timeline;
  }

  JsonNode getMetricData(JsonNode input) {
    Params p = Params.root(input);
    List<MetricQuery> list = MetricRequests.queries(p, "MetricDataQueries", MAX_QUERIES);
    Instant start = p.time("StartTime");
    Instant end = p.time("EndTime");
    if (start == null) throw CloudWatchErrors.missing("StartTime");
    if (end == null) throw CloudWatchErrors.missing("EndTime");
    if (!start.isBefore(end)) throw CloudWatchErrors.validation("The parameter StartTime must be less than the parameter EndTime.");
    String scanBy = p.string("ScanBy");
    if (scanBy != null && !scanBy.equals("TimestampDescending") && !scanBy.equals("TimestampAscending")) {
      throw CloudWatchErrors.validation(p.constraint(scanBy, "ScanBy", "Member must satisfy enum value set: [TimestampDescending, TimestampAscending]"));
    }
    Integer max = p.integer("MaxDatapoints");
    if (max != null && max < 1) throw CloudWatchErrors.validation(p.constraint(max, "MaxDatapoints", "Member must have value greater than or equal to 1"));
    long period = list.stream().filter(q -> q.metricStat() != null).mapToLong(q -> q.metricStat().period()).min().orElse(60);
    List<MetricQueries.Result> results;
    try {
      results = queries.run(list, roundStart(start, period, timeline.now()), end.getEpochSecond());
    } catch (MathException e) {
      throw CloudWatchErrors.validation(e.getMessage());
    }
    return render(results, "TimestampAscending".equals(scanBy), max == null ? DEFAULT_MAX_DATAPOINTS : max, p.string("NextToken"));
  }

  /**
   * Where the first period starts: the start time rounded down to the minute (to the period below a minute),
   * then to 5 minutes past 15 days and to the hour past 63 days, as the API reference describes.
   */
  static long roundStart(Instant start, long period, Instant now) {
    long s = start.getEpochSecond();
    long age = now.getEpochSecond() - s;
    long step = period < 60 ? period : 60;
    if (age > Duration.ofDays(63).toSeconds()) step = Math.max(step, 3600);
    else if (age > Duration.ofDays(15).toSeconds()) step = Math.max(step, 300);
    return Math.floorDiv(s, step) * step;
  }

  private static ObjectNode render(List<MetricQueries.Result> results, boolean ascending, int max, String token) {
    record Point(int result, long t, double v) {}
    List<Point> all = new ArrayList<>();
    List<String[]> heads = new ArrayList<>();
    for (MetricQueries.Result r : results) {
      for (Series s : r.series()) {
        int index = heads.size();
        heads.add(new String[] {r.id(), s.label()});
        List<Map.Entry<Long, Double>> entries = new ArrayList<>((ascending ? s.points() : s.points().descendingMap()).entrySet());
        for (Map.Entry<Long, Double> e : entries) all.add(new Point(index, e.getKey(), e.getValue()));
      }
    }
    Pages.Page<Point> page = Pages.page(all, token, "data", max);
    ObjectNode out = NODES.objectNode();
    ArrayNode array = out.putArray("MetricDataResults");
    List<ArrayNode[]> columns = new ArrayList<>();
    for (String[] head : heads) {
      ObjectNode r = array.addObject().put("Id", head[0]).put("Label", head[1]);
      columns.add(new ArrayNode[] {r.putArray("Timestamps"), r.putArray("Values")});
      r.put("StatusCode", page.next() == null ? "Complete" : "PartialData");
      r.putArray("Messages");
    }
    for (Point pt : page.items()) {
      columns.get(pt.result())[0].addPOJO(Instant.ofEpochSecond(pt.t()));
      columns.get(pt.result())[1].add(pt.v());
    }
    out.putArray("Messages");
    if (page.next() != null) out.put("NextToken", page.next());
    return out;
  }
}
