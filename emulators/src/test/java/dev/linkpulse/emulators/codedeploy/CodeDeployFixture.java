package dev.linkpulse.emulators.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkpulse.emulators.time.ManualTimeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.LambdaTarget;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;

/**
 * A CodeDeploy emulator on a manual timeline, driven by the real {@link CodeDeployClient}, with recording ports: the
 * alias routings it sets, the hooks it invokes, alarm states a test sets, and every listener event.
 */
final class CodeDeployFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final String APP = "linkpulse";
  static final String GROUP = "redirect";
  static final String ROLE = "arn:aws:iam::000000000000:role/CodeDeployServiceRole";
  static final String FUNCTION = "linkpulse-redirect";
  static final String ALIAS = "live";
  static final String PRE_TRAFFIC = "CodeDeployHook_redirectPreTraffic";
  static final String POST_TRAFFIC = "CodeDeployHook_redirectPostTraffic";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Shift(Instant at, String function, String alias, Map<String, Double> weights) {}

  record Invocation(Instant at, String function, String event, String deploymentId, String executionId) {}

  final ManualTimeline time = new ManualTimeline(T0);
  final List<Shift> shifts = new CopyOnWriteArrayList<>();
  final List<Invocation> invocations = new CopyOnWriteArrayList<>();
  final Map<String, String> alarmStates = new ConcurrentHashMap<>();
  final List<DeploymentEvent> events = new CopyOnWriteArrayList<>();
  volatile RuntimeException shifterFailure;
  volatile RuntimeException alarmFailure;
  volatile RuntimeException invokeFailure;
  /** Runs inside each hook invocation, after it is recorded (e.g. to report at once). */
  volatile Consumer<Invocation> onInvoke = i -> {};
  final CodeDeployEmulator emulator;
  final CodeDeployClient client;

  CodeDeployFixture() {
    this(b -> {});
  }

  CodeDeployFixture(Consumer<CodeDeployEmulator.Builder> configure) {
    CodeDeployEmulator.Builder builder = CodeDeployEmulator.builder().timeline(time)
        .trafficShifter(this::route).hookInvoker(this::invoke).alarmReader(this::states).listener(events::add);
    configure.accept(builder);
    try {
      emulator = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    client = CodeDeployClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  private void route(String function, String alias, Map<String, Double> weights) {
    if (shifterFailure != null) throw shifterFailure;
    shifts.add(new Shift(time.now(), function, alias, Map.copyOf(weights)));
  }

  private void invoke(String function, String event) {
    if (invokeFailure != null) throw invokeFailure;
    try {
      JsonNode payload = JSON.readTree(event);
      Invocation invocation = new Invocation(time.now(), function, event, payload.path("DeploymentId").asText(),
          payload.path("LifecycleEventHookExecutionId").asText());
      invocations.add(invocation);
      onInvoke.accept(invocation);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> states(java.util.Collection<String> names) {
    if (alarmFailure != null) throw alarmFailure;
    return Map.copyOf(alarmStates);
  }

  void createApplication() {
    client.createApplication(r -> r.applicationName(APP).computePlatform(ComputePlatform.LAMBDA));
  }

  /** The application and a group named {@link #GROUP} with {@code config} and any further settings. */
  void createGroup(String config, Consumer<CreateDeploymentGroupRequest.Builder> settings) {
    createApplication();
    client.createDeploymentGroup(r -> {
      r.applicationName(APP).deploymentGroupName(GROUP).serviceRoleArn(ROLE).deploymentConfigName(config);
      settings.accept(r);
    });
  }

  void createGroup(String config) {
    createGroup(config, r -> {});
  }

  /** Creates a deployment of {@code appSpec} in {@link #GROUP} and lets it start. */
  String deploy(String appSpec) {
    return deploy(appSpec, r -> {});
  }

  String deploy(String appSpec, Consumer<CreateDeploymentRequest.Builder> more) {
    String id = create(GROUP, appSpec, more);
    time.runDue();
    return id;
  }

  /** Creates a deployment of {@code appSpec} in {@code group} without letting time run: it stays Created. */
  String create(String group, String appSpec, Consumer<CreateDeploymentRequest.Builder> more) {
    return client.createDeployment(r -> {
      r.applicationName(APP).deploymentGroupName(group).revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
          .appSpecContent(c -> c.content(appSpec)));
      more.accept(r);
    }).deploymentId();
  }

  /** {@link #FUNCTION}'s alias {@link #ALIAS} from version 1 to 2, with the given hooks (null for none). */
  static String appSpec(String beforeAllowTraffic, String afterAllowTraffic) {
    StringBuilder yaml = new StringBuilder("version: 0.0\nResources:\n  - redirect:\n      Type: AWS::Lambda::Function\n"
        + "      Properties:\n        Name: " + FUNCTION + "\n        Alias: " + ALIAS + "\n        CurrentVersion: 1\n"
        + "        TargetVersion: 2\n");
    if (beforeAllowTraffic != null || afterAllowTraffic != null) yaml.append("Hooks:\n");
    if (beforeAllowTraffic != null) yaml.append("  - BeforeAllowTraffic: ").append(beforeAllowTraffic).append('\n');
    if (afterAllowTraffic != null) yaml.append("  - AfterAllowTraffic: ").append(afterAllowTraffic).append('\n');
    return yaml.toString();
  }

  static String appSpecWithHooks() {
    return appSpec(PRE_TRAFFIC, POST_TRAFFIC);
  }

  static String appSpecWithoutHooks() {
    return appSpec(null, null);
  }

  DeploymentInfo info(String id) {
    return client.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
  }

  LambdaTarget target(String id) {
    return client.getDeploymentTarget(r -> r.deploymentId(id).targetId(FUNCTION + ":" + ALIAS)).deploymentTarget().lambdaTarget();
  }

  LifecycleEvent lifecycleEvent(String id, String name) {
    return target(id).lifecycleEvents().stream().filter(e -> e.lifecycleEventName().equals(name)).findFirst().orElseThrow();
  }

  Invocation lastInvocation() {
    return invocations.get(invocations.size() - 1);
  }

  void report(Invocation invocation, LifecycleEventStatus status) {
    client.putLifecycleEventHookExecutionStatus(r -> r.deploymentId(invocation.deploymentId())
        .lifecycleEventHookExecutionId(invocation.executionId()).status(status));
  }

  /** Reports the latest hook as {@code Succeeded}. */
  void passLastHook() {
    report(lastInvocation(), LifecycleEventStatus.SUCCEEDED);
  }

  Map<String, Double> aliasWeights() {
    return shifts.isEmpty() ? Map.of() : shifts.get(shifts.size() - 1).weights();
  }

  void advance(Duration step) {
    time.advance(step);
  }

  @SuppressWarnings("unchecked")
  <T extends DeploymentEvent> List<T> events(Class<T> type) {
    return (List<T>) events.stream().filter(type::isInstance).toList();
  }

  @Override
  public void close() {
    client.close();
    emulator.close();
  }
}
