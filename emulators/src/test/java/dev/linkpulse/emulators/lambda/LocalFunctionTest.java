package dev.linkpulse.emulators.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.lambda.fixture.Absent;
import dev.linkpulse.emulators.protocol.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function run from its artifact: its own class loader, environment, event classes, init and reports. */
class LocalFunctionTest {
  static final String FIXTURE = Absent.class.getPackageName() + ".";

  @TempDir
  static Path dir;
  static Path artifact;
  final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void buildArtifact() {
    artifact = TestArtifact.fixtures(dir);
  }

  private LocalFunction.Builder function(String name, String handler) {
    return LocalFunction.builder(name, FIXTURE + handler).artifact(artifact).log(log::add)
        .environment(Map.of("GREETING", "hello " + name, "AWS_REGION", "eu-west-1", "AWS_LAMBDA_FUNCTION_NAME", "spoofed"));
  }

  @Test
  void aFunctionSeesItsOwnEnvironmentAndTheRuntimesButNotTheJvms() throws Exception {
    try (LocalFunction fn = function("Greeter", "EnvironmentHandler").memoryMb(512).build()) {
      JsonNode seen = Json.tree(fn.invoke("{\"echo\":\"x\"}"));
      assertThat(seen.path("greeting").asText()).isEqualTo("hello Greeter");
      assertThat(seen.path("greetingByReference").asText()).as("System::getenv as a method reference").isEqualTo("hello Greeter");
      assertThat(seen.has("path")).as("the JVM's own PATH (Lambda's serializer leaves nulls out)").isFalse();
      assertThat(seen.path("variables").asText().split(",")).contains("GREETING", "AWS_REGION", "AWS_DEFAULT_REGION", "_HANDLER",
          "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_EXECUTION_ENV", "TZ", "LANG").doesNotContain("PATH", "HOME");
      assertThat(fn.runtimeEnvironment()).containsEntry("AWS_LAMBDA_FUNCTION_NAME", "Greeter").containsEntry("AWS_DEFAULT_REGION", "eu-west-1")
          .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512").containsEntry("_HANDLER", FIXTURE + "EnvironmentHandler::handleRequest");
      assertThat(seen.path("contextFunction").asText()).isEqualTo("Greeter");
      assertThat(seen.path("memory").asInt()).isEqualTo(512);
      assertThat(seen.path("echo").asText()).isEqualTo("x");
      assertThat(seen.path("wide").asBoolean()).isTrue();
      assertThat(log).contains("[Greeter] hello from Greeter");
    }
  }

  @Test
  void eachFunctionHasAClassLoaderOfItsOwnWithItsOwnStaticsEvenFromOneArtifact() throws Exception {
    try (LocalFunction a = function("A", "EnvironmentHandler").build(); LocalFunction b = function("B", "EnvironmentHandler").build()) {
      JsonNode fromA = Json.tree(a.invoke("{}"));
      JsonNode fromB = Json.tree(b.invoke("{}"));
      assertThat(fromA.path("loader").asText()).isEqualTo("A");
      assertThat(fromB.path("loader").asText()).isEqualTo("B");
      assertThat(fromA.path("instance").asInt()).as("a static counter, per class loader").isEqualTo(1);
      assertThat(fromB.path("instance").asInt()).isEqualTo(1);
      assertThat(fromB.path("greeting").asText()).isEqualTo("hello B");
    }
  }

  @Test
  void eventsBecomeTheFunctionsOwnEventClassesThroughLambdasSerializer() throws Exception {
    String event = "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"a click\",\"eventSource\":\"aws:sqs\","
        + "\"messageAttributes\":{\"kind\":{\"stringValue\":\"test\",\"dataType\":\"String\"}}}]}";
    try (LocalFunction fn = function("Sqs", "SqsHandler").build()) {
      assertThat(Json.read(fn.invoke(event), String.class)).isEqualTo("a click|test|Sqs");
    }
  }

  @Test
  void aClassTheArtifactLacksFailsTheFirstInvocationNamingTheFunctionAndTheClass() throws Exception {
    try (LocalFunction fn = function("Forgetful", "MissingClassHandler").build()) {
      assertThatThrownBy(() -> fn.invoke("\"hi\"")).isInstanceOf(FunctionError.class)
          .hasMessageContaining("function Forgetful failed to initialise")
          .hasMessageContaining("NoClassDefFoundError: " + Absent.class.getName().replace('.', '/'));
      assertThat(log).anyMatch(l -> l.startsWith("[Forgetful] INIT_REPORT Init Duration: ") && l.endsWith("Error Type: java.lang.NoClassDefFoundError"));
    }
  }

  @Test
  void theStacksClassPathGivesTheFunctionNothing(@TempDir Path elsewhere) throws Exception {
    // The local stack's own class path has aws-lambda-java-core; an artifact without it cannot even name its interface.
    Path bare = TestArtifact.build(elsewhere, List.of(), name -> false);
    try (LocalFunction fn = LocalFunction.builder("Bare", FIXTURE + "FlakyInitHandler").artifact(bare).log(log::add).build()) {
      assertThatThrownBy(() -> fn.invoke("\"hi\"")).isInstanceOf(FunctionError.class)
          .hasMessageContaining("function Bare failed to initialise").hasMessageContaining("com/amazonaws/services/lambda/runtime/RequestHandler");
    }
  }

  @Test
  void aFailedInitLeavesNothingBehindAndTheNextInvocationStartsAfresh() throws Exception {
    try (LocalFunction fn = function("Flaky", "FlakyInitHandler").build()) {
      System.setProperty("fixture.fail.init", "yes");
      try {
        assertThatThrownBy(() -> fn.invoke("\"one\"")).isInstanceOf(FunctionError.class).hasMessageContaining("init refused");
      } finally {
        System.clearProperty("fixture.fail.init");
      }
      assertThat(Json.read(fn.invoke("\"two\""), String.class)).isEqualTo("ok:two");
      assertThat(fn.instances()).isEqualTo(1);
    }
  }

  @Test
  void aHandlerErrorKeepsItsOwnMessageAndType() throws Exception {
    try (LocalFunction fn = function("Authorizer", "FlakyInitHandler").build()) {
      assertThatThrownBy(() -> fn.invoke("\"throw:Unauthorized\"")).isInstanceOfSatisfying(FunctionError.class, e -> {
        assertThat(e.getMessage()).isEqualTo("Unauthorized");
        assertThat(e.errorType()).isEqualTo("java.lang.RuntimeException");
        assertThat(e.function()).isEqualTo("Authorizer");
      });
      assertThat(Json.read(fn.invoke("\"again\""), String.class)).as("the instance survives its error").isEqualTo("ok:again");
      assertThat(fn.instances()).isEqualTo(1);
    }
  }

  @Test
  void anInstancesFirstInvocationReportsItsInitDurationAndLaterOnesReportOnlyWithTheFlag() throws Exception {
    try (LocalFunction quiet = function("Quiet", "FlakyInitHandler").memoryMb(1024).build();
        LocalFunction loud = function("Loud", "FlakyInitHandler").reportEveryInvocation(true).build()) {
      quiet.invoke("\"1\"");
      quiet.invoke("\"2\"");
      loud.invoke("\"1\"");
      loud.invoke("\"2\"");
      List<String> quietReports = log.stream().filter(l -> l.startsWith("[Quiet] REPORT ")).toList();
      assertThat(quietReports).singleElement().asString()
          .matches("\\[Quiet] REPORT RequestId: [0-9a-f-]{36}\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 1024 MB\tInit Duration: \\d+\\.\\d\\d ms");
      List<String> loudReports = log.stream().filter(l -> l.startsWith("[Loud] REPORT ")).toList();
      assertThat(loudReports).hasSize(2);
      assertThat(loudReports.get(0)).contains("Init Duration");
      assertThat(loudReports.get(1)).doesNotContain("Init Duration");
      assertThat(quiet.lastInitDuration()).isPresent();
    }
  }

  @Test
  void aMissingArtifactOrHandlerIsRefusedAtStartUpWithTheFunctionsName(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> LocalFunction.builder("Ghost", FIXTURE + "SqsHandler").artifact(elsewhere.resolve("nope.jar")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("function Ghost").hasMessageContaining("does not exist");
    assertThatThrownBy(() -> LocalFunction.builder("Renamed", FIXTURE + "SqsHandlr").artifact(artifact).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("function Renamed").hasMessageContaining("does not contain its handler");
    assertThatThrownBy(() -> LocalFunction.builder("Shared", FIXTURE + "SqsHandler").environment(Map.of("A", "b")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an artifact");
  }
}
