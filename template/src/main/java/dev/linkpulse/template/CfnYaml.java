package dev.linkpulse.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML into plain maps and lists, turning the short intrinsic tags into their JSON long form
 * ({@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}}), so
 * everything downstream deals with one representation.
 */
public final class CfnYaml {
  private static final List<String> FUNCTIONS = List.of("Ref", "Condition", "GetAtt", "Sub", "Join", "Select", "If",
      "Equals", "Not", "And", "Or", "FindInMap", "Base64", "Split", "GetAZs", "ImportValue", "Cidr", "ToJsonString", "Length");

  private CfnYaml() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> load(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(16 * 1024 * 1024);
      return (Map<String, Object>) new Yaml(new IntrinsicConstructor(options)).load(reader);
    }
  }

  private static final class IntrinsicConstructor extends SafeConstructor {
    IntrinsicConstructor(LoaderOptions options) {
      super(options);
      for (String fn : FUNCTIONS) yamlConstructors.put(new Tag("!" + fn), new Intrinsic(fn));
    }

    private final class Intrinsic extends AbstractConstruct {
      private final String fn;

      Intrinsic(String fn) {
        this.fn = fn;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) value = constructScalar(scalar);
        else if (node instanceof SequenceNode seq) value = constructSequence(seq);
        else value = constructMapping((MappingNode) node);
        if (fn.equals("GetAtt") && value instanceof String dotted) {
          int dot = dotted.indexOf('.');
          value = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
        }
        String key = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
        return Map.of(key, value);
      }
    }
  }
}
