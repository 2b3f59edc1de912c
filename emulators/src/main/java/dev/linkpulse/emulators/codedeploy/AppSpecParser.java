package dev.linkpulse.emulators.codedeploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a Lambda AppSpec, YAML or JSON, as the user guide's "AppSpec 'resources' section for AWS Lambda
 * deployments" and "AppSpec 'hooks' section for an AWS Lambda deployment" describe it. Keys are matched without
 * regard to case: the guide itself spells them {@code Resources}/{@code resources}, {@code CurrentVersion}/
 * {@code currentversion}. Anything else is an {@code InvalidRevisionException} naming what is wrong.
 */
final class AppSpecParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final String FUNCTION_TYPE = "AWS::Lambda::Function";

  private AppSpecParser() {}

  static AppSpec parse(String content) {
    JsonNode root = read(content);
    if (!root.isObject()) throw invalid("the AppSpec must be a YAML or JSON object");
    JsonNode version = field(root, "version");
    boolean zero = version != null && (version.isNumber() ? version.asDouble() == 0 : version.asText().equals("0.0"));
    if (!zero) throw invalid("'version' must be 0.0, not " + version);
    JsonNode properties = function(field(root, "Resources"));
    AppSpec spec = new AppSpec(required(properties, "Name"), required(properties, "Alias"),
        required(properties, "CurrentVersion"), required(properties, "TargetVersion"), hooks(field(root, "Hooks")));
    if (spec.currentVersion().equals(spec.targetVersion())) {
      throw invalid("CurrentVersion and TargetVersion are both " + spec.currentVersion() + ": there is no traffic to shift");
    }
    return spec;
  }

  private static JsonNode read(String content) {
    if (content == null || content.isBlank()) throw invalid("the AppSpec content is empty");
    try {
      return (content.stripLeading().startsWith("{") ? JSON : YAML).readTree(content);
    } catch (JsonProcessingException e) {
      throw invalid("the AppSpec is neither valid YAML nor valid JSON: " + e.getOriginalMessage());
    }
  }

  /** The Properties of the one function the AppSpec deploys ("Each AppSpec file can deploy one Lambda function version"). */
  private static JsonNode function(JsonNode resources) {
    if (resources == null || !resources.isArray() || resources.size() != 1) {
      throw invalid("'Resources' must list exactly one AWS::Lambda::Function");
    }
    JsonNode entry = resources.get(0);
    if (!entry.isObject() || entry.size() != 1) throw invalid("each 'Resources' entry must be one named resource");
    JsonNode resource = entry.elements().next();
    JsonNode type = field(resource, "Type");
    if (type == null || !FUNCTION_TYPE.equals(type.asText())) throw invalid("the resource 'Type' must be " + FUNCTION_TYPE);
    JsonNode properties = field(resource, "Properties");
    if (properties == null || !properties.isObject()) throw invalid("the resource has no 'Properties'");
    return properties;
  }

  private static Map<LifecycleEventName, String> hooks(JsonNode hooks) {
    Map<LifecycleEventName, String> found = new EnumMap<>(LifecycleEventName.class);
    if (hooks == null || hooks.isNull()) return found;
    if (!hooks.isArray()) throw invalid("'Hooks' must be a list of '<lifecycle event>: <function>' entries");
    for (JsonNode entry : hooks) {
      if (!entry.isObject() || entry.isEmpty()) throw invalid("each 'Hooks' entry must be '<lifecycle event>: <function>'");
      for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> hook = it.next();
        LifecycleEventName event = LifecycleEventName.hookNamed(hook.getKey()).orElseThrow(() -> invalid(
            "'" + hook.getKey() + "' is not a Lambda lifecycle hook; use BeforeAllowTraffic or AfterAllowTraffic"));
        if (!hook.getValue().isTextual() || hook.getValue().asText().isBlank()) throw invalid(event.wireName() + " must name a function");
        if (found.put(event, hook.getValue().asText()) != null) {
          throw invalid(event.wireName() + " is given twice: a hook runs once per deployment");
        }
      }
    }
    return found;
  }

  private static String required(JsonNode properties, String name) {
    JsonNode value = field(properties, name);
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      throw invalid("the resource property '" + name + "' is required");
    }
    return value.asText();
  }

  private static JsonNode field(JsonNode node, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equalsIgnoreCase(name)) return field.getValue();
    }
    return null;
  }

  private static AwsServiceException invalid(String why) {
    return AwsServiceException.client("InvalidRevisionException", "The revision is not valid: " + why);
  }
}
