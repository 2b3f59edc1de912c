package dev.linkpulse.emulators.codedeploy;

import dev.linkpulse.emulators.protocol.AwsJsonServer;
import dev.linkpulse.emulators.protocol.EmulatorBuilder;
import dev.linkpulse.emulators.time.Timeline;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A local CodeDeploy for the Lambda compute platform, on the JSON 1.1 protocol ({@code CodeDeploy_20141006}) that
 * the real {@code CodeDeployClient} speaks. Deployments run as AWS documents them (Start, BeforeAllowTraffic,
 * AllowTraffic in the configuration's steps, AfterAllowTraffic, End; alarms watched throughout; automatic
 * rollback), every wait on the given {@link Timeline}; the outside world is reached only through the ports.
 *
 * <pre>{@code
 * try (CodeDeployEmulator codeDeploy = CodeDeployEmulator.builder()
 *     .timeline(Timeline.scaled(60)).trafficShifter(aliases).hookInvoker(functions).alarmReader(cloudWatch)
 *     .listener(System.out::println).start()) {
 *   CodeDeployClient client = CodeDeployClient.builder().endpointOverride(codeDeploy.endpoint())...build();
 * }
 * }</pre>
 */
public final class CodeDeployEmulator implements AutoCloseable {
  /** "The deployment is considered to have failed if CodeDeploy is not notified by the Lambda validation function within one hour." */
  public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofHours(1);
  public static final Duration DEFAULT_ALARM_POLL_INTERVAL = Duration.ofSeconds(10);
  static final String TARGET_PREFIX = "CodeDeploy_20141006";
  static final String NAMESPACE = "com.amazonaws.codedeploy";

  private final DeploymentEngine engine;
  private final AwsJsonServer server;

  private CodeDeployEmulator(Builder b) throws IOException {
    engine = new DeploymentEngine(b.clock(), b.trafficShifter, b.hookInvoker, b.alarmReader, b.listeners,
        new DeploymentEngine.Settings(b.hookTimeout, b.alarmPollInterval));
    Map<String, AwsJsonServer.Operation> operations = new HashMap<>();
    operations.putAll(new ApplicationOperations(engine).operations());
    operations.putAll(new DeploymentOperations(engine).operations());
    operations.putAll(new TargetOperations(engine).operations());
    server = AwsJsonServer.builder().name("codedeploy").host(b.bindHost()).port(b.bindPort()).jsonVersion("1.1")
        .service(TARGET_PREFIX, NAMESPACE, operations).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}: what a client passes to {@code endpointOverride}. */
  public URI endpoint() {
    return server.endpoint();
  }

  public int port() {
    return server.port();
  }

  /** Stops the endpoint and every timer; a deployment in progress stays where it is. */
  @Override
  public void close() {
    engine.close();
    server.close();
  }

  /** Configures an emulator; {@link #start()} binds it. The traffic shifter and the hook invoker are required. */
  public static final class Builder extends EmulatorBuilder<Builder> {
    private TrafficShifter trafficShifter;
    private HookInvoker hookInvoker;
    private AlarmReader alarmReader = names -> {
      throw new IllegalStateException("no alarm reader configured: alarms " + names + " cannot be read");
    };
    private final List<DeploymentListener> listeners = new ArrayList<>();
    private Duration hookTimeout = DEFAULT_HOOK_TIMEOUT;
    private Duration alarmPollInterval = DEFAULT_ALARM_POLL_INTERVAL;

    private Builder() {}

    public Builder trafficShifter(TrafficShifter trafficShifter) {
      this.trafficShifter = Objects.requireNonNull(trafficShifter, "trafficShifter");
      return this;
    }

    public Builder hookInvoker(HookInvoker hookInvoker) {
      this.hookInvoker = Objects.requireNonNull(hookInvoker, "hookInvoker");
      return this;
    }

    /** Without one, a deployment group with enabled alarms stops its deployments unless it ignores poll failures. */
    public Builder alarmReader(AlarmReader alarmReader) {
      this.alarmReader = Objects.requireNonNull(alarmReader, "alarmReader");
      return this;
    }

    /** Adds a listener; listeners see events in the order added. */
    public Builder listener(DeploymentListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** How long a hook may take to report before its lifecycle event fails; AWS's is one hour. */
    public Builder hookTimeout(Duration hookTimeout) {
      this.hookTimeout = positive(hookTimeout, "hookTimeout");
      return this;
    }

    /** How often the alarms are read between the checks at every hook and traffic shift. */
    public Builder alarmPollInterval(Duration alarmPollInterval) {
      this.alarmPollInterval = positive(alarmPollInterval, "alarmPollInterval");
      return this;
    }


    public CodeDeployEmulator start() throws IOException {
      if (trafficShifter == null) throw new IllegalStateException("a traffic shifter is required");
      if (hookInvoker == null) throw new IllegalStateException("a hook invoker is required");
      return new CodeDeployEmulator(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
      return d;
    }
  }
}
