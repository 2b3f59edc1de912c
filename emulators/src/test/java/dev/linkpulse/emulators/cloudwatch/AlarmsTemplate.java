package dev.linkpulse.emulators.cloudwatch;

import dev.linkpulse.emulators.protocol.AwsAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/**
 * The repository's alarms/alarms.yaml read as plain CloudFormation (no product code): its alarm resources become
 * PutMetricAlarm and PutCompositeAlarm requests, with {@code !Sub}, {@code !Ref} and {@code ${X.Arn}} resolved to
 * local names ({@code AlarmNamePrefix} = linkpulse, topics = linkpulse-PageTopic/TicketTopic).
 */
final class AlarmsTemplate {
  static final String PREFIX = "linkpulse";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(\\.Arn)?}");

  private final Map<String, Map<String, Object>> resources;

  private AlarmsTemplate(Map<String, Map<String, Object>> resources) {
    this.resources = resources;
  }

  @SuppressWarnings("unchecked")
  static AlarmsTemplate load() throws IOException {
    Path file = Path.of(System.getProperty("linkpulse.root", "..")).resolve("alarms/alarms.yaml");
    Map<String, Object> template = new Yaml(new CfnConstructor()).load(Files.readString(file));
    return new AlarmsTemplate((Map<String, Map<String, Object>>) (Map<?, ?>) template.get("Resources"));
  }

  static String topicArn(String logicalId) {
    return AwsAccount.arn("sns", PREFIX + "-" + logicalId);
  }

  /** The metric alarms whose name contains {@code part}, then the composites, in template order. */
  List<PutMetricAlarmRequest> metricAlarms(String part) {
    return properties("AWS::CloudWatch::Alarm", part).stream().map(p -> metricAlarm(p, text(p.get("AlarmName")))).toList();
  }

  List<PutCompositeAlarmRequest> compositeAlarms(String part) {
    return properties("AWS::CloudWatch::CompositeAlarm", part).stream().map(p -> PutCompositeAlarmRequest.builder()
        .alarmName(text(p.get("AlarmName"))).alarmDescription(text(p.get("AlarmDescription"))).alarmRule(text(p.get("AlarmRule")))
        .alarmActions(texts(p.get("AlarmActions"))).okActions(texts(p.get("OKActions"))).build()).toList();
  }

  /** The properties of the resources of {@code type} whose resolved AlarmName contains {@code part}. */
  private List<Map<String, Object>> properties(String type, String part) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : resources.values()) {
      if (type.equals(r.get("Type")) && text(props(r).get("AlarmName")).contains(part)) out.add(props(r));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private PutMetricAlarmRequest metricAlarm(Map<String, Object> p, String name) {
    List<MetricDataQuery> queries = new ArrayList<>();
    for (Object q : (List<Object>) p.get("Metrics")) {
      Map<String, Object> m = (Map<String, Object>) q;
      MetricDataQuery.Builder b = MetricDataQuery.builder().id(text(m.get("Id"))).returnData((Boolean) m.get("ReturnData"));
      if (m.containsKey("Label")) b.label(text(m.get("Label")));
      if (m.containsKey("Expression")) b.expression(text(m.get("Expression")));
      if (m.containsKey("MetricStat")) {
        Map<String, Object> stat = (Map<String, Object>) m.get("MetricStat");
        Map<String, Object> metric = (Map<String, Object>) stat.get("Metric");
        List<Dimension> dims = new ArrayList<>();
        for (Object d : (List<Object>) metric.get("Dimensions")) {
          Map<String, Object> dim = (Map<String, Object>) d;
          dims.add(Dimension.builder().name(text(dim.get("Name"))).value(text(dim.get("Value"))).build());
        }
        b.metricStat(MetricStat.builder().metric(Metric.builder().namespace(text(metric.get("Namespace"))).metricName(text(metric.get("MetricName")))
            .dimensions(dims).build()).period(((Number) stat.get("Period")).intValue()).stat(text(stat.get("Stat"))).build());
      }
      queries.add(b.build());
    }
    return PutMetricAlarmRequest.builder().alarmName(name).alarmDescription(text(p.get("AlarmDescription"))).metrics(queries)
        .comparisonOperator(text(p.get("ComparisonOperator"))).threshold(((Number) p.get("Threshold")).doubleValue())
        .evaluationPeriods(((Number) p.get("EvaluationPeriods")).intValue()).datapointsToAlarm(((Number) p.get("DatapointsToAlarm")).intValue())
        .treatMissingData(text(p.get("TreatMissingData"))).alarmActions(texts(p.get("AlarmActions"))).okActions(texts(p.get("OKActions"))).build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> props(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  @SuppressWarnings("unchecked")
  private List<String> texts(Object list) {
    List<String> out = new ArrayList<>();
    if (list != null) for (Object o : (List<Object>) list) out.add(text(o));
    return out;
  }

  /** A scalar, a {@code !Ref} or a {@code !Sub} as the local stack would resolve it. */
  private String text(Object value) {
    if (value instanceof Map<?, ?> tagged) {
      Map.Entry<?, ?> e = tagged.entrySet().iterator().next();
      String arg = String.valueOf(e.getValue());
      return e.getKey().equals("!Ref") ? ref(arg) : sub(arg);
    }
    return String.valueOf(value);
  }

  private String ref(String name) {
    Map<String, Object> r = resources.get(name);
    if (r != null && "AWS::SNS::Topic".equals(r.get("Type"))) return topicArn(name);
    if (name.equals("AlarmNamePrefix")) return PREFIX;
    if (name.equals("RunbookBaseUrl")) return "https://example.test/runbooks/";
    return PREFIX + "-" + name.replaceAll("(Name|Id)$", "");
  }

  private String sub(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(2) != null ? AwsAccount.arn("cloudwatch", "alarm:" + text(props(resources.get(m.group(1))).get("AlarmName"))) : ref(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** CloudFormation's short tags, kept as one-entry maps {tag: argument}. */
  private static final class CfnConstructor extends SafeConstructor {
    CfnConstructor() {
      super(new LoaderOptions());
      for (String tag : List.of("!Sub", "!Ref", "!GetAtt")) {
        yamlConstructors.put(new Tag(tag), new AbstractConstruct() {
          @Override
          public Object construct(Node node) {
            Map<String, Object> tagged = new LinkedHashMap<>();
            tagged.put(tag, constructScalar((ScalarNode) node));
            return tagged;
          }
        });
      }
    }
  }
}
