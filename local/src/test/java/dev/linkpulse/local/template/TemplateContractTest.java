package dev.linkpulse.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * template.yaml is the single source of truth; these checks keep code and template from drifting apart, and keep
 * the template least-privilege and loss-free.
 */
class TemplateContractTest {
  static final Path root = ProjectTemplate.ROOT;
  static final Template template = ProjectTemplate.TEMPLATE;

  @Test
  void everyRefGetAttAndSubPointsAtSomethingThatExists() {
    assertThat(danglingReferences(template)).as("references to nothing").isEmpty();
  }

  @Test
  void everyHandlerClassExists() {
    assertThat(missingHandlers(template)).isEmpty();
  }

  static List<String> danglingReferences(Template t) {
    Set<String> known = new HashSet<>(t.resources().keySet());
    known.addAll(t.parameters().keySet());
    known.addAll(Template.PSEUDO_PARAMETERS);
    known.addAll(t.samGeneratedIds());
    List<String> dangling = new ArrayList<>();
    for (String ref : Resolver.references(t.root())) if (!known.contains(ref)) dangling.add(ref);
    return dangling;
  }

  static List<String> missingHandlers(Template t) {
    List<String> missing = new ArrayList<>();
    for (FunctionSpec fn : t.functions()) {
      try {
        Class.forName(fn.handlerClass());
      } catch (ClassNotFoundException e) {
        missing.add(fn.logicalId() + ": " + fn.handlerClass());
      }
    }
    return missing;
  }

  @Test
  void everyFunctionHandlerExistsImplementsRequestHandlerAndIsInItsJar() throws Exception {
    for (FunctionSpec fn : template.functions()) {
      Class<?> handler = Class.forName(fn.handlerClass());
      assertThat(RequestHandler.class).as(fn.logicalId()).isAssignableFrom(handler);
      assertThat(Stream.of(handler.getMethods()).anyMatch(m -> m.getName().equals(fn.handlerMethod())))
          .as(fn.logicalId() + " has method " + fn.handlerMethod()).isTrue();
      Path jar = root.resolve(fn.codeUri());
      assertThat(fn.codeUri()).as(fn.logicalId() + " CodeUri").endsWith(".jar");
      // Built by the module's package phase, which runs before this module's tests in `mvn verify`.
      if (Files.exists(jar)) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          assertThat(zip.getEntry(fn.handlerClass().replace('.', '/') + ".class"))
              .as(fn.logicalId() + ": " + fn.codeUri() + " contains " + fn.handlerClass()).isNotNull();
        }
      }
    }
  }

  @Test
  void noPolicyStatementGrantsWildcardActionsOrResources() {
    List<String> problems = new ArrayList<>();
    for (FunctionSpec fn : template.functions()) {
      // No Policies at all is allowed (the basic execution role only); anything declared must be scoped.
      List<Object> policies = Template.list(fn.properties().get("Policies"));
      for (Object policy : policies) {
        if (policy instanceof String managed) {
          problems.add(fn.logicalId() + ": managed policy " + managed + " (write a scoped statement)");
          continue;
        }
        Map<String, Object> p = Template.map(policy);
        if (!p.containsKey("Statement")) {
          problems.add(fn.logicalId() + ": SAM policy template " + p.keySet() + " (write a scoped statement)");
          continue;
        }
        for (Object s : Template.list(p.get("Statement"))) {
          Map<String, Object> statement = Template.map(s);
          for (Object action : Template.list(statement.get("Action"))) {
            String a = String.valueOf(action);
            if (a.equals("*") || a.endsWith(":*")) problems.add(fn.logicalId() + ": Action " + a);
          }
          for (Object resource : Template.list(statement.get("Resource"))) {
            if ("*".equals(String.valueOf(resource))) problems.add(fn.logicalId() + ": Resource *");
          }
          if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) problems.add(fn.logicalId() + ": NotAction/NotResource");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyQueueConsumerHasADeadLetterQueueAndEveryStreamConsumerAnOnFailureDestination() {
    Map<String, Map<String, Object>> queues = template.resourcesOfType("AWS::SQS::Queue");
    for (FunctionSpec fn : template.functions()) {
      fn.events().forEach((name, event) -> {
        Map<String, Object> props = Template.map(event.get("Properties"));
        if ("SQS".equals(event.get("Type"))) {
          String queue = String.valueOf(Template.list(Template.map(props.get("Queue")).get("Fn::GetAtt")).get(0));
          Map<String, Object> redrive = Template.map(queues.get(queue).get("RedrivePolicy"));
          assertThat(redrive).as(fn.logicalId() + " consumes " + queue + ", which needs a RedrivePolicy").containsKeys("deadLetterTargetArn", "maxReceiveCount");
        }
        if ("DynamoDB".equals(event.get("Type")) || "Kinesis".equals(event.get("Type"))) {
          assertThat(Template.map(Template.map(props.get("DestinationConfig")).get("OnFailure")))
              .as(fn.logicalId() + "." + name + " needs an OnFailure destination").containsKey("Destination");
        }
      });
    }
  }

  /**
   * A scheduled function is invoked asynchronously: a failed run is retried by Lambda, then dropped. Each one says
   * what that costs: MaximumRetryAttempts 0 (the next tick replaces the run, as a gauge's does) or an OnFailure
   * destination (a run that does work of its own must not vanish).
   */
  static List<String> scheduledWithoutAFailurePolicy(Template t) {
    List<String> problems = new ArrayList<>();
    for (FunctionSpec fn : t.functions()) {
      boolean scheduled = fn.events().values().stream().anyMatch(e -> "Schedule".equals(e.get("Type")));
      if (!scheduled) continue;
      Map<String, Object> config = Template.map(fn.properties().get("EventInvokeConfig"));
      boolean replaced = "0".equals(String.valueOf(config.get("MaximumRetryAttempts")));
      boolean kept = Template.map(Template.map(config.get("DestinationConfig")).get("OnFailure")).containsKey("Destination");
      if (!replaced && !kept) problems.add(fn.logicalId() + ": scheduled, with neither MaximumRetryAttempts 0 nor an OnFailure destination");
    }
    return problems;
  }

  @Test
  void everyScheduledFunctionSaysWhatAFailedRunCosts() {
    assertThat(template.functions().stream().filter(f -> f.events().values().stream().anyMatch(e -> "Schedule".equals(e.get("Type"))))
        .map(FunctionSpec::logicalId)).contains("ReviewQueueSweepFunction");
    assertThat(scheduledWithoutAFailurePolicy(template)).isEmpty();
  }

  @Test
  void aScheduledFunctionWithLambdasDefaultRetriesAndNoDestinationIsCaught(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String broken = Files.readString(root.resolve("template.yaml")).replace("      EventInvokeConfig:\n        MaximumRetryAttempts: 0\n", "");
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, broken);
    assertThat(scheduledWithoutAFailurePolicy(Template.load(file))).containsExactly(
        "ReviewQueueSweepFunction: scheduled, with neither MaximumRetryAttempts 0 nor an OnFailure destination");
  }

  @Test
  void theReviewSweepMayOnlyQueryTheSparseReviewQueueIndex_whichProjectsKeysOnly() {
    FunctionSpec sweep = function("ReviewQueueSweepFunction");
    List<Object> statements = Template.list(Template.map(Template.list(sweep.properties().get("Policies")).get(0)).get("Statement"));
    assertThat(statements).hasSize(1);
    Map<String, Object> only = Template.map(statements.get(0));
    assertThat(Template.list(only.get("Action"))).containsExactly("dynamodb:Query");
    assertThat(only.get("Resource")).isEqualTo(Map.of("Fn::Sub", "${LinkpulseTable.Arn}/index/" + dev.linkpulse.core.Keys.REVIEW_INDEX));
    Map<String, Object> table = template.resourcesOfType("AWS::DynamoDB::Table").get("LinkpulseTable");
    Map<String, Object> index = Template.list(table.get("GlobalSecondaryIndexes")).stream().map(Template::map)
        .filter(i -> dev.linkpulse.core.Keys.REVIEW_INDEX.equals(i.get("IndexName"))).findFirst().orElseThrow();
    assertThat(Template.map(index.get("Projection"))).containsEntry("ProjectionType", "KEYS_ONLY");
    assertThat(Template.list(index.get("KeySchema")).stream().map(k -> Template.map(k).get("AttributeName")))
        .containsExactly(dev.linkpulse.core.Keys.REVIEW_PK, dev.linkpulse.core.Keys.REVIEW_SK);
  }

  @Test
  void theReviewQueueAlarmFiresBeforeTheSagaRejectsAReviewUnseen() {
    long alarm = Long.parseLong(String.valueOf(Template.map(template.parameters().get("ReviewQueueMaxAgeSeconds")).get("Default")));
    long timeout = Long.parseLong(String.valueOf(Template.map(template.parameters().get("ReviewTimeoutSeconds")).get("Default")));
    assertThat(alarm).as("ReviewQueueMaxAgeSeconds leaves moderators time to act").isLessThanOrEqualTo(timeout / 2);
  }

  @Test
  void theClicksQueueIsSizedForTheRecorderAndItsDlqKeepsTwoWeeks() {
    Map<String, Map<String, Object>> queues = template.resourcesOfType("AWS::SQS::Queue");
    FunctionSpec recorder = function("RecorderFunction");
    assertThat(Resolver.references(queues.get("ClicksQueue").get("VisibilityTimeout"))).containsExactly("ClicksVisibilityTimeoutSeconds");
    Map<String, Object> visibility = Template.map(template.parameters().get("ClicksVisibilityTimeoutSeconds"));
    assertThat(Integer.parseInt(String.valueOf(visibility.get("Default")))).as("visibility timeout >= 6x the recorder's timeout")
        .isGreaterThanOrEqualTo(6 * recorder.timeoutSeconds());
    // Lambda refuses an SQS mapping whose queue hides a message for less than the function's timeout.
    assertThat(Integer.parseInt(String.valueOf(visibility.get("MinValue")))).isGreaterThanOrEqualTo(recorder.timeoutSeconds());
    Map<String, Object> redrive = Template.map(queues.get("ClicksQueue").get("RedrivePolicy"));
    assertThat(String.valueOf(redrive.get("maxReceiveCount"))).isEqualTo("5");
    assertThat(Resolver.references(redrive.get("deadLetterTargetArn"))).containsExactly("ClicksDLQ");
    assertThat(String.valueOf(queues.get("ClicksDLQ").get("MessageRetentionPeriod"))).isEqualTo(String.valueOf(14 * 24 * 3600));
  }

  @Test
  void theClicksQueueAdmitsOnlyTheClickRule() {
    Map<String, Object> policy = template.resourcesOfType("AWS::SQS::QueuePolicy").get("ClicksQueuePolicy");
    assertThat(Resolver.references(policy.get("Queues"))).containsExactly("ClicksQueue");
    List<Object> statements = Template.list(Template.map(policy.get("PolicyDocument")).get("Statement"));
    assertThat(statements).hasSize(1);
    Map<String, Object> st = Template.map(statements.get(0));
    assertThat(st.get("Effect")).isEqualTo("Allow");
    assertThat(Template.map(st.get("Principal")).get("Service")).isEqualTo("events.amazonaws.com");
    assertThat(st.get("Action")).isEqualTo("sqs:SendMessage");
    assertThat(Resolver.references(Template.map(Template.map(st.get("Condition")).get("ArnEquals")).get("aws:SourceArn"))).containsExactly("ClickRule");
  }

  @Test
  void rawClicksOutliveEveryRedeliveryHorizon() {
    // A raw click must still exist when its event is redelivered, or the redelivery is an INSERT and counts twice.
    Map<String, Map<String, Object>> queues = template.resourcesOfType("AWS::SQS::Queue");
    long horizonSeconds = Long.parseLong(String.valueOf(queues.get("ClicksQueue").get("MessageRetentionPeriod")))
        + Long.parseLong(String.valueOf(queues.get("ClicksDLQ").get("MessageRetentionPeriod")));
    Map<String, Object> retention = Template.map(template.parameters().get("ClickRetentionDays"));
    long minDays = Long.parseLong(String.valueOf(retention.get("MinValue")));
    assertThat(minDays * 24 * 3600).as("ClickRetentionDays.MinValue in seconds").isGreaterThan(horizonSeconds);
    assertThat(Long.parseLong(String.valueOf(retention.get("Default")))).isGreaterThanOrEqualTo(minDays);
    assertThat(function("RecorderFunction").environment()).containsKey("CLICK_RETENTION_DAYS");
  }

  @Test
  void theAggregatorReadsOnlyInsertsOfRawClicksWithBisectAndADestination() {
    Map<String, Object> stream = Template.map(function("AggregatorFunction").events().get("Clicks").get("Properties"));
    assertThat(stream.get("BisectBatchOnFunctionError")).isEqualTo(true);
    // Never skip a batch in production: a skipped batch could not be replayed exactly (docs/pipeline.md).
    assertThat(Resolver.references(stream.get("MaximumRetryAttempts"))).containsExactly("AggregatorMaximumRetryAttempts");
    assertThat(String.valueOf(Template.map(template.parameters().get("AggregatorMaximumRetryAttempts")).get("Default"))).isEqualTo("-1");
    assertThat(Template.list(stream.get("FunctionResponseTypes"))).contains("ReportBatchItemFailures");
    List<String> patterns = Template.list(Template.map(stream.get("FilterCriteria")).get("Filters")).stream()
        .map(f -> String.valueOf(Template.map(f).get("Pattern"))).toList();
    // Raw clicks to count, and deleted links whose subscriptions end: nothing else reaches the aggregator.
    assertThat(patterns).containsExactly(
        "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":[{\"prefix\":\"" + dev.linkpulse.core.Keys.CLICK_PREFIX + "\"}]}}}}",
        "{\"eventName\":[\"REMOVE\"],\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":[{\"prefix\":\"" + dev.linkpulse.core.Keys.LINK_PREFIX + "\"}]}}}}");
    Map<String, Object> sqs = Template.map(function("RecorderFunction").events().get("Clicks").get("Properties"));
    assertThat(Template.list(sqs.get("FunctionResponseTypes"))).contains("ReportBatchItemFailures");
  }

  private static FunctionSpec function(String id) {
    return template.functions().stream().filter(f -> f.logicalId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyEnvironmentVariableTheCodeRequiresIsDeclared() throws IOException {
    Pattern required = Pattern.compile("Env\\.require\\(\"([A-Z0-9_]+)\"\\)");
    Set<String> needed = new TreeSet<>();
    for (String module : List.of("core", "redirect", "pipeline", "deploy", "moderation")) {
      Path src = root.resolve(module).resolve("src/main/java");
      if (!Files.exists(src)) continue;
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = required.matcher(Files.readString(f));
          while (m.find()) needed.add(m.group(1));
        }
      }
    }
    Set<String> declared = new HashSet<>();
    template.functions().forEach(fn -> declared.addAll(fn.environment().keySet()));
    assertThat(declared).as("variables declared in template.yaml").containsAll(needed);
  }

  @Test
  void theRedirectFunctionStaysLean() throws Exception {
    FunctionSpec redirect = template.functions().stream().filter(f -> f.logicalId().equals("RedirectFunction")).findFirst().orElseThrow();
    Path jar = root.resolve(redirect.codeUri());
    if (Files.exists(jar)) {
      List<String> forbidden = new ArrayList<>();
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("org/aspectj/") || n.startsWith("software/amazon/lambda/powertools/")
            || n.startsWith("com/amazonaws/services/dynamodbv2/local/") || n.startsWith("org/elasticmq/") || n.startsWith("com/amazonaws/xray/")
            || n.startsWith("dev/linkpulse/links/") || n.startsWith("dev/linkpulse/local/")).limit(5).forEach(forbidden::add);
      }
      assertThat(forbidden).as("classes the redirect function must not ship").isEmpty();
    }
    // AspectJ weaves a class it advises with ajc$ members; the redirect path must have none.
    Class<?> handler = Class.forName(redirect.handlerClass());
    List<String> woven = new ArrayList<>();
    for (Class<?> c = handler; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) if (f.getName().startsWith("ajc$")) woven.add(c.getName() + "." + f.getName());
      for (Method m : c.getDeclaredMethods()) if (m.getName().contains("ajc$")) woven.add(c.getName() + "." + m.getName());
    }
    assertThat(woven).isEmpty();
  }

  @Test
  void aTemplateWithAMisspelledHandlerOrDanglingRefIsCaught(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    // The same checks as above, run on a template broken the two ways a rename breaks it.
    Template t = ProjectTemplate.edited(dir, yaml -> yaml
        .replace("dev.linkpulse.redirect.RedirectHandler::", "dev.linkpulse.redirect.RedirectHandlr::")
        .replace("!GetAtt LinkpulseTable.Arn", "!GetAtt LinkpulseTabel.Arn"));
    assertThat(danglingReferences(t)).contains("LinkpulseTabel");
    assertThat(missingHandlers(t)).containsExactly("RedirectFunction: dev.linkpulse.redirect.RedirectHandlr");
  }

  @Test
  void countersOfEveryLinkAgeOutAfterTheStatsRetention_neverBeforeTheirRawClicks() {
    Map<String, Object> stats = Template.map(template.parameters().get("StatsRetentionDays"));
    Map<String, Object> clicks = Template.map(template.parameters().get("ClickRetentionDays"));
    assertThat(Long.parseLong(String.valueOf(stats.get("MinValue")))).isGreaterThanOrEqualTo(Long.parseLong(String.valueOf(clicks.get("Default"))));
    assertThat(Resolver.references(function("AggregatorFunction").environment().get("STATS_RETENTION_DAYS"))).containsExactly("StatsRetentionDays");
  }
}
