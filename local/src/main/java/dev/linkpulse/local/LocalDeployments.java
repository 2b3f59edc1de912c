package dev.linkpulse.local;

import dev.linkpulse.emulators.codedeploy.CodeDeployEmulator;
import dev.linkpulse.emulators.codedeploy.DeploymentEvent;
import dev.linkpulse.emulators.codedeploy.DeploymentListener;
import dev.linkpulse.emulators.codedeploy.SamDeploymentPreference;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.time.Timeline;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;

/**
 * Canary deployments in the local stack, the way CodeDeploy runs them on AWS: a local CodeDeploy (driven through
 * the real {@link CodeDeployClient}) shifts the function's alias between its versions, invokes the template's hooks
 * (each told the new version's ARN, and reaching it through a local Lambda Invoke endpoint), watches the function's
 * {@code DeploymentPreference} alarms, and flips the alias back on an alarm or a failed hook.
 */
public final class LocalDeployments implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LocalDeployments.class.getName());
  static final String ROLE = "arn:aws:iam::000000000000:role/linkpulse-codedeploy";

  /** What a deploy changes: another artifact, more environment, another deployment type (all optional). */
  public record Request(Path jar, Map<String, String> environment, String type) {
    public Request {
      environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
  }

  private final Template template;
  private final Resolver resolver;
  private final String stack;
  private final FunctionVersions versions;
  private final Map<String, LocalFunction> functions;
  private final LocalAlarms alarms = new LocalAlarms();
  private final Map<String, LocalFunction> hooks = new ConcurrentHashMap<>();
  private final Set<String> groups = ConcurrentHashMap.newKeySet();
  private final ExecutorService hookThreads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "codedeploy-hook");
    t.setDaemon(true);
    return t;
  });
  private final LambdaInvokeEndpoint lambda;
  private final CodeDeployEmulator codeDeploy;
  private final CodeDeployClient client;
  private final String application;

  LocalDeployments(Template template, Resolver resolver, String stack, Map<String, LocalFunction> functions,
      Timeline timeline, List<DeploymentListener> listeners) throws IOException {
    this.template = template;
    this.resolver = resolver;
    this.stack = stack;
    this.functions = functions;
    this.versions = new FunctionVersions(functions);
    this.lambda = new LambdaInvokeEndpoint(versions::resolve);
    CodeDeployEmulator.Builder builder = CodeDeployEmulator.builder().timeline(timeline).port(0)
        .trafficShifter((fn, alias, weights) -> versions.route(fn, weights))
        // Hand the hook off: it reports through the CodeDeploy endpoint, from its own thread, as on AWS.
        .hookInvoker((fn, event) -> hookThreads.submit(() -> invokeHook(fn, event)))
        .alarmReader(alarms);
    builder.listener(this::track);
    listeners.forEach(builder::listener);
    this.codeDeploy = builder.start();
    this.client = CodeDeployClient.builder().endpointOverride(codeDeploy.endpoint()).region(Region.of(AwsAccount.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
    this.application = stack + "-ServerlessDeploymentApplication";
    client.createApplication(r -> r.applicationName(application).computePlatform(ComputePlatform.LAMBDA));
  }

  public URI codeDeployEndpoint() {
    return codeDeploy.endpoint();
  }

  public URI lambdaEndpoint() {
    return lambda.endpoint();
  }

  /** The alarm states the deployments watch (all OK until set): the AlarmReader port. */
  public LocalAlarms alarms() {
    return alarms;
  }

  public String application() {
    return application;
  }

  /** Publishes a new version of {@code function} and starts its deployment; returns the deployment id. */
  public synchronized String deploy(String function, Request request) {
    FunctionSpec spec = spec(function);
    Map<String, Object> preference = Template.map(spec.properties().get("DeploymentPreference"));
    if (preference.isEmpty()) throw new IllegalArgumentException(function + " has no DeploymentPreference in the template");
    LocalFunction current = functions.get(function);
    Map<String, String> env = new LinkedHashMap<>(current.environment());
    env.putAll(request.environment());
    Path jar = request.jar() != null ? request.jar() : current.artifact().orElseThrow();
    LocalFunction next = LocalFunction.builder(function, spec.handlerClass()).artifact(jar).environment(env)
        .timeoutSeconds(spec.timeoutSeconds()).memoryMb(Integer.parseInt(String.valueOf(spec.properties().getOrDefault("MemorySize", 128))))
        .build();
    String serving = serving(function);
    String target = versions.publish(function, next);
    String group = group(function, preference);
    String type = request.type() != null ? request.type() : resolver.string(preference.get("Type"));
    String appSpec = appSpec(function, serving, target, hooksFor(function, target, preference));
    String id = client.createDeployment(r -> r.applicationName(application).deploymentGroupName(group)
        .deploymentConfigName(SamDeploymentPreference.deploymentConfigName(type))
        .revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT).appSpecContent(c -> c.content(appSpec)))).deploymentId();
    started.put(id, new String[] {function, target});
    return id;
  }

  /** The version the alias serves whole: 1 until a deployment of the function succeeds. */
  private String serving(String function) {
    return serving.getOrDefault(function, "1");
  }

  private final Map<String, String> serving = new ConcurrentHashMap<>();
  private final Map<String, String[]> started = new ConcurrentHashMap<>();

  /** A deployment that succeeded leaves its target serving: the next one shifts from there. */
  private void track(DeploymentEvent event) {
    if (event instanceof DeploymentEvent.Finished f && "Succeeded".equals(f.status()) && started.containsKey(f.deploymentId())) {
      String[] target = started.get(f.deploymentId());
      serving.put(target[0], target[1]);
    }
  }

  /** A published version of a function (1: as the template booted it), for drills that make it misbehave. */
  public LocalFunction version(String function, String number) {
    return versions.resolve(function + ":" + number).orElseThrow(() -> new IllegalArgumentException(function + " has no version " + number));
  }

  /** The hook built for the latest deployment that uses it. */
  public LocalFunction hook(String logicalId) {
    LocalFunction hook = hooks.get(logicalId);
    if (hook == null) throw new IllegalArgumentException("no deployment has used hook " + logicalId + " yet");
    return hook;
  }

  private String group(String function, Map<String, Object> preference) {
    String name = stack + "-" + function + "DeploymentGroup";
    if (groups.add(name)) {
      List<String> alarmNames = new ArrayList<>();
      for (Object a : Template.list(preference.get("Alarms"))) alarmNames.add(resolver.string(a));
      client.createDeploymentGroup(r -> r.applicationName(application).deploymentGroupName(name).serviceRoleArn(ROLE)
          .deploymentConfigName(SamDeploymentPreference.deploymentConfigName(resolver.string(preference.get("Type"))))
          .alarmConfiguration(a -> a.enabled(!alarmNames.isEmpty()).alarms(alarmNames.stream()
              .map(n -> software.amazon.awssdk.services.codedeploy.model.Alarm.builder().name(n).build()).toList()))
          .autoRollbackConfiguration(a -> a.enabled(true).eventsWithStrings("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM")));
    }
    return name;
  }

  /** The template's hooks of {@code function}, each built for this deployment: told the new version's ARN. */
  private Map<String, String> hooksFor(String function, String target, Map<String, Object> preference) {
    Map<String, String> lifecycle = new LinkedHashMap<>();
    Map<String, Object> declared = Template.map(preference.get("Hooks"));
    declared.forEach((phase, ref) -> {
      String hookId = Resolver.references(ref).get(0);
      LocalFunction template = functions.get(hookId);
      FunctionSpec spec = spec(hookId);
      Map<String, String> env = new LinkedHashMap<>(template.environment());
      env.put("NEW_VERSION", "arn:aws:lambda:" + AwsAccount.REGION + ":" + AwsAccount.ACCOUNT_ID + ":function:" + function + ":" + target);
      env.put("AWS_ENDPOINT_URL_CODEDEPLOY", codeDeploy.endpoint().toString());
      env.put("AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString());
      hooks.put(hookId, LocalFunction.builder(hookId, spec.handlerClass()).artifact(template.artifact().orElseThrow()).environment(env)
          .timeoutSeconds(spec.timeoutSeconds()).memoryMb(Integer.parseInt(String.valueOf(spec.properties().getOrDefault("MemorySize", 128))))
          .build());
      lifecycle.put(phase.equals("PreTraffic") ? "BeforeAllowTraffic" : "AfterAllowTraffic", hookId);
    });
    return lifecycle;
  }

  private void invokeHook(String hookId, String event) {
    LocalFunction hook = hooks.get(hookId);
    try {
      if (hook == null) throw new IllegalStateException("no hook " + hookId);
      LOG.info(hookId + " answered " + hook.invoke(event));
    } catch (RuntimeException e) {
      // A hook that crashes reports nothing: CodeDeploy fails its lifecycle event when the hook timeout passes.
      LOG.warning(hookId + " failed: " + e);
    }
  }

  static String appSpec(String function, String current, String target, Map<String, String> hooks) {
    StringBuilder yaml = new StringBuilder("version: 0.0\nResources:\n  - " + function + ":\n      Type: AWS::Lambda::Function\n"
        + "      Properties:\n        Name: " + function + "\n        Alias: " + LocalResources.ALIAS + "\n"
        + "        CurrentVersion: '" + current + "'\n        TargetVersion: '" + target + "'\n");
    if (!hooks.isEmpty()) yaml.append("Hooks:\n");
    hooks.forEach((phase, hook) -> yaml.append("  - ").append(phase).append(": ").append(hook).append('\n'));
    return yaml.toString();
  }

  private FunctionSpec spec(String id) {
    return template.functions().stream().filter(f -> f.logicalId().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no function " + id + " in the template"));
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
    hookThreads.shutdownNow();
    hooks.values().forEach(h -> {
      try {
        h.close();
      } catch (IOException e) {
        LOG.warning("closing " + h.name() + ": " + e);
      }
    });
  }
}
