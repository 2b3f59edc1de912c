package dev.linkpulse.ops.slo;

/** CloudFormation intrinsic functions, written in their short YAML form ({@code !Ref X}) by {@link YamlWriter}. */
final class Cfn {
  private Cfn() {}

  /** {@code !Ref name}. */
  record Ref(String name) {}

  /** {@code !GetAtt resource.attribute}. */
  record GetAtt(String resource, String attribute) {}

  /** {@code !Sub text}: {@code ${Name}} refers to a parameter, a resource or a pseudo parameter. */
  record Sub(String text) {}

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
}
