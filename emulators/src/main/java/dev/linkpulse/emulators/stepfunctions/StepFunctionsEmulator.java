package dev.linkpulse.emulators.stepfunctions;

import dev.linkpulse.emulators.protocol.AwsJsonServer;
import dev.linkpulse.emulators.protocol.EmulatorBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * A local Step Functions: an ASL interpreter behind the API the real {@code SfnClient} and
 * {@code aws stepfunctions --endpoint-url} use. Standard workflows only; see the package documentation for what
 * runs and what a definition is refused for.
 *
 * <pre>{@code
 * try (StepFunctionsEmulator sfn = StepFunctionsEmulator.builder()
 *     .timeline(timeline).lambda(invoker)
 *     .endpoint("dynamodb", dynamoUri).endpoint("events", eventsUri)
 *     .dataDirectory(dir).start()) {
 *   String arn = sfn.deployStateMachine("Moderation", asl, Map.of("TableName", "links"));
 *   SfnClient client = SfnClient.builder().endpointOverride(sfn.endpoint())...;
 * }
 * }</pre>
 */
public final class StepFunctionsEmulator implements AutoCloseable {
  private static final Set<String> SERVICES = Set.of("dynamodb", "events");

  private final AwsJsonServer server;
  private final StepFunctionsEngine engine;
  private final EngineStore store;
  private final ExecutorService workers;

  private StepFunctionsEmulator(Builder b) throws IOException {
    this.store = new EngineStore(b.dataDirectory);
    this.workers = Executors.newCachedThreadPool(daemonThreads());
    EngineContext context = new EngineContext(b.clock(), new Tasks(b.lambda, b.endpoints), workers, store, new TaskTokens(store), b.random, b.executions);
    this.engine = new StepFunctionsEngine(context);
    try {
      this.server = AwsJsonServer.builder().name("stepfunctions").host(b.bindHost()).port(b.bindPort()).jsonVersion("1.0")
          .service(StepFunctionsApi.TARGET_PREFIX, StepFunctionsApi.NAMESPACE, new StepFunctionsApi(engine).operations())
          .start();
    } catch (IOException | RuntimeException e) {
      shutdown();
      throw e;
    }
    if (!b.deferResume) engine.resumeRunning();
  }

  /**
   * Resumes the executions a data directory held as running, for an emulator built with
   * {@link Builder#deferResume()}: a host whose functions come up after this emulator calls it once they can be
   * invoked. Later calls do nothing.
   */
  public void resumeRunning() {
    engine.resumeRunning();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}: the endpoint override for {@code SfnClient} and the aws CLI. */
  public URI endpoint() {
    return server.endpoint();
  }

  /**
   * Creates a state machine from ASL text after resolving {@code ${Name}} placeholders from {@code substitutions},
   * or updates the existing machine of that name to it (a restart over a data directory meets its own machines).
   * Returns the machine's ARN.
   *
   * @throws InvalidDefinitionException if the definition cannot run here; nothing is created or changed
   */
  public String deployStateMachine(String name, String definition, Map<String, String> substitutions) {
    String resolved = DefinitionSubstitutions.resolve(definition, substitutions);
    String arn = Names.machineArn(name);
    boolean exists = engine.machines().stream().anyMatch(m -> m.stateMachineArn().equals(arn));
    return exists ? engine.update(arn, resolved, null).stateMachineArn() : engine.create(name, resolved, null, "STANDARD").stateMachineArn();
  }

  /**
   * Checks a definition (after substitutions) without creating anything.
   *
   * @throws InvalidDefinitionException listing every problem, each with the JSON pointer of the field at fault
   */
  public void validate(String definition, Map<String, String> substitutions) {
    engine.validate(DefinitionSubstitutions.resolve(definition, substitutions));
  }

  @Override
  public void close() {
    server.close();
    shutdown();
  }

  private void shutdown() {
    engine.close();
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "stepfunctions-task-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures an emulator; {@link #start()} loads the data directory, resumes running executions and binds the port. */
  public static final class Builder extends EmulatorBuilder<Builder> {
    private LambdaInvoker lambda;
    private final Map<String, URI> endpoints = new LinkedHashMap<>();
    private Path dataDirectory;
    private boolean deferResume;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private ExecutionListener executions = ExecutionListener.NONE;

    private Builder() {}

    /** Who hears of every execution's start and end (for {@code AWS/States} metrics). */
    public Builder onExecution(ExecutionListener listener) {
      this.executions = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** How Lambda tasks reach functions. Without one, a definition with a Lambda task is refused. */
    public Builder lambda(LambdaInvoker lambda) {
      this.lambda = Objects.requireNonNull(lambda, "lambda");
      return this;
    }

    /**
     * Where an SDK integration sends its calls: {@code "dynamodb"} (JSON 1.0, {@code DynamoDB_20120810.*}) or
     * {@code "events"} (JSON 1.1, {@code AWSEvents.PutEvents}). Without one, a definition using it is refused.
     */
    public Builder endpoint(String service, URI endpoint) {
      if (!SERVICES.contains(service)) throw new IllegalArgumentException("service must be one of " + SERVICES + ", not " + service);
      endpoints.put(service, Objects.requireNonNull(endpoint, "endpoint"));
      return this;
    }

    /** Keeps machines, executions, history and task tokens in {@code directory}; running executions resume on start. */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Leaves the executions that were running at the last shutdown waiting until {@link #resumeRunning()}, instead of
     * resuming them on start: resumed before its functions exist, a task in flight would fail with
     * Lambda.ResourceNotFoundException and its execution with it.
     */
    public Builder deferResume() {
      this.deferResume = true;
      return this;
    }

    /** The source of FULL jitter, in [0, 1): tests pin it. */
    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public StepFunctionsEmulator start() throws IOException {
      return new StepFunctionsEmulator(this);
    }
  }
}
