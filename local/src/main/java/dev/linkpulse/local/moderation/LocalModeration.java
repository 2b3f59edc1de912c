package dev.linkpulse.local.moderation;

import dev.linkpulse.emulators.lambda.FunctionError;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.stepfunctions.LambdaInvoker;
import dev.linkpulse.emulators.stepfunctions.ExecutionListener;
import dev.linkpulse.emulators.stepfunctions.StepFunctionsEmulator;
import dev.linkpulse.emulators.time.Timeline;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The template's state machines on the emulators' Step Functions engine, their Lambda tasks invoking the stack's
 * functions (each from its artifact), their EventBridge tasks putting events on the stack's bus; and the fake
 * reputation provider the screen step asks. Started before the functions (they need its endpoint and the machines'
 * ARNs), the machines deployed after (their definitions name the functions).
 */
public final class LocalModeration implements AutoCloseable {
  private final StepFunctionsEmulator sfn;
  private final FakeReputationProvider reputation;
  /** Who hears of executions: set once CloudWatch is up, which starts after the engine. */
  private final java.util.concurrent.atomic.AtomicReference<ExecutionListener> executions;

  private LocalModeration(StepFunctionsEmulator sfn, FakeReputationProvider reputation,
      java.util.concurrent.atomic.AtomicReference<ExecutionListener> executions) {
    this.sfn = sfn;
    this.reputation = reputation;
    this.executions = executions;
  }

  /** Hands every execution's start and end to {@code listener} from now on (the stack's AWS/States metrics). */
  public void onExecution(ExecutionListener listener) {
    executions.set(java.util.Objects.requireNonNull(listener, "listener"));
  }

  /**
   * @param functions what a task's function name or ARN (qualified by an alias or version, or not) names, read when
   *     the task runs (the functions are built after this starts)
   * @param dataDir where executions survive a restart, or null for memory only
   */
  public static LocalModeration start(Timeline timeline, Function<String, Optional<LocalFunction>> functions, URI dynamo, URI events, Path dataDir)
      throws IOException {
    var executions = new java.util.concurrent.atomic.AtomicReference<>(ExecutionListener.NONE);
    StepFunctionsEmulator.Builder builder = StepFunctionsEmulator.builder().timeline(timeline)
        .lambda((function, payload) -> invoke(functions, function, payload)).onExecution(new ExecutionListener() {
          @Override
          public void started(String machine) {
            executions.get().started(machine);
          }

          @Override
          public void ended(String machine, String status, java.time.Duration ran) {
            executions.get().ended(machine, status, ran);
          }
        })
        .endpoint("dynamodb", dynamo).endpoint("events", events).port(0).deferResume();
    if (dataDir != null) builder.dataDirectory(dataDir.resolve("stepfunctions"));
    StepFunctionsEmulator sfn = builder.start();
    try {
      return new LocalModeration(sfn, FakeReputationProvider.start(0), executions);
    } catch (IOException | RuntimeException e) {
      sfn.close();
      throw e;
    }
  }

  private static LambdaInvoker.Result invoke(Function<String, Optional<LocalFunction>> functions, String function, String payload) {
    LocalFunction target = functions.apply(function).orElse(null);
    if (target == null) return LambdaInvoker.Result.serviceError("ResourceNotFoundException", "Function not found: " + function);
    try {
      String result = target.invoke(payload);
      return LambdaInvoker.Result.success(result == null ? "null" : result);
    } catch (FunctionError e) {
      return LambdaInvoker.Result.functionError(e.errorType(), e.getMessage());
    }
  }

  /** What {@code Ref} gives for each state machine of the template: its ARN here (the machine is named after its logical id). */
  public static Map<String, String> arns(Template template) {
    Map<String, String> arns = new LinkedHashMap<>();
    for (String id : machines(template).keySet()) arns.put(id, AwsAccount.arn("states", "stateMachine:" + id));
    return arns;
  }

  /**
   * Creates every state machine from its definition (DefinitionUri, relative to the template, or Definition) with its
   * DefinitionSubstitutions resolved; a definition the engine cannot run fails start-up with the state's path.
   */
  public void deploy(Template template, Path templateDir, Resolver resolver) throws IOException {
    for (var machine : machines(template).entrySet()) {
      Map<String, Object> props = Template.map(machine.getValue());
      String definition = props.containsKey("DefinitionUri")
          ? Files.readString(templateDir.resolve(resolver.string(props.get("DefinitionUri"))))
          : dev.linkpulse.core.Json.write(resolver.resolve(props.get("Definition")));
      Map<String, String> substitutions = new LinkedHashMap<>();
      Template.map(resolver.resolve(props.get("DefinitionSubstitutions"))).forEach((k, v) -> substitutions.put(k, String.valueOf(v)));
      try {
        sfn.deployStateMachine(machine.getKey(), definition, substitutions);
      } catch (RuntimeException e) {
        throw new IllegalStateException("state machine " + machine.getKey() + " cannot run locally: " + e.getMessage(), e);
      }
    }
  }

  private static Map<String, Map<String, Object>> machines(Template template) {
    Map<String, Map<String, Object>> all = new LinkedHashMap<>(template.resourcesOfType("AWS::Serverless::StateMachine"));
    all.putAll(template.resourcesOfType("AWS::StepFunctions::StateMachine"));
    return all;
  }

  public URI endpoint() {
    return sfn.endpoint();
  }

  /** Resumes the sagas a restart found running; called once every function and alias of the stack can be invoked. */
  public void resumeRunning() {
    sfn.resumeRunning();
  }

  public FakeReputationProvider reputation() {
    return reputation;
  }

  @Override
  public void close() {
    reputation.close();
    sfn.close();
  }
}
