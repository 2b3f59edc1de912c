package dev.linkpulse.ops.slo;

import dev.linkpulse.template.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Does template.yaml wire the nested alarms stack the way the render needs? One {@code AWS::CloudFormation::Stack}
 * with {@code TemplateURL: alarms/alarms.yaml}, passing every parameter that has no default, with the right intrinsic
 * ({@code !Ref Function}, {@code !GetAtt Queue.QueueName}, {@code !Ref Api}), and nothing the nested template does
 * not declare.
 */
public final class Wiring {
  private Wiring() {}

  /** Problems, each a line a person can act on; empty when the wiring is right. */
  public static List<String> problems(Path parentTemplate, SloSpec spec) {
    List<String> out = new ArrayList<>();
    if (!Files.exists(parentTemplate)) return List.of(parentTemplate + " does not exist");
    Template parent;
    try {
      parent = Template.load(parentTemplate);
    } catch (IOException | RuntimeException e) {
      return List.of("cannot read " + parentTemplate + ": " + e.getMessage());
    }
    Map<String, Map<String, Object>> stacks = new LinkedHashMap<>();
    parent.resourcesOfType("AWS::CloudFormation::Stack").forEach((id, props) -> {
      if (SloRenderer.ALARMS.equals(String.valueOf(props.get("TemplateURL")))) stacks.put(id, props);
    });
    if (stacks.size() != 1) {
      return List.of("template.yaml must have exactly one AWS::CloudFormation::Stack with TemplateURL: " + SloRenderer.ALARMS
          + ", found " + stacks.size());
    }
    String id = stacks.keySet().iterator().next();
    Map<String, Object> passed = Template.map(stacks.get(id).get("Parameters"));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("AlarmNamePrefix", Map.of("Ref", "AWS::StackName"));
    AlarmPlan plan = AlarmPlan.of(spec);
    for (StackParameters.Param p : plan.params()) {
      Object v = p.parentValue();
      expected.put(p.name(), intrinsic(v));
    }
    for (String threshold : plan.thresholdParams()) {
      if (!parent.parameters().containsKey(threshold)) out.add("template.yaml declares no parameter " + threshold + ", which an alarm's threshold names");
      expected.put(threshold, Map.of("Ref", threshold));
    }
    expected.forEach((name, value) -> {
      if (!passed.containsKey(name)) {
        out.add(id + " does not pass parameter " + name + " (add `" + name + ": " + shortForm(value) + "`)");
      } else if (!value.equals(passed.get(name)) && !name.equals("AlarmNamePrefix")) {
        out.add(id + " passes " + name + " as " + passed.get(name) + ", expected " + shortForm(value));
      }
    });
    for (String name : passed.keySet()) {
      if (!expected.containsKey(name) && !name.equals("RunbookBaseUrl")) {
        out.add(id + " passes " + name + ", which " + SloRenderer.ALARMS + " does not declare (CloudFormation rejects it)");
      }
    }
    return out;
  }

  /** A parameter's value as the template reader gives it (the long form of each intrinsic). */
  private static Map<String, Object> intrinsic(Object v) {
    if (v instanceof Cfn.GetAtt g) return Map.of("Fn::GetAtt", List.of(g.resource(), g.attribute()));
    if (v instanceof Cfn.RuleName n) return Map.of("Fn::Select", List.of(2, Map.of("Fn::Split", List.of("/", intrinsic(Cfn.getAtt(n.rule(), "Arn"))))));
    return Map.of("Ref", ((Cfn.Ref) v).name());
  }

  private static String shortForm(Object intrinsic) {
    Map<?, ?> m = (Map<?, ?>) intrinsic;
    if (m.containsKey("Ref")) return "!Ref " + m.get("Ref");
    if (m.containsKey("Fn::Select")) {
      Map<?, ?> split = (Map<?, ?>) ((List<?>) m.get("Fn::Select")).get(1);
      return "!Select [2, !Split ['/', " + shortForm(((List<?>) split.get("Fn::Split")).get(1)) + "]]";
    }
    List<?> parts = (List<?>) m.get("Fn::GetAtt");
    return "!GetAtt " + parts.get(0) + "." + parts.get(1);
  }
}
