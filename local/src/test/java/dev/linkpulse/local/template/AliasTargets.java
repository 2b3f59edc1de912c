package dev.linkpulse.local.template;

import dev.linkpulse.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where template.yaml points traffic at a function, and whether at its alias or at the bare function. */
final class AliasTargets {
  /** Resource types that send a function traffic: what must name the alias. */
  static final Set<String> TRAFFIC_TYPES = Set.of("AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Authorizer",
      "AWS::ApiGatewayV2::Route", "AWS::Lambda::Permission", "AWS::Lambda::EventSourceMapping",
      "AWS::Lambda::EventInvokeConfig", "AWS::Events::Rule", "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine");
  private static final Pattern SUB = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.([A-Za-z]+))?}");

  private AliasTargets() {}

  /** Functions with SAM events, or named by a resource that sends them traffic (a state machine's tasks included). */
  static Set<String> servingFunctions(Template t) {
    Set<String> functions = t.resourcesOfType("AWS::Serverless::Function").keySet();
    Set<String> serving = new TreeSet<>();
    t.resourcesOfType("AWS::Serverless::Function").forEach((id, props) -> {
      if (!Template.map(props.get("Events")).isEmpty()) serving.add(id);
    });
    t.resources().forEach((id, r) -> {
      if (!TRAFFIC_TYPES.contains(String.valueOf(r.get("Type")))) return;
      for (String[] target : targets(Template.properties(r))) if (functions.contains(target[0])) serving.add(target[0]);
    });
    return serving;
  }

  /**
   * Every place traffic reaches a function other than through its alias: a traffic resource naming the function or
   * its {@code Arn}, and a function with SAM events but no {@code AutoPublishAlias} (SAM points a function's events at
   * its alias only when it has one).
   */
  static List<String> bareTargets(Template t) {
    Map<String, Map<String, Object>> functions = t.resourcesOfType("AWS::Serverless::Function");
    List<String> bare = new ArrayList<>();
    t.resources().forEach((id, r) -> {
      if (!TRAFFIC_TYPES.contains(String.valueOf(r.get("Type")))) return;
      for (String[] target : targets(Template.properties(r))) {
        if (functions.containsKey(target[0]) && !"Alias".equals(target[1])) {
          bare.add(id + ": targets " + target[0] + (target[1] == null ? "" : "." + target[1]) + ", not " + target[0] + ".Alias");
        }
      }
    });
    functions.forEach((id, props) -> {
      if (!Template.map(props.get("Events")).isEmpty() && !props.containsKey("AutoPublishAlias")) {
        bare.add(id + ": has events but no AutoPublishAlias");
      }
    });
    return bare;
  }

  /** Each (logical id, property or null) a node names through Ref, GetAtt or Sub. */
  static List<String[]> targets(Object node) {
    List<String[]> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(Object node, List<String[]> out) {
    if (node instanceof Map<?, ?> map) {
      if (map.size() == 1) {
        var e = map.entrySet().iterator().next();
        String key = String.valueOf(e.getKey());
        if (key.equals("Ref")) {
          String name = String.valueOf(e.getValue());
          int dot = name.indexOf('.');
          out.add(dot < 0 ? new String[] {name, null} : new String[] {name.substring(0, dot), name.substring(dot + 1)});
          return;
        }
        if (key.equals("Fn::GetAtt")) {
          List<Object> parts = Template.list(e.getValue());
          out.add(new String[] {String.valueOf(parts.get(0)), String.valueOf(parts.get(1))});
          return;
        }
        if (key.equals("Fn::Sub")) {
          Object arg = e.getValue();
          Matcher m = SUB.matcher(arg instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(arg));
          while (m.find()) out.add(new String[] {m.group(1), m.group(2)});
          return;
        }
      }
      map.values().forEach(v -> collect(v, out));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collect(v, out));
    }
  }
}
