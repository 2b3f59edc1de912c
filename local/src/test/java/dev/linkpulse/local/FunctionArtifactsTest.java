package dev.linkpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.http.EdgeTrust;
import dev.linkpulse.emulators.lambda.FunctionError;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import dev.linkpulse.testkit.StackExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function and authorizer of the template, run from the artifact its CodeUri names (in a class loader that
 * gives it nothing but the JDK) with a real-shaped event of its own trigger, against a running stack. A class or
 * resource the artifact lacks fails the function's case, naming the function, its artifact and the missing class.
 * The events are AWS's documented shapes, under src/test/resources/events.
 */
class FunctionArtifactsTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);

  static final String OWNER = "artifact-owner";
  static final Pattern CLASS_NAME = Pattern.compile("(?:[A-Za-z_$][\\w$]*[./])+[A-Za-z_$][\\w$]*");
  static String code;
  static String doomed;

  @BeforeAll
  static void twoLinksOfTheOwner() throws Exception {
    code = created(invoke("CreateLinkFunction", http("POST", "/links", true, null)));
    doomed = created(invoke("CreateLinkFunction", http("POST", "/links", true, null)));
  }

  static Stream<String> functions() throws IOException {
    return template().functions().stream().map(FunctionSpec::logicalId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void everyFunctionRunsFromItsArtifactWithAnEventOfItsTrigger(String function) throws Exception {
    FunctionSpec spec = spec(function);
    Trigger trigger = Trigger.of(template(), spec);
    assertThat(trigger).as(function + " has no trigger this test knows: give it a sample event").isNotEqualTo(Trigger.UNKNOWN);
    switch (trigger) {
      case HTTP_API -> {
        Map<String, Object> route = Template.map(spec.events().values().stream().filter(e -> "HttpApi".equals(e.get("Type")))
            .findFirst().orElseThrow().get("Properties"));
        String method = String.valueOf(route.get("Method")).toUpperCase(java.util.Locale.ROOT);
        boolean authorized = !"NONE".equals(Template.map(route.get("Auth")).get("Authorizer"));
        String path = String.valueOf(route.get("Path"));
        JsonNode response = Json.tree(invoke(function, http(method, path, authorized, method.equals("DELETE") ? doomed : code)));
        assertThat(response.path("statusCode").asInt()).as(function + " answered " + response).isBetween(200, 399);
      }
      case SQS -> {
        // Each queue carries one kind of event: the saga's starter reads link.created, the recorder clicks.
        boolean linkCreated = spec.events().values().stream().filter(e -> "SQS".equals(e.get("Type")))
            .anyMatch(e -> Resolver.references(Template.map(e.get("Properties")).get("Queue")).contains("LinkCreatedQueue"));
        String event = sample(linkCreated ? "sqs-link-created.json" : "sqs-link-clicked.json");
        assertThat(Json.tree(invoke(function, event)).path("batchItemFailures")).as(function).isEmpty();
      }
      case STATE_MACHINE_TASK -> {
        // A saga step's input is the state machine's (SagaOnTheEngineTest runs every path on the real definition).
        // Here: the artifact loads and builds its handler, and an empty input fails on validation, not a missing class.
        try {
          invoke(function, "{}");
        } catch (AssertionError e) {
          assertThat(missingClass(e)).as(function + ": " + e.getMessage()).isEmpty();
        }
      }
      case DYNAMODB_STREAM -> {
        // A subscriber first, so that the aggregator's push (its API Gateway management client) runs too.
        invoke("WsRoutesFunction", sample("websocket-message.json"));
        assertThat(Json.tree(invoke(function, sample("dynamodb-click-insert.json"))).path("batchItemFailures")).as(function).isEmpty();
      }
      case SCHEDULE -> {
        // EventBridge's scheduled event; the review sweep answers its reading (an empty queue reads 0).
        JsonNode reading = Json.tree(invoke(function, sample("scheduled-event.json")));
        assertThat(reading.path("at").asText()).as(function + " answered " + reading).isEqualTo("2026-12-01T20:00:00Z");
        assertThat(reading.has("oldestAgeSeconds")).as(function + " answered " + reading).isTrue();
      }
      case WEBSOCKET_AUTHORIZER -> {
        ObjectNode event = (ObjectNode) Json.tree(sample("websocket-authorizer-request.json"));
        ((ObjectNode) event.get("queryStringParameters")).put("token", stack.token(OWNER));
        JsonNode policy = Json.tree(invoke(function, Json.write(event)));
        assertThat(policy.path("principalId").asText()).isEqualTo(OWNER);
        assertThat(policy.path("policyDocument").path("Statement").get(0).path("Effect").asText()).isEqualTo("Allow");
      }
      case WEBSOCKET_ROUTES -> {
        JsonNode response = Json.tree(invoke(function, sample("websocket-message.json")));
        assertThat(Json.tree(response.path("body").asText()).path("type").asText()).as(function + " answered " + response).isEqualTo("subscribed");
      }
      case CODEDEPLOY_HOOK -> {
        // Its artifact loads and builds the hook; an event without its execution id is refused before anything is
        // reported (a real run needs the CodeDeploy endpoint: DeployRehearsalTest).
        assertThatThrownBy(() -> stack.stack().function(function).invoke("{\"DeploymentId\":\"d-ARTIFACT\"}"))
            .as(function).isInstanceOf(FunctionError.class).hasMessageContaining("LifecycleEventHookExecutionId");
      }
      default -> throw new AssertionError(trigger);
    }
  }

  @Test
  void everyAuthorizerOfTheTemplateIsAFunctionAboveOrApiGatewaysOwnJwtAuthorizer() throws IOException {
    Template template = template();
    List<String> functions = functions().toList();
    template.resourcesOfType("AWS::ApiGatewayV2::Authorizer").forEach((id, props) ->
        assertThat(Resolver.references(props.get("AuthorizerUri"))).as(id).anyMatch(functions::contains));
    template.resourcesOfType("AWS::Serverless::HttpApi").forEach((id, props) ->
        Template.map(Template.map(props.get("Auth")).get("Authorizers")).forEach((name, authorizer) ->
            assertThat(Template.map(authorizer)).as(id + "." + name + ": no code of ours runs, API Gateway checks the JWT")
                .containsKey("JwtConfiguration")));
  }

  /** How the template invokes a function. */
  enum Trigger {
    HTTP_API, SQS, DYNAMODB_STREAM, SCHEDULE, WEBSOCKET_AUTHORIZER, WEBSOCKET_ROUTES, STATE_MACHINE_TASK, CODEDEPLOY_HOOK, UNKNOWN;

    static Trigger of(Template template, FunctionSpec spec) {
      for (Map<String, Object> event : spec.events().values()) {
        switch (String.valueOf(event.get("Type"))) {
          case "HttpApi": return HTTP_API;
          case "SQS": return SQS;
          case "DynamoDB": return DYNAMODB_STREAM;
          case "Schedule": return SCHEDULE;
          default: break;
        }
      }
      if (namedBy(template, "AWS::ApiGatewayV2::Authorizer", "AuthorizerUri", spec)) return WEBSOCKET_AUTHORIZER;
      if (namedBy(template, "AWS::ApiGatewayV2::Integration", "IntegrationUri", spec)) return WEBSOCKET_ROUTES;
      if (namedBy(template, "AWS::Serverless::StateMachine", "DefinitionSubstitutions", spec)) return STATE_MACHINE_TASK;
      boolean hook = template.resourcesOfType("AWS::Serverless::Function").values().stream().anyMatch(p ->
          Resolver.references(Template.map(p.get("DeploymentPreference")).get("Hooks")).contains(spec.logicalId()));
      return hook ? CODEDEPLOY_HOOK : UNKNOWN;
    }

    private static boolean namedBy(Template template, String type, String property, FunctionSpec spec) {
      return template.resourcesOfType(type).values().stream().anyMatch(p -> Resolver.references(p.get(property)).contains(spec.logicalId()));
    }
  }

  /** Invokes a function of the stack; a function error fails the test, naming the class the artifact lacks. */
  static String invoke(String function, String event) {
    LocalFunction fn = stack.stack().function(function);
    try {
      return fn.invoke(event);
    } catch (FunctionError e) {
      String artifact = fn.artifact().map(a -> stack.stack().config().root().relativize(a).toString()).orElse("the class path");
      throw new AssertionError(missingClass(e)
          .map(c -> function + " runs from " + artifact + ", which lacks " + c + ": " + e)
          .orElse(function + " (from " + artifact + ") failed: " + e), e);
    }
  }

  /** The class a NoClassDefFoundError or ClassNotFoundException in the causes names. */
  static Optional<String> missingClass(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      boolean missing = t instanceof NoClassDefFoundError && !String.valueOf(t.getMessage()).startsWith("Could not initialize")
          || t instanceof ClassNotFoundException;
      if (!missing || t.getMessage() == null) continue;
      Matcher m = CLASS_NAME.matcher(t.getMessage());
      if (m.find()) return Optional.of(m.group().replace('/', '.'));
    }
    return Optional.empty();
  }

  /** An HTTP API (payload 2.0) event for a route; the path's {code} is {@code pathCode}. */
  static String http(String method, String route, boolean authorized, String pathCode) throws Exception {
    ObjectNode event = (ObjectNode) Json.tree(sample("http-api-request.json"));
    String path = pathCode == null ? route : route.replace("{code}", pathCode);
    ObjectNode ctx = (ObjectNode) event.get("requestContext");
    event.put("routeKey", method + " " + route).put("rawPath", path);
    ctx.put("routeKey", method + " " + route);
    ((ObjectNode) ctx.get("http")).put("method", method).put("path", path);
    if (pathCode == null) event.remove("pathParameters");
    else event.putObject("pathParameters").put("code", pathCode);
    if (authorized) ((ObjectNode) ctx.path("authorizer").path("jwt").path("claims")).put("sub", OWNER);
    else ctx.remove("authorizer");
    // The deployed edge adds its origin secret to every request it passes on; an HTTP function refuses one without it.
    String originSecret = stack.stack().function("CreateLinkFunction").environment().get(EdgeTrust.ENVIRONMENT);
    ((ObjectNode) event.get("headers")).put(EdgeTrust.HEADER, originSecret);
    if (method.equals("POST")) {
      event.put("body", Json.write(Map.of("url", "https://example.com/artifacts/" + UUID.randomUUID())));
      ((ObjectNode) event.get("headers")).put("content-type", "application/json").put("idempotency-key", UUID.randomUUID().toString());
    }
    return Json.write(event);
  }

  private static String created(String response) throws Exception {
    JsonNode r = Json.tree(response);
    assertThat(r.path("statusCode").asInt()).as(response).isEqualTo(201);
    return Json.tree(r.path("body").asText()).path("code").asText();
  }

  /** A sample event, about this test's link where it names one ("demo1" in the samples). */
  static String sample(String name) {
    try (InputStream in = FunctionArtifactsTest.class.getResourceAsStream("/events/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"alice\"", "\"" + OWNER + "\"");
      return code == null ? text : text.replace("demo1", code);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Template template() throws IOException {
    return Template.load(LocalConfig.findRoot().resolve("template.yaml"));
  }

  private static FunctionSpec spec(String function) {
    try {
      return template().functions().stream().filter(f -> f.logicalId().equals(function)).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
