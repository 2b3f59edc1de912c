package dev.linkpulse.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** A SAM template: resources by logical id, parameters, and SAM's function globals applied. */
public final class Template {
  public static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::Region", "AWS::AccountId", "AWS::StackName",
      "AWS::StackId", "AWS::Partition", "AWS::URLSuffix", "AWS::NoValue", "AWS::NotificationARNs");

  private final Map<String, Object> root;

  private Template(Map<String, Object> root) {
    this.root = root;
  }

  public static Template load(Path file) throws IOException {
    return new Template(CfnYaml.load(file));
  }

  public Map<String, Object> root() {
    return root;
  }

  public Map<String, Object> parameters() {
    return map(root.get("Parameters"));
  }

  /** Each parameter's default, as a string (CloudFormation passes every parameter as one). */
  public Map<String, String> parameterDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    parameters().forEach((name, spec) -> {
      Object d = map(spec).get("Default");
      if (d != null) defaults.put(name, String.valueOf(d));
    });
    return defaults;
  }

  public Map<String, Map<String, Object>> resources() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    map(root.get("Resources")).forEach((id, r) -> out.put(id, map(r)));
    return out;
  }

  public Map<String, Map<String, Object>> resourcesOfType(String type) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    resources().forEach((id, r) -> {
      if (type.equals(r.get("Type"))) out.put(id, properties(r));
    });
    return out;
  }

  public static Map<String, Object> properties(Map<String, Object> resource) {
    return map(resource.get("Properties"));
  }

  /** Every {@code AWS::Serverless::Function}, with {@code Globals.Function} merged in the way SAM merges it. */
  public List<FunctionSpec> functions() {
    Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
    List<FunctionSpec> functions = new ArrayList<>();
    resourcesOfType("AWS::Serverless::Function").forEach((id, props) -> {
      Map<String, Object> merged = new LinkedHashMap<>(globals);
      merged.putAll(props);
      Map<String, Object> env = new LinkedHashMap<>(map(map(globals.get("Environment")).get("Variables")));
      env.putAll(map(map(props.get("Environment")).get("Variables")));
      functions.add(new FunctionSpec(id, merged, env));
    });
    return functions;
  }

  /** Walks every node depth-first, calling {@code visitor} with each map's key and value (for contract checks). */
  public void walk(BiConsumer<String, Object> visitor) {
    walk(root, visitor);
  }

  private static void walk(Object node, BiConsumer<String, Object> visitor) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        visitor.accept(String.valueOf(k), v);
        walk(v, visitor);
      });
    } else if (node instanceof List<?> l) {
      l.forEach(v -> walk(v, visitor));
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object node) {
    return node instanceof List<?> l ? (List<Object>) l : node == null ? List.of() : List.of(node);
  }
}
