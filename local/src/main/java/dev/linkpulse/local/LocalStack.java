package dev.linkpulse.local;

import dev.linkpulse.emulators.apigateway.WebSocketGateway;
import dev.linkpulse.emulators.eventbridge.EventBridgeEndpoint;
import dev.linkpulse.emulators.eventsources.SqsEventSource;
import dev.linkpulse.emulators.eventsources.StreamEventSource;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.time.Timeline;
import dev.linkpulse.local.alarms.LocalMonitoring;
import dev.linkpulse.local.auth.LocalIssuer;
import dev.linkpulse.local.moderation.FakeReputationProvider;
import dev.linkpulse.template.Template;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole application on one machine, booted from {@code template.yaml} onto the emulators module's services: the
 * template's tables and queues, its functions (in-process, each from its deployment artifact in a class loader of
 * its own), event buses, event-source mappings, WebSocket API, and the HTTP API with its JWT authorizer, each by a
 * {@link Booter} of its own. The real AWS SDK clients inside the handlers talk to these endpoints.
 */
public final class LocalStack implements AutoCloseable {
  /** In start order; each names its resources before any starts, so every Ref resolves whatever the order. */
  static final List<Booter> BOOTERS = List.of(new TableBooter(), new QueueBooter(), new FunctionBooter(), new StateMachineBooter(), new EventBusBooter(),
      new EventSourceBooter(), new WebSocketApiBooter(), new HttpApiBooter(), new MonitoringBooter(), new DeploymentBooter(), new ScheduleBooter());

  private final LocalConfig config;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private Template template;
  private Boot boot;
  private Duration startupTime;
  private Timeline timeline = Timeline.system();

  private LocalStack(LocalConfig config) {
    this.config = config;
  }

  public static LocalStack start(LocalConfig config) throws Exception {
    return start(config, Timeline.system());
  }

  /** @param timeline the Step Functions engine's clock (waits, retries, review timeouts): a ManualTimeline in tests */
  public static LocalStack start(LocalConfig config, Timeline timeline) throws Exception {
    LocalStack stack = new LocalStack(config);
    stack.timeline = timeline;
    try {
      stack.boot();
      return stack;
    } catch (Exception e) {
      stack.close();
      throw e;
    }
  }

  /** A stack on free ports with in-memory data, from the repository's template: what tests and benches start. */
  public static LocalStack ephemeral(Map<String, String> parameterOverrides) throws Exception {
    return start(LocalConfig.ephemeral(LocalConfig.findRoot()).withParameters(parameterOverrides));
  }

  /** {@link #ephemeral(Map)} with the Step Functions engine on {@code timeline}. */
  public static LocalStack ephemeral(Map<String, String> parameterOverrides, Timeline timeline) throws Exception {
    return start(LocalConfig.ephemeral(LocalConfig.findRoot()).withParameters(parameterOverrides), timeline);
  }

  private void boot() throws Exception {
    long start = System.nanoTime();
    // The SDK's default credential chain reads these; the emulators accept any credentials.
    System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
    System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
    LocalMetrics.install();
    // Every function's SDK clients use HttpURLConnection, whose keep-alive pool holds 5 connections per host by
    // default; a whole application's traffic to one emulator needs more, or most requests open a new connection.
    if (System.getProperty("http.maxConnections") == null) System.setProperty("http.maxConnections", "64");
    template = Template.load(config.template());
    boot = new Boot(config, template, closeables, timeline);
    for (Booter booter : BOOTERS) booter.name(boot);
    // Everything the local stack does not emulate (alarms, dashboards, nested stacks) still answers Ref with its id.
    template.resources().keySet().forEach(id -> {
      if (!boot.resources.knows(id)) boot.resources.other.put(id, id);
    });
    template.samGeneratedIds().forEach(id -> boot.resources.other.putIfAbsent(id, id));
    Unhonoured.log(template, BOOTERS.stream().flatMap(b -> b.types().stream()).collect(Collectors.toSet()));
    for (Booter booter : BOOTERS) booter.start(boot);
    // Only now is every alias published: a saga resumed earlier called ReserveQuotaFunction:live before it existed,
    // failed with ResourceNotFoundException, and rejected a link a kill -9 had caught in moderation.
    boot.moderation.resumeRunning();
    startupTime = Duration.ofNanos(System.nanoTime() - start);
  }

  public LocalConfig config() {
    return config;
  }

  public Template template() {
    return template;
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + boot.gateway.port();
  }

  public String dynamoEndpoint() {
    return boot.emulators.dynamoEndpoint();
  }

  public String sqsEndpoint() {
    return boot.emulators.sqsEndpoint();
  }

  public LocalIssuer issuer() {
    return boot.issuer;
  }

  /** A JWT for {@code user} from the local issuer, valid for an hour. */
  public String token(String user) {
    return boot.issuer.mint(user, Duration.ofHours(1));
  }

  public DynamoDbClient dynamo() {
    return boot.dynamo;
  }

  public SqsClient sqs() {
    return boot.sqs;
  }

  public String tableName(String logicalId) {
    return boot.resources.ref(logicalId);
  }

  public String queueUrl(String logicalId) {
    return boot.resources.ref(logicalId);
  }

  public Map<String, LocalFunction> functions() {
    return boot.functions;
  }

  /** Canary deployments of the stack's functions on its CodeDeploy, every wait on the stack's timeline. */
  public LocalDeployments deployments() {
    return boot.deployments;
  }

  public LocalFunction function(String logicalId) {
    LocalFunction f = boot.functions.get(logicalId);
    if (f == null) throw new IllegalArgumentException("no function " + logicalId + " in the template");
    return f;
  }

  /** The WebSocket API's URL ({@code ws://127.0.0.1:8081}), or null when the template declares none. */
  public String webSocketUrl() {
    return boot.webSockets == null ? null : boot.webSockets.url();
  }

  public WebSocketGateway webSockets() {
    return boot.webSockets;
  }

  public EventBridgeEndpoint eventBridge() {
    return boot.events;
  }

  public String eventsEndpoint() {
    return boot.events.endpoint();
  }

  public String busName(String logicalId) {
    return boot.resources.ref(logicalId);
  }

  /**
   * Waits until the pipeline has nothing left to do: every published event delivered to its queues, every mapped
   * queue empty (nothing visible, nothing in flight), every stream mapping caught up. Returns false on timeout.
   */
  public boolean awaitQuiet(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int quietRounds = 0;
    while (System.nanoTime() < deadline) {
      boolean quiet = boot.events.idle() && sqsEventSources().stream().allMatch(this::drained);
      for (StreamEventSource s : streamEventSources()) {
        quiet &= s.awaitIdle(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      }
      // Twice in a row: a stream batch may have just produced work for a queue, or the other way round.
      quietRounds = quiet ? quietRounds + 1 : 0;
      if (quietRounds == 2) return true;
      Thread.sleep(50);
    }
    return false;
  }

  private boolean drained(SqsEventSource source) {
    var attrs = boot.sqs.getQueueAttributes(r -> r.queueUrl(source.config().queueUrl()).attributeNames(
        software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
        software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return attrs.values().stream().allMatch("0"::equals);
  }

  public List<SqsEventSource> sqsEventSources() {
    return boot.mappings.stream().filter(SqsEventSource.class::isInstance).map(SqsEventSource.class::cast).toList();
  }

  public List<StreamEventSource> streamEventSources() {
    return boot.mappings.stream().filter(StreamEventSource.class::isInstance).map(StreamEventSource.class::cast).toList();
  }

  /** The Step Functions endpoint ({@code SfnClient}, {@code aws stepfunctions --endpoint-url}). */
  public String stepFunctionsEndpoint() {
    return boot.moderation.endpoint().toString();
  }

  /** The fake reputation provider the moderation saga's screen step asks. */
  public FakeReputationProvider reputation() {
    return boot.moderation.reputation();
  }

  /** The stack's CloudWatch: its endpoint, alarm states and notifications. */
  public LocalMonitoring monitoring() {
    return boot.monitoring;
  }

  /** The clock of the Step Functions engine, the CloudWatch alarms' evaluation and the drills: tests move it. */
  public Timeline timeline() {
    return timeline;
  }

  public Duration startupTime() {
    return startupTime;
  }

  /** What {@code ./linkpulse env} prints: the variables that point the aws CLI and the ops tools at this stack. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LINKPULSE_API", apiUrl());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint());
    env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint());
    env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", eventsEndpoint());
    env.put("AWS_ENDPOINT_URL_SFN", stepFunctionsEndpoint());
    env.put("LINKPULSE_REPUTATION", reputation().endpoint());
    env.put("AWS_ENDPOINT_URL_CLOUDWATCH", boot.monitoring.endpoint().toString());
    env.put("LINKPULSE_NOTIFICATIONS", boot.monitoring.notificationLog().toString());
    env.put("AWS_ENDPOINT_URL_CODEDEPLOY", boot.deployments.codeDeployEndpoint().toString());
    env.put("AWS_ENDPOINT_URL_LAMBDA", boot.deployments.lambdaEndpoint().toString());
    if (boot.webSockets != null) {
      env.put("LINKPULSE_WS", webSocketUrl());
      env.put("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI", boot.webSockets.managementEndpoint());
    }
    env.put("AWS_REGION", AwsAccount.REGION);
    env.put("AWS_DEFAULT_REGION", AwsAccount.REGION);
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("LINKPULSE_TABLE", tableName("LinkpulseTable"));
    boot.resources.buses.values().stream().findFirst().ifPresent(bus -> env.put("LINKPULSE_BUS", bus));
    return env;
  }

  public void printSummary(PrintStream out) {
    out.printf("Linkpulse local stack ready in %.2f s (template: %s)%n", startupTime.toNanos() / 1e9, config.template());
    out.printf("  %-16s %s%n", "service", "endpoint");
    out.printf("  %-16s %s%n", "HTTP API", apiUrl());
    out.printf("  %-16s %s%n", "health", apiUrl() + "/health");
    out.printf("  %-16s %s%n", "dashboard", apiUrl() + "/dashboard");
    out.printf("  %-16s %s%n", "JWT issuer", boot.issuer.issuer());
    out.printf("  %-16s %s%n", "DynamoDB", dynamoEndpoint() + (config.dataDir() == null ? "  (in memory)" : "  (data: " + config.dataDir() + ")"));
    out.printf("  %-16s %s%n", "SQS", sqsEndpoint() + (config.dataDir() == null ? "  (in memory)" : "  (data: " + config.dataDir() + ")"));
    out.printf("  %-16s %s%n", "EventBridge", eventsEndpoint() + "  (buses: " + boot.resources.buses.values() + ")");
    out.printf("  %-16s %s%n", "Step Functions", stepFunctionsEndpoint() + "  (reputation provider: " + reputation().endpoint()
        + ", POST /_admin/reputation {\"mode\":\"safe|malicious|slow|5xx\"})");
    out.printf("  %-16s %s%n", "CloudWatch", boot.monitoring.endpoint() + "  (" + boot.monitoring.alarmNames().size() + " alarms; notifications: "
        + boot.monitoring.notificationLog() + ")");
    out.printf("  %-16s %s%n", "CodeDeploy", boot.deployments.codeDeployEndpoint() + "  (application " + boot.deployments.application()
        + "; Lambda Invoke: " + boot.deployments.lambdaEndpoint() + "; ./linkpulse deploy FUNCTION)");
    if (boot.webSockets != null) out.printf("  %-16s %s%n", "WebSocket API", webSocketUrl() + "  (?token=<JWT>; management: " + boot.webSockets.managementEndpoint() + ")");
    out.printf("  %d functions, %d HTTP routes, %d event-source mappings; tables: %s; queues: %s%n", boot.functions.size(),
        boot.routes.size(), boot.mappings.size(), boot.resources.tables.values(), boot.resources.queueUrls.keySet());
    out.println(config.dataDir() == null
        ? "  IN MEMORY: nothing survives a restart (links, clicks, queued events). Start with --data DIR to keep them."
        : "  Durable in " + config.dataDir() + ": tables and streams, queues and their messages, and every event EventBridge answered for.");
    out.println("  Get a token: ./linkpulse token alice    Point tools here: eval \"$(./linkpulse env)\"    Stop: Ctrl-C");
  }

  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception ignored) {
        // closing best-effort: one failing part must not keep the others (and their ports) alive
      }
    }
    closeables.clear();
  }
}
