package dev.linkpulse.local;

import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The template's settings that the local stack reads past, said once at start-up: a local run proves nothing about
 * them, and whoever relies on one should know. Only the settings the template actually uses are named.
 */
final class Unhonoured {
  private static final Logger LOG = Logger.getLogger(Unhonoured.class.getName());

  /** A property of a resource type (or of a function's event of a type) and what the local stack does instead. */
  record Setting(String type, String property, String instead) {}

  static final List<Setting> FUNCTION = List.of(
      new Setting("", "MemorySize", "reported to the handler and in REPORT lines, not enforced"),
      new Setting("", "Architectures", "functions run on this machine's JVM"),
      new Setting("", "Runtime", "functions run on this machine's JVM (Java " + Runtime.version().feature() + ")"),
      new Setting("", "Tracing", "no X-Ray: tracing is switched off in every function"),
      new Setting("", "Policies", "IAM is not enforced: a function may call what its policy does not allow"),
      new Setting("", "ReservedConcurrentExecutions", "no concurrency limit"),
      new Setting("", "ProvisionedConcurrencyConfig", "instances start on first use"),
      new Setting("", "AutoPublishAlias", "version 1 is the function as booted; ./linkpulse deploy publishes the next ones"),
      new Setting("", "DeploymentPreference", "a deployment starts with ./linkpulse deploy, not when the stack starts"),
      new Setting("", "Layers", "no layers: the artifact must hold everything"),
      new Setting("", "EventInvokeConfig", "scheduled runs honour MaximumRetryAttempts only (no MaximumEventAgeInSeconds, no destinations)"));

  static final List<Setting> EVENT = List.of(
      new Setting("DynamoDB", "MaximumRecordAgeInSeconds", "records are retried until MaximumRetryAttempts, whatever their age"),
      new Setting("DynamoDB", "ParallelizationFactor", "one batch per shard at a time"),
      new Setting("DynamoDB", "TumblingWindowInSeconds", "no tumbling windows"),
      new Setting("SQS", "ScalingConfig", "a fixed number of pollers"),
      new Setting("Schedule", "RetryPolicy", "delivery to the function never fails locally"),
      new Setting("Schedule", "DeadLetterConfig", "delivery to the function never fails locally"));

  static final List<Setting> RESOURCE = List.of(
      new Setting("AWS::DynamoDB::Table", "BillingMode", "every table is on-demand"),
      new Setting("AWS::DynamoDB::Table", "PointInTimeRecoverySpecification", "no backups"),
      new Setting("AWS::DynamoDB::Table", "SSESpecification", "no encryption at rest"),
      new Setting("AWS::SQS::Queue", "KmsMasterKeyId", "no encryption at rest"));

  /** JVM options of a function's own environment: the functions share the stack's JVM. */
  static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

  private Unhonoured() {}

  /** One line per unhonoured setting the template uses, and one for the resource types not emulated at all. */
  static List<String> in(Template template, Set<String> emulatedTypes) {
    List<String> lines = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (FunctionSpec spec : template.functions()) {
      for (Setting s : FUNCTION) {
        if (spec.properties().containsKey(s.property()) && seen.add("function " + s.property())) {
          lines.add("function " + s.property() + ": " + s.instead());
        }
      }
      if (spec.environment().containsKey(JVM_OPTIONS) && seen.add(JVM_OPTIONS)) {
        lines.add("function environment " + JVM_OPTIONS + ": the functions run in the stack's JVM, with its options");
      }
      spec.events().forEach((name, event) -> {
        Map<String, Object> props = Template.map(event.get("Properties"));
        for (Setting s : EVENT) {
          if (s.type().equals(event.get("Type")) && props.containsKey(s.property())) {
            lines.add(spec.logicalId() + "." + name + " " + s.property() + ": " + s.instead());
          }
        }
      });
    }
    for (Setting s : RESOURCE) {
      template.resourcesOfType(s.type()).forEach((id, props) -> {
        if (props.containsKey(s.property())) lines.add(id + " " + s.property() + ": " + s.instead());
      });
    }
    Set<String> absent = new TreeSet<>();
    template.resources().values().forEach(r -> absent.add(String.valueOf(r.get("Type"))));
    absent.removeAll(emulatedTypes);
    if (!absent.isEmpty()) lines.add("not emulated (each answers Ref with its logical id): " + String.join(", ", absent));
    return lines;
  }

  static void log(Template template, Set<String> emulatedTypes) {
    List<String> lines = in(template, emulatedTypes);
    if (!lines.isEmpty()) LOG.info("template settings the local stack does not honour:\n  " + String.join("\n  ", lines));
  }
}
