package dev.linkpulse.emulators.stepfunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DefinitionSubstitutions} of {@code AWS::StepFunctions::StateMachine} / {@code AWS::Serverless::StateMachine}:
 * every {@code ${Name}} in the definition text is replaced by its value, as CloudFormation does. A placeholder
 * left without a value is refused: the engine would otherwise run a definition that names no real resource.
 */
final class DefinitionSubstitutions {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  private DefinitionSubstitutions() {}

  static String resolve(String definition, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(definition);
    StringBuilder out = new StringBuilder();
    List<String> missing = new ArrayList<>();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) missing.add(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    if (!missing.isEmpty()) {
      throw new InvalidDefinitionException(missing.stream().map(n -> "/: DefinitionSubstitutions has no value for ${" + n + "}").toList());
    }
    return out.toString();
  }
}
