package dev.linkpulse.emulators.lambda;

import dev.linkpulse.emulators.protocol.AwsAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One function, run in-process the way Lambda runs it. Its code comes from the artifact its {@code CodeUri} names,
 * in a class loader of its own whose parent gives nothing beyond the JDK, with the environment its configuration
 * and the runtime give it ({@link FunctionEnvironment}). Events and responses cross as JSON through Lambda's own
 * serializers, built for the function's class loader. Each instance (an execution environment) serves one
 * invocation at a time; a busy function grows by a cold start, whose init (class loading, static initialisers, the
 * handler's constructor) is timed and reported as Lambda's {@code REPORT} line reports it.
 *
 * <p>An invocation is stopped at the function's Timeout, counted in wall time from its start (after init): the
 * handler runs on a thread of its own ({@link HandlerThreads}), which is interrupted at the deadline; the caller gets
 * Lambda's {@code Sandbox.Timedout} error ({@link FunctionError#timedOut}) and the environment is discarded with its
 * class loader, so the next invocation is a cold start. {@code getRemainingTimeInMillis} counts down to the same
 * deadline. Init has no deadline here (Lambda gives it 10 s).
 *
 * <p>The code loads on the first invocation, not at start-up: Lambda, too, initialises a function on demand. A class
 * the artifact lacks therefore fails that invocation, with the function's name; an init that fails leaves nothing
 * behind, so the next invocation starts afresh, as a new execution environment would.
 */
public final class LocalFunction implements AutoCloseable {
  private final String name;
  private final Path artifact;
  private final Map<String, String> environment;
  private final Map<String, String> runtimeEnvironment;
  private final LambdaContext.FunctionIdentity identity;
  private final ExecutionEnvironments environments;
  private final HandlerThreads threads;
  private final Consumer<String> log;
  private final AtomicLong invocations = new AtomicLong();
  private final AtomicLong injectedFailures = new AtomicLong();
  private final RecordLoss recordLoss = new RecordLoss();
  private volatile InvocationListener listener = (function, nanos, error) -> {};
  /** Set while CodeDeploy shifts this function's alias: invocations go to the versions it names. */
  private volatile AliasRouting alias;

  /**
   * A function on the class path that runs the stack, for tests that need a handler's internals: no artifact and
   * so no environment of its own (the handler sees the JVM's).
   */
  public LocalFunction(String name, String handlerClassName, Map<String, String> environment, int timeoutSeconds, int memoryMb) {
    this(builder(name, handlerClassName).environment(environment).timeoutSeconds(timeoutSeconds).memoryMb(memoryMb));
  }

  private LocalFunction(Builder b) {
    this.name = b.name;
    this.artifact = b.artifact;
    this.environment = Map.copyOf(b.environment);
    this.runtimeEnvironment = RuntimeVariables.of(b.name, b.handlerClass, b.memoryMb, b.environment);
    String region = b.environment.getOrDefault("AWS_REGION", AwsAccount.REGION);
    this.identity = new LambdaContext.FunctionIdentity(b.name, b.timeoutSeconds, b.memoryMb,
        "arn:aws:lambda:" + region + ":" + AwsAccount.ACCOUNT_ID + ":function:" + b.name);
    this.log = line -> b.log.accept("[" + b.name + "] " + line);
    this.threads = new HandlerThreads(b.name);
    this.environments = new ExecutionEnvironments(b.name, b.handlerClass, b.artifact, runtimeEnvironment, log, b.memoryMb,
        b.reportEveryInvocation);
  }

  public static Builder builder(String name, String handlerClassName) {
    return new Builder(name, handlerClassName);
  }

  public String name() {
    return name;
  }

  /** The variables the function is configured with (the runtime adds its own: see {@link #runtimeEnvironment}). */
  public Map<String, String> environment() {
    return environment;
  }

  /** Everything the function's {@code System.getenv} answers, when it runs from an artifact. */
  public Map<String, String> runtimeEnvironment() {
    return runtimeEnvironment;
  }

  public Optional<Path> artifact() {
    return Optional.ofNullable(artifact);
  }

  /**
   * Chaos for tests and drills: the next {@code invocations} invocations fail as a crashed or timed-out function
   * does (the caller sees a function error, the handler never runs). {@code Long.MAX_VALUE} until {@link #heal}.
   */
  public void injectFailures(long invocations) {
    injectedFailures.set(invocations);
  }

  /**
   * Chaos for drills: from now on {@code share} (0 to 1) of the records of every event (SQS messages, stream
   * records) are lost before the handler sees them, and the event source is told they were processed. Unlike
   * {@link #injectFailures}, whose failures are retried and end in a dead-letter queue, nothing catches this but
   * an end-to-end count (the Gatling scenarios' accounting). 0, or {@link #heal}, stops it.
   */
  public void loseRecords(double share) {
    recordLoss.set(share);
  }

  /** Records lost to {@link #loseRecords} so far. */
  public long lostRecords() {
    return recordLoss.lost();
  }

  public void heal() {
    injectedFailures.set(0);
    recordLoss.set(0);
  }

  /** Who hears of each invocation's end (one listener; the local stack's metrics). */
  public void onInvocation(InvocationListener listener) {
    this.listener = java.util.Objects.requireNonNull(listener, "listener");
  }

  /** Routes invocations of this function (version 1, as its alias) between published versions; null: all here. */
  public void routeAlias(AliasRouting routing) {
    this.alias = routing;
  }

  /**
   * Invokes with an event given as JSON and returns the response as JSON (null for a null response): the version
   * the alias routes this invocation to ({@link #route}).
   */
  public String invoke(String eventJson) {
    return route().invokeVersion(eventJson);
  }

  /** The version the next invocation of this function (as its alias) goes to: itself unless CodeDeploy routes it. */
  public LocalFunction route() {
    AliasRouting routing = alias;
    return routing == null ? this : routing.pick();
  }

  /**
   * Invokes this version's own code, whatever its alias routes: what a qualified Invoke of the version runs
   * (Lambda's Invoke: a Qualifier that names a version invokes that version).
   */
  public String invokeVersion(String eventJson) {
    if (injectedFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      listener.invoked(name, 0, true);
      throw new FunctionError(name, "Injected", name + ": injected failure", null);
    }
    ExecutionEnvironment instance = environments.acquire();
    String requestId = UUID.randomUUID().toString();
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(identity.timeoutSeconds());
    boolean failed = true;
    boolean ended = false;
    boolean timedOut = false;
    try {
      invocations.incrementAndGet();
      FunctionCode c = instance.code;
      Object context = LambdaContext.create(c.handler(), identity, requestId, c.logger(), deadline);
      String event = recordLoss.apply(eventJson);
      String response = threads.run(() -> c.call(() -> c.handler().invoke(instance.handler, event, context)), deadline);
      ended = true;
      failed = false;
      return response;
    } catch (HandlerThreads.Abandoned e) {
      timedOut = e.timedOut;
      if (!timedOut) throw new FunctionError(name, "java.lang.InterruptedException", name + ": " + e.getMessage(), e);
      log.accept("RequestId: " + requestId + " Error: " + FunctionError.taskTimedOut(identity.timeoutSeconds()));
      throw FunctionError.timeout(name, requestId, identity.timeoutSeconds());
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      ended = true;
      throw FunctionError.invocation(name, t);
    } finally {
      long took = System.nanoTime() - start;
      if (ended) environments.release(instance, requestId, took);
      else environments.discard(instance, requestId, took, timedOut);
      listener.invoked(name, took, failed);
    }
  }

  /** Creates an instance now rather than on the first request (provisioned concurrency of one). */
  public void warm() {
    environments.warm();
  }

  public int instances() {
    return environments.instances();
  }

  public long invocations() {
    return invocations.get();
  }

  /** The init phase of the newest instance, once one exists. */
  public Optional<Duration> lastInitDuration() {
    long nanos = environments.lastInitNanos();
    return nanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
  }

  @Override
  public void close() throws IOException {
    threads.close();
    environments.close();
  }

  /** How a function is configured: its artifact, environment, timeout, memory, and where its log lines go. */
  public static final class Builder {
    private final String name;
    private final String handlerClass;
    private Path artifact;
    private Map<String, String> environment = Map.of();
    private int timeoutSeconds = 3;
    private int memoryMb = 128;
    private Consumer<String> log = System.err::println;
    private boolean reportEveryInvocation;

    private Builder(String name, String handlerClass) {
      if (name == null || name.isBlank()) throw new IllegalArgumentException("a function needs a name");
      if (handlerClass == null || handlerClass.isBlank()) throw new IllegalArgumentException("function " + name + " needs a handler class");
      this.name = name;
      this.handlerClass = handlerClass;
    }

    /** The deployment artifact (a jar) the function runs from; without one, the stack's own class path. */
    public Builder artifact(Path jar) {
      this.artifact = jar.toAbsolutePath().normalize();
      return this;
    }

    public Builder environment(Map<String, String> variables) {
      this.environment = Map.copyOf(variables);
      return this;
    }

    public Builder timeoutSeconds(int seconds) {
      if (seconds < 1 || seconds > 900) {
        throw new IllegalArgumentException("function " + name + ": Timeout must be 1-900 s, got " + seconds);
      }
      this.timeoutSeconds = seconds;
      return this;
    }

    public Builder memoryMb(int megabytes) {
      if (megabytes < 128 || megabytes > 10_240) {
        throw new IllegalArgumentException("function " + name + ": MemorySize must be 128-10240 MB, got " + megabytes);
      }
      this.memoryMb = megabytes;
      return this;
    }

    /** Where the function's log lines and its reports go (standard error by default), one line each. */
    public Builder log(Consumer<String> sink) {
      this.log = sink;
      return this;
    }

    /** A REPORT line after every invocation; without it, only after an instance's first (the one with an init). */
    public Builder reportEveryInvocation(boolean every) {
      this.reportEveryInvocation = every;
      return this;
    }

    /** Checks what can be checked without loading code: the artifact exists and holds the handler class. */
    public LocalFunction build() {
      if (artifact != null) ExecutionEnvironment.requireHandlerIn(name, artifact, handlerClass);
      else if (!environment.isEmpty()) {
        throw new IllegalArgumentException("function " + name
            + ": an environment of its own needs an artifact (on the stack's class path it sees the JVM's)");
      }
      return new LocalFunction(this);
    }
  }
}
