package dev.linkpulse.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates intrinsic functions against concrete values: parameters, pseudo parameters, and what a resource's
 * {@code Ref} and {@code Fn::GetAtt} give (supplied by whoever created the resource, here the local stack).
 */
public final class Resolver {
  /** What a resource answers to {@code Ref} and {@code Fn::GetAtt}. */
  public interface Resources {
    String ref(String logicalId);

    String getAtt(String logicalId, String attribute);
  }

  private static final Pattern SUB = Pattern.compile("\\$\\{([^}!][^}]*)}");

  private final Map<String, String> parameters;
  private final Resources resources;

  public Resolver(Map<String, String> parameters, Resources resources) {
    this.parameters = parameters;
    this.resources = resources;
  }

  public String string(Object node) {
    Object v = resolve(node);
    return v == null ? null : String.valueOf(v);
  }

  public Object resolve(Object node) {
    if (node instanceof Map<?, ?> map) {
      if (map.size() == 1) {
        var entry = map.entrySet().iterator().next();
        String key = String.valueOf(entry.getKey());
        Object arg = entry.getValue();
        switch (key) {
          case "Ref":
            return ref(String.valueOf(arg));
          case "Fn::GetAtt": {
            List<Object> parts = Template.list(arg);
            return resources.getAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
          }
          case "Fn::Sub":
            return sub(arg);
          case "Fn::Join": {
            List<Object> parts = Template.list(arg);
            List<String> items = new ArrayList<>();
            for (Object item : Template.list(resolve(parts.get(1)))) items.add(String.valueOf(resolve(item)));
            return String.join(String.valueOf(parts.get(0)), items);
          }
          case "Fn::Select": {
            List<Object> parts = Template.list(arg);
            return resolve(Template.list(resolve(parts.get(1))).get(Integer.parseInt(String.valueOf(resolve(parts.get(0))))));
          }
          case "Fn::Split": {
            List<Object> parts = Template.list(arg);
            return List.of(string(parts.get(1)).split(java.util.regex.Pattern.quote(String.valueOf(parts.get(0))), -1));
          }
          default:
            if (key.startsWith("Fn::")) throw new IllegalArgumentException("intrinsic " + key + " is not supported by the local stack");
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), resolve(v)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(resolve(v)));
      return out;
    }
    return node;
  }

  private String ref(String name) {
    if (parameters.containsKey(name)) return parameters.get(name);
    return switch (name) {
      case "AWS::Region" -> parameters.getOrDefault("AWS::Region", "us-east-1");
      case "AWS::AccountId" -> parameters.getOrDefault("AWS::AccountId", "000000000000");
      case "AWS::StackName" -> parameters.getOrDefault("AWS::StackName", "linkpulse");
      case "AWS::Partition" -> "aws";
      case "AWS::URLSuffix" -> "amazonaws.com";
      default -> resources.ref(name);
    };
  }

  private String sub(Object arg) {
    String text;
    Map<String, Object> vars = Map.of();
    if (arg instanceof List<?> l) {
      text = String.valueOf(l.get(0));
      vars = Template.map(l.get(1));
    } else {
      text = String.valueOf(arg);
    }
    Matcher m = SUB.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).trim();
      String value;
      if (vars.containsKey(name)) value = string(vars.get(name));
      else if (name.contains(".") && !name.startsWith("AWS::")) {
        int dot = name.indexOf('.');
        value = resources.getAtt(name.substring(0, dot), name.substring(dot + 1));
      } else value = ref(name);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().replace("${!", "${");
  }

  /** The logical ids a node refers to through Ref, GetAtt and Sub (for the contract test). */
  public static List<String> references(Object node) {
    List<String> refs = new ArrayList<>();
    collect(node, refs);
    return refs;
  }

  private static void collect(Object node, List<String> refs) {
    if (node instanceof Map<?, ?> map) {
      if (map.size() == 1) {
        var e = map.entrySet().iterator().next();
        String key = String.valueOf(e.getKey());
        if (key.equals("Ref")) refs.add(String.valueOf(e.getValue()));
        else if (key.equals("Fn::GetAtt")) refs.add(String.valueOf(Template.list(e.getValue()).get(0)));
        else if (key.equals("Fn::Sub")) {
          Object arg = e.getValue();
          String text = arg instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(arg);
          Map<String, Object> vars = arg instanceof List<?> l ? Template.map(l.get(1)) : Map.of();
          Matcher m = SUB.matcher(text);
          while (m.find()) {
            String name = m.group(1).trim();
            if (vars.containsKey(name)) continue;
            refs.add(name.contains(".") && !name.startsWith("AWS::") ? name.substring(0, name.indexOf('.')) : name);
          }
          if (arg instanceof List<?> l) collect(l.get(1), refs);
          return;
        }
      }
      map.values().forEach(v -> collect(v, refs));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collect(v, refs));
    }
  }
}
