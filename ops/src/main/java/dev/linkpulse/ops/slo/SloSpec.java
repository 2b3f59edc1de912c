package dev.linkpulse.ops.slo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code alarms/slos.yaml}, parsed and validated: the SLOs, the burn-rate policy that turns each into alarms, and
 * the pipeline's other alarms. Every rule a CloudWatch API call would reject at deploy time (more than 10 metrics in
 * one alarm, an evaluation range past its limit, M greater than N) is rejected here, at render time, with the path
 * of the offending entry.
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
      Duration period, BigDecimal threshold, int datapoints, int evaluationPeriods, String runbook) {}

  static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  static final Pattern RUNBOOK = Pattern.compile("[a-z0-9][a-z0-9-]*\\.md");
  static final Pattern DURATION = Pattern.compile("(\\d+)([mhd])");
  static final Pattern DATAPOINTS = Pattern.compile("(\\d+) of (\\d+)");
  static final Pattern METRIC_NAME = Pattern.compile("[A-Za-z0-9_.:/#-]{1,255}");
  static final Pattern STAT = Pattern.compile("Sum|Average|Minimum|Maximum|SampleCount|p\\d{1,2}(\\.\\d+)?");
  /** Dimensions whose values name template.yaml resources; their physical names become parameters. */
  static final Map<String, String> RESOURCE_DIMENSIONS = Map.of("FunctionName", "Name", "QueueName", "Name", "ApiId", "Id");
  /** A metric-math alarm may reference at most 10 metrics (CloudWatch, alarm-limits). */
  static final int MAX_METRICS_PER_ALARM = 10;
  static final long DAY = 86_400;
  static final long WEEK = 7 * DAY;

  public Slo slo(String id) {
    return slos.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  public SignalAlarm alarm(String id) {
    return alarms.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  /** Reads and validates {@code file}; any problem is a {@link SpecException} naming the file and the entry. */
  public static SloSpec load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SpecException(file + " does not exist");
    } catch (IOException e) {
      throw new SpecException("cannot read " + file + ": " + e.getMessage());
    }
    return parse(text, file.getFileName().toString());
  }

  public static SloSpec parse(String text, String source) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (MarkedYAMLException e) {
      throw new SpecException(source + " is not valid YAML (line " + (e.getProblemMark().getLine() + 1) + "): " + e.getProblem());
    } catch (YAMLException e) {
      throw new SpecException(source + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return new Parser(source).spec(root);
  }

  /** A problem with slos.yaml: one line, naming the file and the entry. */
  public static final class SpecException extends RuntimeException {
    public SpecException(String message) {
      super(message);
    }
  }

  /** "5m", "1h", "3d": minutes, hours or days. */
  public static Duration duration(String text) {
    var m = DURATION.matcher(text == null ? "" : text.trim());
    if (!m.matches()) return null;
    long n = Long.parseLong(m.group(1));
    if (n == 0) return null;
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** The shortest spelling of a duration: 300 s is "5m", 86400 s is "1d". */
  public static String label(Duration d) {
    long s = d.getSeconds();
    if (s % DAY == 0) return s / DAY + "d";
    if (s % 3600 == 0) return s / 3600 + "h";
    if (s % 60 == 0) return s / 60 + "m";
    return s + "s";
  }

  private static final class Parser {
    private final String source;

    Parser(String source) {
      this.source = source;
    }

    SloSpec spec(Object root) {
      Map<String, Object> top = map(root, "the top level");
      allowOnly(top, "the top level", "version", "namespace", "budgetPeriod", "runbookBaseUrl", "burnRates", "slos", "alarms", "pipeline");
      Object version = top.get("version");
      if (!"1".equals(String.valueOf(version))) fail("version must be 1, got '" + version + "'");
      String namespace = string(top, "namespace", "the top level");
      Duration budget = duration(top, "budgetPeriod", "the top level");
      if (budget.getSeconds() % DAY != 0) fail("budgetPeriod must be whole days, got '" + top.get("budgetPeriod") + "'");
      String baseUrl = string(top, "runbookBaseUrl", "the top level");
      if (!baseUrl.matches("https://\\S+/")) fail("runbookBaseUrl must be an https URL ending in '/', got '" + baseUrl + "'");

      List<BurnRate> burnRates = new ArrayList<>();
      Set<String> names = new HashSet<>();
      List<Object> rates = list(top.get("burnRates"), "burnRates");
      if (rates.isEmpty()) fail("burnRates must list at least one window pair");
      for (int i = 0; i < rates.size(); i++) {
        String at = "burnRates[" + i + "]";
        Map<String, Object> r = map(rates.get(i), at);
        allowOnly(r, at, "name", "severity", "long", "short", "factor");
        String name = id(r, "name", at);
        if (!names.add(name)) fail(at + ".name '" + name + "' is used twice");
        Duration longW = duration(r, "long", at);
        Duration shortW = duration(r, "short", at);
        if (shortW.compareTo(longW) >= 0) fail(at + ": the short window must be shorter than the long one");
        if (longW.compareTo(budget) > 0) fail(at + ": the long window is longer than budgetPeriod");
        BigDecimal factor = positive(r, "factor", at);
        burnRates.add(new BurnRate(name, severity(r, at), longW, shortW, factor));
      }

      List<SignalAlarm> alarms = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      List<Object> alarmList = top.containsKey("alarms") ? list(top.get("alarms"), "alarms") : List.of();
      for (int i = 0; i < alarmList.size(); i++) {
        SignalAlarm a = signal(map(alarmList.get(i), "alarms[" + i + "]"), "alarms[" + i + "]", namespace);
        if (!ids.add(a.id())) fail("alarms[" + i + "].id '" + a.id() + "' is used twice");
        alarms.add(a);
      }

      List<Slo> slos = new ArrayList<>();
      List<Object> sloList = list(top.get("slos"), "slos");
      if (sloList.isEmpty()) fail("slos must declare at least one SLO");
      for (int i = 0; i < sloList.size(); i++) {
        String at = "slos[" + i + "]";
        Slo slo = slo(map(sloList.get(i), at), at, namespace, alarms);
        if (!ids.add(slo.id())) fail(at + ".id '" + slo.id() + "' is used twice (SLO and alarm ids share one name space)");
        slos.add(slo);
      }
      for (SignalAlarm a : alarms) {
        if (a.slo() != null && slos.stream().noneMatch(s -> s.id().equals(a.slo()))) {
          fail("alarm '" + a.id() + "' names slo '" + a.slo() + "', which is not declared");
        }
      }
      return new SloSpec(namespace, budget, baseUrl, List.copyOf(burnRates), List.copyOf(slos), List.copyOf(alarms),
          pipeline(map(top.get("pipeline"), "pipeline")));
    }

    Pipeline pipeline(Map<String, Object> p) {
      allowOnly(p, "pipeline", "redirect", "recorder", "aggregator", "queue", "deadLetterQueues", "api");
      List<String> dlqs = list(p.get("deadLetterQueues"), "pipeline.deadLetterQueues").stream().map(String::valueOf).toList();
      for (String id : dlqs) logicalId(id, "pipeline.deadLetterQueues");
      return new Pipeline(logicalId(string(p, "redirect", "pipeline"), "pipeline.redirect"),
          logicalId(string(p, "recorder", "pipeline"), "pipeline.recorder"),
          logicalId(string(p, "aggregator", "pipeline"), "pipeline.aggregator"),
          logicalId(string(p, "queue", "pipeline"), "pipeline.queue"), dlqs,
          logicalId(string(p, "api", "pipeline"), "pipeline.api"));
    }

    String logicalId(String id, String at) {
      if (!id.matches("[A-Za-z][A-Za-z0-9]*")) fail(at + " must be a template.yaml logical id, got '" + id + "'");
      return id;
    }

    Slo slo(Map<String, Object> s, String at, String namespace, List<SignalAlarm> alarms) {
      allowOnly(s, at, "id", "title", "objective", "description", "sli", "runbook");
      String id = id(s, "id", at);
      at = at + " (" + id + ")";
      BigDecimal objective = decimal(s, "objective", at);
      if (objective.signum() <= 0 || objective.compareTo(BigDecimal.valueOf(100)) > 0) {
        fail(at + ".objective must be a percentage above 0 and at most 100, got " + objective.toPlainString());
      }
      Map<String, Object> sli = map(s.get("sli"), at + ".sli");
      if (sli.size() != 1) fail(at + ".sli must have exactly one of ratio, minutes, alarms");
      String kind = sli.keySet().iterator().next();
      Sli parsed = switch (kind) {
        case "ratio" -> {
          Map<String, Object> r = map(sli.get("ratio"), at + ".sli.ratio");
          allowOnly(r, at + ".sli.ratio", "bad", "total");
          MetricRef bad = metric(r.get("bad"), at + ".sli.ratio.bad", namespace, "Sum");
          MetricRef total = metric(r.get("total"), at + ".sli.ratio.total", namespace, "Sum");
          int count = bad.expand().size() + total.expand().size();
          if (count > MAX_METRICS_PER_ALARM) {
            fail(at + ".sli.ratio reads " + count + " metrics; a metric-math alarm may reference at most " + MAX_METRICS_PER_ALARM);
          }
          yield new RatioSli(bad, total);
        }
        case "minutes" -> {
          Map<String, Object> r = map(sli.get("minutes"), at + ".sli.minutes");
          allowOnly(r, at + ".sli.minutes", "metric", "below");
          MetricRef metric = metric(r.get("metric"), at + ".sli.minutes.metric", namespace, null);
          if (metric.expand().size() != 1) fail(at + ".sli.minutes.metric must be exactly one metric (percentiles of several cannot be combined)");
          yield new MinutesSli(metric, positive(r, "below", at + ".sli.minutes"));
        }
        case "alarms" -> {
          List<String> refs = list(sli.get("alarms"), at + ".sli.alarms").stream().map(String::valueOf).toList();
          if (refs.isEmpty()) fail(at + ".sli.alarms must name at least one alarm");
          for (String ref : refs) {
            if (alarms.stream().noneMatch(a -> a.id().equals(ref))) fail(at + ".sli.alarms names '" + ref + "', which is not in alarms");
          }
          yield new AlarmsSli(refs);
        }
        default -> throw fail(at + ".sli must be one of ratio, minutes, alarms, got '" + kind + "'");
      };
      if (parsed instanceof AlarmsSli && objective.compareTo(BigDecimal.valueOf(100)) != 0) {
        fail(at + ": an SLO measured by alarms is binary, its objective must be 100");
      }
      if (!(parsed instanceof AlarmsSli) && objective.compareTo(BigDecimal.valueOf(100)) == 0) {
        fail(at + ".objective 100 leaves no error budget to burn; use sli.alarms for a must-never-happen objective");
      }
      String runbook = string(s, "runbook", at);
      if (!RUNBOOK.matcher(runbook).matches()) fail(at + ".runbook must be a file name like redirect-availability.md, got '" + runbook + "'");
      return new Slo(id, string(s, "title", at), objective.stripTrailingZeros(), string(s, "description", at), parsed, runbook);
    }

    SignalAlarm signal(Map<String, Object> a, String at, String namespace) {
      allowOnly(a, at, "id", "title", "severity", "description", "slo", "metric", "period", "threshold", "datapoints", "runbook");
      String id = id(a, "id", at);
      at = at + " (" + id + ")";
      MetricRef metric = metric(a.get("metric"), at + ".metric", namespace, null);
      int count = metric.expand().size();
      if (count > MAX_METRICS_PER_ALARM) {
        fail(at + " sums " + count + " metrics; a metric-math alarm may reference at most " + MAX_METRICS_PER_ALARM + " (split it in two)");
      }
      Duration period = duration(a, "period", at);
      String dp = string(a, "datapoints", at);
      var m = DATAPOINTS.matcher(dp);
      if (!m.matches()) fail(at + ".datapoints must read 'M of N', got '" + dp + "'");
      int datapoints = Integer.parseInt(m.group(1));
      int evaluation = Integer.parseInt(m.group(2));
      if (datapoints < 1 || datapoints > evaluation) fail(at + ".datapoints: M must be between 1 and N, got '" + dp + "'");
      checkEvaluationRange(period, evaluation, at);
      String runbook = string(a, "runbook", at);
      if (!RUNBOOK.matcher(runbook).matches()) fail(at + ".runbook must be a file name like clicks-dlq-not-empty.md, got '" + runbook + "'");
      String slo = a.containsKey("slo") ? id(a, "slo", at) : null;
      return new SignalAlarm(id, string(a, "title", at), severity(a, at), string(a, "description", at), slo, metric, period,
          decimal(a, "threshold", at), datapoints, evaluation, runbook);
    }

    MetricRef metric(Object node, String at, String namespace, String defaultStat) {
      Map<String, Object> m = map(node, at);
      allowOnly(m, at, "namespace", "name", "service", "stat", "dimensions");
      String ns = m.containsKey("namespace") ? string(m, "namespace", at) : namespace;
      String name = string(m, "name", at);
      if (!METRIC_NAME.matcher(name).matches()) fail(at + ".name '" + name + "' is not a CloudWatch metric name");
      String stat = m.containsKey("stat") ? string(m, "stat", at) : defaultStat;
      if (stat == null) fail(at + ".stat is required (Sum, Maximum, p99, ...)");
      if (!STAT.matcher(stat).matches()) fail(at + ".stat must be Sum, Average, Minimum, Maximum, SampleCount or a percentile like p99, got '" + stat + "'");
      Map<String, Object> dims = new LinkedHashMap<>();
      if (m.containsKey("service")) dims.put("Service", string(m, "service", at));
      if (m.containsKey("dimensions")) {
        int lists = 0;
        for (var e : map(m.get("dimensions"), at + ".dimensions").entrySet()) {
          Object v = e.getValue();
          if (v instanceof List<?> l) {
            lists++;
            if (l.isEmpty()) fail(at + ".dimensions." + e.getKey() + " is an empty list");
            dims.put(e.getKey(), l.stream().map(String::valueOf).toList());
          } else if (v instanceof String || v instanceof Number) {
            dims.put(e.getKey(), String.valueOf(v));
          } else {
            fail(at + ".dimensions." + e.getKey() + " must be a value or a list of values");
          }
          if (RESOURCE_DIMENSIONS.containsKey(e.getKey())) {
            for (Object ref : v instanceof List<?> l ? l : List.of(v)) logicalId(String.valueOf(ref), at + ".dimensions." + e.getKey());
          }
        }
        if (lists > 1) fail(at + ".dimensions: at most one dimension may list several values");
      }
      if (dims.isEmpty()) fail(at + " needs service or dimensions (an undimensioned metric is almost never the one you mean)");
      return new MetricRef(ns, name, stat, dims);
    }

    /** CloudWatch: period x evaluation periods <= 7 days, and <= 1 day when the period is under an hour. */
    void checkEvaluationRange(Duration period, int evaluation, String at) {
      long p = period.getSeconds();
      if (p > DAY) fail(at + ".period may be at most 1d (CloudWatch alarm periods), got " + label(period));
      long range = p * evaluation;
      if (p < 3600 && range > DAY) fail(at + ": period x N = " + range + " s; with a period under 1h CloudWatch evaluates at most 1 day (86400 s)");
      if (range > WEEK) fail(at + ": period x N = " + range + " s; CloudWatch evaluates at most 7 days (604800 s)");
    }

    Severity severity(Map<String, Object> m, String at) {
      String s = string(m, "severity", at);
      return switch (s) {
        case "page" -> Severity.PAGE;
        case "ticket" -> Severity.TICKET;
        default -> throw fail(at + ".severity must be page or ticket, got '" + s + "'");
      };
    }

    String id(Map<String, Object> m, String key, String at) {
      String id = string(m, key, at);
      if (!ID.matcher(id).matches() || id.length() > 60) fail(at + "." + key + " must be kebab-case (a-z, 0-9, -), at most 60 characters, got '" + id + "'");
      return id;
    }

    Duration duration(Map<String, Object> m, String key, String at) {
      String text = string(m, key, at);
      Duration d = SloSpec.duration(text);
      if (d == null) fail(at + "." + key + " must be a duration like 5m, 1h or 3d, got '" + text + "'");
      return d;
    }

    BigDecimal positive(Map<String, Object> m, String key, String at) {
      BigDecimal d = decimal(m, key, at);
      if (d.signum() <= 0) fail(at + "." + key + " must be positive, got " + d.toPlainString());
      return d;
    }

    BigDecimal decimal(Map<String, Object> m, String key, String at) {
      Object v = m.get(key);
      if (v == null) fail(at + "." + key + " is required");
      try {
        return new BigDecimal(String.valueOf(v)).stripTrailingZeros();
      } catch (NumberFormatException e) {
        throw fail(at + "." + key + " must be a number, got '" + v + "'");
      }
    }

    String string(Map<String, Object> m, String key, String at) {
      Object v = m.get(key);
      if (v == null || String.valueOf(v).isBlank()) fail(at + "." + key + " is required");
      if (v instanceof Map || v instanceof List) fail(at + "." + key + " must be a single value");
      return String.valueOf(v).strip();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object node, String at) {
      if (node instanceof Map<?, ?> m) return (Map<String, Object>) m;
      throw fail(at + " must be a mapping" + (node == null ? " (it is missing)" : ""));
    }

    @SuppressWarnings("unchecked")
    List<Object> list(Object node, String at) {
      if (node instanceof List<?> l) return (List<Object>) l;
      throw fail(at + " must be a list" + (node == null ? " (it is missing)" : ""));
    }

    void allowOnly(Map<String, Object> m, String at, String... keys) {
      Set<String> allowed = Set.of(keys);
      for (String k : m.keySet()) if (!allowed.contains(k)) fail(at + " has an unknown key '" + k + "' (allowed: " + String.join(", ", keys) + ")");
    }

    SpecException fail(String message) {
      throw new SpecException(source + ": " + message);
    }
  }
}
