package dev.linkpulse.local.alarms;

import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nested alarms stack ({@code alarms/alarms.yaml}) as the local stack deploys it: every
 * {@code AWS::CloudWatch::Alarm} and {@code AWS::CloudWatch::CompositeAlarm} with its intrinsics resolved, as the
 * body of the PutMetricAlarm or PutCompositeAlarm call CloudFormation would make (the resource properties are the
 * API's parameters, name for name). {@code !Ref} of a parameter gives what the parent passed (or the default); of a
 * topic, the local ARN {@code arn:aws:sns:<region>:<account>:<AlarmNamePrefix>-<LogicalId>}; {@code !GetAtt X.Arn} of
 * an alarm, its alarm ARN. Dashboards are not deployed.
 */
public final class AlarmsStack {
  static final String METRIC_ALARM = "AWS::CloudWatch::Alarm";
  static final String COMPOSITE_ALARM = "AWS::CloudWatch::CompositeAlarm";

  /** One API call: {@code operation} (PutMetricAlarm or PutCompositeAlarm) with its JSON 1.0 body. */
  public record Call(String logicalId, String operation, Map<String, Object> body) {
    public String alarmName() {
      return String.valueOf(body.get("AlarmName"));
    }
  }

  private final Template template;
  private final Map<String, String> parameters = new LinkedHashMap<>();
  private final Resolver resolver;

  private AlarmsStack(Template template, Map<String, String> passed) {
    this.template = template;
    parameters.putAll(template.parameterDefaults());
    parameters.putAll(passed);
    for (String name : template.parameters().keySet()) {
      if (!parameters.containsKey(name)) throw new IllegalArgumentException("the alarms stack needs parameter " + name);
    }
    this.resolver = new Resolver(parameters, new Resources());
  }

  /** Reads {@code file}; {@code parameters} are what the parent passes (AlarmNamePrefix and the resource names). */
  public static AlarmsStack load(Path file, Map<String, String> parameters) throws IOException {
    return new AlarmsStack(Template.load(file), parameters);
  }

  /** Metric alarms first, in template order, then composites: a composite may only name alarms that exist. */
  public List<Call> calls() {
    List<Call> out = new ArrayList<>();
    template.resourcesOfType(METRIC_ALARM).forEach((id, props) -> out.add(call(id, "PutMetricAlarm", props)));
    template.resourcesOfType(COMPOSITE_ALARM).forEach((id, props) -> out.add(call(id, "PutCompositeAlarm", props)));
    return out;
  }

  /** The local ARN of the stack's topic {@code logicalId}: where its alarms' notifications say they went. */
  public String topicArn(String logicalId) {
    return AwsAccount.arn("sns", parameters.get("AlarmNamePrefix") + "-" + logicalId);
  }

  @SuppressWarnings("unchecked")
  private Call call(String id, String operation, Map<String, Object> props) {
    return new Call(id, operation, (Map<String, Object>) resolver.resolve(props));
  }

  /** What the nested stack's own resources answer to Ref and GetAtt. */
  private final class Resources implements Resolver.Resources {
    @Override
    public String ref(String logicalId) {
      Map<String, Object> resource = template.resources().get(logicalId);
      if (resource != null && "AWS::SNS::Topic".equals(resource.get("Type"))) return topicArn(logicalId);
      throw new IllegalArgumentException("the local alarms stack cannot Ref " + logicalId);
    }

    @Override
    public String getAtt(String logicalId, String attribute) {
      Map<String, Object> resource = template.resources().get(logicalId);
      Object type = resource == null ? null : resource.get("Type");
      if (attribute.equals("Arn") && (METRIC_ALARM.equals(type) || COMPOSITE_ALARM.equals(type))) {
        return AwsAccount.arn("cloudwatch", "alarm:" + resolver.string(Template.properties(resource).get("AlarmName")));
      }
      if (attribute.equals("TopicName") && "AWS::SNS::Topic".equals(type)) return parameters.get("AlarmNamePrefix") + "-" + logicalId;
      throw new IllegalArgumentException("the local alarms stack cannot GetAtt " + logicalId + "." + attribute);
    }
  }
}
