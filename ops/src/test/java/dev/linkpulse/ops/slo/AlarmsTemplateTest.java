package dev.linkpulse.ops.slo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated nested template, read back the way the local stack reads template.yaml ({@code CfnYaml}): every
 * reference resolves, every alarm links a runbook that exists, and every alarm keeps within CloudWatch's limits
 * (alarms/README.md cites them). Runs on the committed file and on the golden fixture's expected file.
 */
class AlarmsTemplateTest {
  static final Path ROOT = LocalConfig.findRoot();
  static final Pattern RUNBOOK_URL = Pattern.compile("\\$\\{RunbookBaseUrl}([a-z0-9-]+\\.md)");
  static final String ALARM = "AWS::CloudWatch::Alarm";
  static final String COMPOSITE = "AWS::CloudWatch::CompositeAlarm";

  static Stream<Path> templates() {
    return Stream.of(ROOT.resolve("alarms/alarms.yaml"), SloRenderGoldenTest.EXPECTED.resolve("alarms/alarms.yaml"));
  }

  @ParameterizedTest
  @MethodSource("templates")
  void everyRefGetAttAndSubResolvesToAParameterAResourceOrAPseudoParameter(Path file) throws IOException {
    Template t = Template.load(file);
    Set<String> known = new HashSet<>(t.resources().keySet());
    known.addAll(t.parameters().keySet());
    known.addAll(Template.PSEUDO_PARAMETERS);
    List<String> dangling = new ArrayList<>();
    for (String ref : Resolver.references(t.root())) if (!known.contains(ref)) dangling.add(ref);
    assertThat(dangling).as("references to nothing in " + file).isEmpty();
    // and every GetAtt names an attribute the resource type has
    t.walk((key, value) -> {
      if (key.equals("Fn::GetAtt")) {
        List<Object> parts = Template.list(value);
        String type = String.valueOf(t.resources().get(String.valueOf(parts.get(0))).get("Type"));
        assertThat(type + "." + parts.get(1)).isIn(ALARM + ".Arn", COMPOSITE + ".Arn");
      }
    });
  }

  @ParameterizedTest
  @MethodSource("templates")
  void everyAlarmDescriptionEndsWithARunbookUrl(Path file) throws IOException {
    for (var e : alarms(Template.load(file)).entrySet()) {
      Map<String, Object> sub = Template.map(e.getValue().get("AlarmDescription"));
      assertThat(sub).as(e.getKey() + ".AlarmDescription is a !Sub").containsKey("Fn::Sub");
      String text = String.valueOf(sub.get("Fn::Sub"));
      assertThat(RUNBOOK_URL.matcher(text).find()).as(e.getKey() + " links a runbook: " + text).isTrue();
      String resolved = text.replace("${RunbookBaseUrl}", "https://github.com/some-organisation/linkpulse/blob/main/runbooks/")
          .replace("${AlarmNamePrefix}", "linkpulse-production-eu-west-1");
      assertThat(resolved.length()).as(e.getKey() + " description, substituted (CloudWatch: at most 1024)").isLessThanOrEqualTo(1024);
    }
  }

  @Test
  void everyLinkedRunbookExists() throws IOException {
    Template t = Template.load(ROOT.resolve("alarms/alarms.yaml"));
    List<String> missing = new ArrayList<>();
    Set<String> linked = new HashSet<>();
    alarms(t).forEach((id, props) -> {
      Matcher m = RUNBOOK_URL.matcher(String.valueOf(Template.map(props.get("AlarmDescription")).get("Fn::Sub")));
      while (m.find()) {
        linked.add(m.group(1));
        if (!Files.isRegularFile(ROOT.resolve("runbooks").resolve(m.group(1)))) missing.add(id + " -> runbooks/" + m.group(1));
      }
    });
    assertThat(missing).as("alarms whose runbook file is missing").isEmpty();
    assertThat(linked).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void everyMetricMathAlarmKeepsWithinCloudWatchLimits(Path file) throws IOException {
    Template t = Template.load(file);
    t.resourcesOfType(ALARM).forEach((id, props) -> {
      List<Object> queries = Template.list(props.get("Metrics"));
      assertThat(queries).as(id + " is a metric-math alarm").isNotEmpty();
      assertThat(props).as(id + ": a metric-math alarm sets no top-level metric").doesNotContainKeys("MetricName", "Namespace", "Period", "Statistic");
      Set<Integer> periods = new HashSet<>();
      Set<String> ids = new HashSet<>();
      int stats = 0;
      int expressions = 0;
      int returned = 0;
      for (Object q : queries) {
        Map<String, Object> query = Template.map(q);
        String qid = String.valueOf(query.get("Id"));
        assertThat(qid).as(id + " query id").matches("[a-z][A-Za-z0-9_]*");
        assertThat(ids.add(qid)).as(id + ": unique id " + qid).isTrue();
        if (Boolean.TRUE.equals(query.get("ReturnData"))) returned++;
        if (query.containsKey("MetricStat")) {
          stats++;
          periods.add(Integer.parseInt(String.valueOf(Template.map(query.get("MetricStat")).get("Period"))));
        } else {
          expressions++;
          assertThat(String.valueOf(query.get("Expression"))).as(id + ": alarms must not use functions that read past the evaluation range")
              .doesNotContain("RUNNING_SUM", "SEARCH(", "AVG(", "SUM(", "MAX(", "MIN(", "STDDEV(", "DATAPOINT_COUNT", "METRICS(");
        }
      }
      assertThat(stats).as(id + ": at most 10 metrics per metric-math alarm").isBetween(1, 10);
      assertThat(expressions).as(id + ": at most 10 expressions").isBetween(1, 10);
      assertThat(returned).as(id + ": exactly one query returns data").isEqualTo(1);
      assertThat(periods).as(id + ": every metric of one alarm uses the same period").hasSize(1);
      int period = periods.iterator().next();
      int evaluation = Integer.parseInt(String.valueOf(props.get("EvaluationPeriods")));
      int datapoints = Integer.parseInt(String.valueOf(props.get("DatapointsToAlarm")));
      assertThat(period % 60).as(id + ": period is a multiple of 60").isZero();
      assertThat(period).as(id + ": period at most 1 day").isLessThanOrEqualTo(86_400);
      assertThat(datapoints).as(id + ": M of N").isBetween(1, evaluation);
      long range = (long) period * evaluation;
      assertThat(range).as(id + ": period x evaluation periods").isLessThanOrEqualTo(period < 3600 ? 86_400 : 604_800);
      assertThat(props.get("TreatMissingData")).isEqualTo("notBreaching");
      assertThat(props.get("ComparisonOperator")).isEqualTo("GreaterThanOrEqualToThreshold");
    });
  }

  @ParameterizedTest
  @MethodSource("templates")
  void everyCompositeCombinesTwoAlarmsOfThisStackAndNotifies(Path file) throws IOException {
    Template t = Template.load(file);
    Map<String, Map<String, Object>> windows = t.resourcesOfType(ALARM);
    Set<String> used = new HashSet<>();
    t.resourcesOfType(COMPOSITE).forEach((id, props) -> {
      String rule = String.valueOf(Template.map(props.get("AlarmRule")).get("Fn::Sub"));
      assertThat(rule.length()).as(id + ": AlarmRule at most 10240 characters").isLessThanOrEqualTo(10_240);
      Matcher m = Pattern.compile("ALARM\\(\"\\$\\{([A-Za-z0-9]+)\\.Arn}\"\\)").matcher(rule);
      List<String> parts = new ArrayList<>();
      while (m.find()) parts.add(m.group(1));
      assertThat(parts).as(id + " rule " + rule).hasSize(2);
      assertThat(rule).isEqualTo("ALARM(\"${" + parts.get(0) + ".Arn}\") AND ALARM(\"${" + parts.get(1) + ".Arn}\")");
      assertThat(windows).containsKeys(parts.get(0), parts.get(1));
      used.addAll(parts);
      for (String window : parts) {
        assertThat(windows.get(window)).as(window + " notifies through its composite only").doesNotContainKeys("AlarmActions", "OKActions");
      }
      assertThat(Template.list(props.get("AlarmActions"))).hasSize(1);
      assertThat(Template.list(props.get("OKActions"))).isEqualTo(Template.list(props.get("AlarmActions")));
    });
    windows.forEach((id, props) -> {
      if (!used.contains(id)) assertThat(Template.list(props.get("AlarmActions"))).as(id + " (a signal alarm) notifies").hasSize(1);
    });
  }

  @ParameterizedTest
  @MethodSource("templates")
  void theTemplateFitsCloudFormationAndEmbedsTheDashboardsVerbatim(Path file) throws IOException {
    assertThat(Files.size(file)).as("a template uploaded to S3 may be 1 MB").isLessThan(1_000_000);
    Template t = Template.load(file);
    assertThat(t.resources().size()).as("resources per template").isLessThanOrEqualTo(500);
    assertThat(t.parameters().size()).as("parameters per template").isLessThanOrEqualTo(200);
    assertThat(String.valueOf(t.root().get("Description")).length()).as("template description").isLessThanOrEqualTo(1024);
    Path dashboards = file.getParent().getParent().resolve("dashboards");
    Map<String, Map<String, Object>> bodies = t.resourcesOfType("AWS::CloudWatch::Dashboard");
    assertThat(bodies).containsOnlyKeys("SloDashboard", "PipelineDashboard");
    for (var e : Map.of("SloDashboard", "slo.json", "PipelineDashboard", "pipeline.json").entrySet()) {
      String body = String.valueOf(Template.map(bodies.get(e.getKey()).get("DashboardBody")).get("Fn::Sub"));
      assertThat(body).isEqualTo(Files.readString(dashboards.resolve(e.getValue()), StandardCharsets.UTF_8));
      JsonNode json = Json.tree(body);
      assertThat(json.path("widgets").size()).isPositive();
      for (JsonNode w : json.path("widgets")) {
        assertThat(w.path("x").asInt() + w.path("width").asInt()).as("widget fits the 24-column grid").isLessThanOrEqualTo(24);
        for (JsonNode row : w.path("properties").path("metrics")) {
          int metricsInRow = 0;
          for (JsonNode part : row) if (part.isTextual()) metricsInRow++;
          assertThat(metricsInRow == 0 || metricsInRow % 2 == 0).as("a metric row is namespace, name, then dimension pairs: " + row).isTrue();
        }
      }
    }
  }

  @Test
  void theParentPassesEveryParameterWithoutADefaultAndNothingElse() throws IOException {
    Template nested = Template.load(ROOT.resolve("alarms/alarms.yaml"));
    Template parent = Template.load(ROOT.resolve("template.yaml"));
    Map<String, Map<String, Object>> stacks = new LinkedHashMap<>();
    parent.resourcesOfType("AWS::CloudFormation::Stack").forEach((id, props) -> {
      if ("alarms/alarms.yaml".equals(props.get("TemplateURL"))) stacks.put(id, props);
    });
    assertThat(stacks).hasSize(1);
    Map<String, Object> passed = Template.map(stacks.values().iterator().next().get("Parameters"));
    List<String> required = new ArrayList<>();
    nested.parameters().forEach((name, spec) -> {
      if (!Template.map(spec).containsKey("Default")) required.add(name);
    });
    assertThat(passed.keySet()).containsAll(required);
    assertThat(nested.parameters().keySet()).containsAll(passed.keySet());
    // each passes the resource the parameter is named after, resolvable in the parent
    Set<String> parentIds = parent.resources().keySet();
    passed.forEach((name, value) -> {
      List<String> refs = Resolver.references(value);
      assertThat(refs).as(name).hasSize(1);
      String ref = refs.get(0);
      if (parent.parameters().containsKey(ref) && !name.equals("AlarmNamePrefix")) {
        assertThat(name).as("an alarm threshold passes the parent's parameter of its own name").isEqualTo(ref);
        assertThat(Template.map(nested.parameters().get(name))).containsEntry("Type", "Number");
      } else if (!name.equals("AlarmNamePrefix")) {
        assertThat(parentIds).contains(ref);
        assertThat(name).isIn(ref + "Name", ref + "Id", ref + "Arn");
      }
    });
  }

  static Map<String, Map<String, Object>> alarms(Template t) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>(t.resourcesOfType(ALARM));
    out.putAll(t.resourcesOfType(COMPOSITE));
    return out;
  }
}
