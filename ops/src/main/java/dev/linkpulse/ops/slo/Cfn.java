package dev.linkpulse.ops.slo;

import java.util.Locale;

/**
 * CloudFormation's vocabulary: intrinsic functions, written in their short YAML form ({@code !Ref X}) by
 * {@link YamlWriter}, and logical ids.
 */
final class Cfn {
  private Cfn() {}

  /** {@code !Ref name}. */
  record Ref(String name) {}

  /** {@code !GetAtt resource.attribute}. */
  record GetAtt(String resource, String attribute) {}

  /** {@code !Sub text}: {@code ${Name}} refers to a parameter, a resource or a pseudo parameter. */
  record Sub(String text) {}

  /**
   * The physical name of an EventBridge rule, {@code !Select [2, !Split ['/', !GetAtt Rule.Arn]]}: a rule on a custom
   * bus has the ARN {@code ...:rule/<bus>/<name>}, and its {@code Ref} is not the bare name a metric dimension needs.
   */
  record RuleName(String rule) {}

  /** A comment line written before the next key of a mapping (the key itself is ignored). */
  record Comment(String text) {}

  static Ref ref(String name) {
    return new Ref(name);
  }

  static GetAtt getAtt(String resource, String attribute) {
    return new GetAtt(resource, attribute);
  }

  static Sub sub(String text) {
    return new Sub(text);
  }

  /** A logical id from a kebab-case name: {@code redirect-availability} is {@code RedirectAvailability}. */
  static String logicalId(String kebab) {
    StringBuilder b = new StringBuilder();
    for (String part : kebab.split("-")) {
      if (part.isEmpty()) continue;
      b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return b.toString();
  }
}
