package dev.linkpulse.local;

import dev.linkpulse.emulators.codedeploy.AlarmReader;
import dev.linkpulse.emulators.codedeploy.CodeDeployEmulator;
import dev.linkpulse.emulators.codedeploy.DeploymentEvent;
import dev.linkpulse.emulators.codedeploy.DeploymentListener;
import dev.linkpulse.emulators.codedeploy.SamDeploymentPreference;
import dev.linkpulse.emulators.lambda.InvocationListener;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.time.Timeline;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.Alarm;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;

/**
 * Canary deployments in the local stack, the way CodeDeploy runs them on AWS: a local CodeDeploy (driven through
 * the real {@link CodeDeployClient}) shifts the function's alias between its versions, invokes the template's hooks
 * (each told the new version's ARN, and reaching it through a local Lambda Invoke endpoint), watches the function's
 * {@code DeploymentPreference} alarms as the stack's CloudWatch evaluates them, and flips the alias back on an alarm
 * or a failed hook.
 */
public final class LocalDeployments implements AutoCloseable {
  static final String ROLE = "arn:aws:iam::" + AwsAccount.ACCOUNT_ID + ":role/linkpulse-codedeploy";

  /**
   * What a deploy changes: another artifact, more environment, another deployment type (all optional); and the
   * speed its caller expects the stack's clock to run at (null: whatever it runs at).
   */
  public record Request(Path jar, Map<String, String> environment, String type, Double speed) {
    public Request {
      environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    public Request(Path jar, Map<String, String> environment, String type) {
      this(jar, environment, type, null);
    }
  }

  private final Template template;
  private final Resolver resolver;
  private final String stack;
  private final FunctionVersions versions;
  private final Map<String, LocalFunction> functions;
  private final InvocationListener metrics;
  private final Set<String> groups = ConcurrentHashMap.newKeySet();
  private final List<DeploymentListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, String> serving = new ConcurrentHashMap<>();
  private final Map<String, String[]> started = new ConcurrentHashMap<>();
  private final LambdaInvokeEndpoint lambda;
  private final DeploymentHooks hooks;
  private final CodeDeployEmulator codeDeploy;
  private final CodeDeployClient client;
  private final String application;
  private final Timeline timeline;

  /**
   * @param alarms the alarm states the deployments watch (the stack's CloudWatch)
   * @param metrics what hears of each invocation of a new version (the stack's AWS/Lambda metrics)
   */
  LocalDeployments(Template template, Resolver resolver, String stack, FunctionVersions versions, Map<String, LocalFunction> functions,
      Timeline timeline, AlarmReader alarms, InvocationListener metrics) throws IOException {
    this.template = template;
    this.resolver = resolver;
    this.stack = stack;
    this.versions = versions;
    this.functions = functions;
    this.metrics = metrics;
    this.timeline = timeline;
    this.lambda = new LambdaInvokeEndpoint(versions::invoker);
    CodeDeployEmulator.Builder builder = CodeDeployEmulator.builder().timeline(timeline).port(0)
        .trafficShifter((fn, alias, weights) -> versions.route(fn, weights))
        .hookInvoker((fn, event) -> this.hooks().invoke(fn, event))
        .alarmReader(alarms)
        .listener(this::track)
        .listener(event -> listeners.forEach(l -> l.on(event)));
    this.codeDeploy = builder.start();
    this.hooks = new DeploymentHooks(template, functions, Map.of("AWS_ENDPOINT_URL_CODEDEPLOY", codeDeploy.endpoint().toString(),
        "AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString()));
    this.client = CodeDeployClient.builder().endpointOverride(codeDeploy.endpoint()).region(Region.of(AwsAccount.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
    this.application = stack + "-ServerlessDeploymentApplication";
    client.createApplication(r -> r.applicationName(application).computePlatform(ComputePlatform.LAMBDA));
  }

  private DeploymentHooks hooks() {
    return hooks;
  }

  /** Where the real CodeDeployClient (and {@code aws deploy --endpoint-url}) reaches the stack's CodeDeploy. */
  public URI codeDeployEndpoint() {
    return codeDeploy.endpoint();
  }

  /** Lambda's Invoke for the stack's functions, their versions and aliases. */
  public URI lambdaEndpoint() {
    return lambda.endpoint();
  }

  public String application() {
    return application;
  }

  /** Hears every deployment's events from now on: the shift, each hook, the alarm states, the outcome. */
  public void listen(DeploymentListener listener) {
    listeners.add(listener);
  }

  /** Publishes a new version of {@code function} and starts its deployment; returns the deployment id. */
  public synchronized String deploy(String function, Request request) {
    requireSpeed(request.speed());
    FunctionSpec spec = Functions.spec(template, function);
    Map<String, Object> preference = Template.map(spec.properties().get("DeploymentPreference"));
    if (preference.isEmpty()) throw new IllegalArgumentException(function + " has no DeploymentPreference in the template");
    String type = request.type() != null ? request.type() : resolver.string(preference.get("Type"));
    String config = SamDeploymentPreference.deploymentConfigName(type);
    LocalFunction current = functions.get(function);
    Map<String, String> env = new LinkedHashMap<>(current.environment());
    env.putAll(request.environment());
    LocalFunction next = Functions.build(spec, request.jar() != null ? request.jar() : current.artifact().orElseThrow(), env, false);
    next.onInvocation(metrics);
    String from = serving.getOrDefault(function, "1");
    String target = versions.publish(function, next);
    String group = group(function, preference);
    String appSpec = appSpec(function, from, target, hooks.prepare(function, target, preference));
    String id = client.createDeployment(r -> r.applicationName(application).deploymentGroupName(group).deploymentConfigName(config)
        .revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT).appSpecContent(c -> c.content(appSpec)))).deploymentId();
    started.put(id, new String[] {function, target});
    return id;
  }

  /** How many times faster than the wall clock the deployments' waits, bake times and alarm periods run (0: a clock tests move). */
  public double speed() {
    return timeline.speed();
  }

  /**
   * A deployment's speed is its stack's: CodeDeploy waits on the stack's clock, and the alarms that stop it are
   * evaluated by the stack's CloudWatch on the same clock. Bake times sped up alone would promote a faulty canary
   * before its alarm could fire, so a deploy that expects another speed is refused, not half honoured.
   */
  private void requireSpeed(Double expected) {
    if (expected == null || expected == timeline.speed()) return;
    if (!(expected > 0) || Double.isInfinite(expected)) throw new IllegalArgumentException("speed must be a positive number, not " + expected);
    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--speed %s: this stack's clock runs at %s the wall clock, and its "
        + "deployments' waits and alarm periods with it; start the stack with ./linkpulse up --speed %s", plain(expected),
        timeline.speed() == 0 ? "a pace its tests set, not a multiple of" : plain(timeline.speed()) + "x", plain(expected)));
  }

  private static String plain(double speed) {
    return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
  }

  /** A deployment that succeeded leaves its target serving: the next one shifts from there. */
  private void track(DeploymentEvent event) {
    if (event instanceof DeploymentEvent.Finished f && "Succeeded".equals(f.status()) && started.containsKey(f.deploymentId())) {
      String[] target = started.get(f.deploymentId());
      serving.put(target[0], target[1]);
    }
  }

  /** A published version of a function (1: as the template booted it). */
  public LocalFunction version(String function, String number) {
    return versions.resolve(function + ":" + number).orElseThrow(() -> new IllegalArgumentException(function + " has no version " + number));
  }

  /** The hook built for the latest deployment that uses it. */
  public LocalFunction hook(String logicalId) {
    return hooks.hook(logicalId);
  }

  private String group(String function, Map<String, Object> preference) {
    String name = stack + "-" + function + "DeploymentGroup";
    if (groups.add(name)) {
      List<Alarm> alarms = Template.list(preference.get("Alarms")).stream().map(a -> Alarm.builder().name(resolver.string(a)).build()).toList();
      client.createDeploymentGroup(r -> r.applicationName(application).deploymentGroupName(name).serviceRoleArn(ROLE)
          .deploymentConfigName(SamDeploymentPreference.deploymentConfigName(resolver.string(preference.get("Type"))))
          .alarmConfiguration(a -> a.enabled(!alarms.isEmpty()).alarms(alarms))
          .autoRollbackConfiguration(a -> a.enabled(true).eventsWithStrings("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM")));
    }
    return name;
  }

  static String appSpec(String function, String current, String target, Map<String, String> hooks) {
    StringBuilder yaml = new StringBuilder("version: 0.0\nResources:\n  - " + function + ":\n      Type: AWS::Lambda::Function\n"
        + "      Properties:\n        Name: " + function + "\n        Alias: " + LocalResources.ALIAS + "\n"
        + "        CurrentVersion: '" + current + "'\n        TargetVersion: '" + target + "'\n");
    if (!hooks.isEmpty()) yaml.append("Hooks:\n");
    hooks.forEach((phase, hook) -> yaml.append("  - ").append(phase).append(": ").append(hook).append('\n'));
    return yaml.toString();
  }

  /** The client the stack's deployments run through (GetDeployment, ListDeployments, StopDeployment, ...). */
  public CodeDeployClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    codeDeploy.close();
    lambda.close();
    hooks.close();
  }
}
