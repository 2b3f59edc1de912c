package dev.linkpulse.local;

import com.nimbusds.jose.jwk.JWKSet;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.links.ServedHosts;
import dev.linkpulse.emulators.apigateway.HttpGateway;
import dev.linkpulse.emulators.apigateway.HttpRoute;
import dev.linkpulse.emulators.eventbridge.EventBridgeEndpoint;
import dev.linkpulse.emulators.eventsources.SqsEventSource;
import dev.linkpulse.emulators.eventsources.StreamEventSource;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.local.auth.JwtAuthorizer;
import dev.linkpulse.local.auth.LocalIssuer;
import dev.linkpulse.local.gateway.LocalEdge;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole application on one machine, booted from {@code template.yaml}: the DynamoDB engine and ElasticMQ, the
 * template's tables and queues, its functions (in-process, each from its deployment artifact in a class loader of
 * its own), and the HTTP API with
 * its JWT authorizer. The real AWS SDK clients inside the handlers talk to these endpoints.
 */
public final class LocalStack implements AutoCloseable {
  private final LocalConfig config;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
  private Template template;
  private Emulators emulators;
  private LocalIssuer issuer;
  private HttpGateway gateway;
  private LocalResources resources;
  private DynamoDbClient dynamo;
  private SqsClient sqs;
  private Duration startupTime;
  private EventBridgeEndpoint events;
  private DynamoDbStreamsClient streams;
  private List<AutoCloseable> mappings = List.of();
  private dev.linkpulse.emulators.apigateway.WebSocketGateway webSockets;

  private LocalStack(LocalConfig config) {
    this.config = config;
  }

  public static LocalStack start(LocalConfig config) throws Exception {
    LocalStack stack = new LocalStack(config);
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
    emulators = Emulators.start(config.dynamoPort(), config.sqsPort(), config.dataDir());
    closeables.add(emulators);

    int apiPort = Ports.orFree(config.apiPort());
    Ports.requireFree("HTTP API", apiPort);
    String apiUrl = "http://127.0.0.1:" + apiPort;
    Map<String, String> parameters = new LinkedHashMap<>(template.parameterDefaults());
    parameters.put("ShortBaseUrl", apiUrl);
    parameters.put("JwtIssuer", apiUrl + LocalIssuer.PATH);
    parameters.put("AWS::Region", AwsAccount.REGION);
    parameters.put("AWS::AccountId", AwsAccount.ACCOUNT_ID);
    parameters.put("VisitorHashKey", LocalSecrets.visitorHashKey(config.stateDir()));
    parameters.put("EdgeOriginSecret", LocalSecrets.edgeOriginSecret(config.stateDir()));
    parameters.putAll(config.parameterOverrides());

    int eventsPort = Ports.orFree(config.eventsPort());
    Ports.requireFree("EventBridge", eventsPort);
    String eventsUrl = "http://127.0.0.1:" + eventsPort;
    int wsPort = Ports.orFree(config.wsPort());
    Ports.requireFree("WebSocket API", wsPort);
    int managementPort = Ports.orFree(0);
    Map<String, String> clientEnv = Map.of("AWS_REGION", AwsAccount.REGION,
        "AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamoEndpoint(), "AWS_ENDPOINT_URL_SQS", emulators.sqsEndpoint(),
        "AWS_ENDPOINT_URL_EVENTBRIDGE", eventsUrl,
        "AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI", "http://127.0.0.1:" + managementPort);
    dynamo = stackClient(DynamoDbClient.builder(), "DYNAMODB", emulators.dynamoEndpoint());
    sqs = stackClient(SqsClient.builder(), "SQS", emulators.sqsEndpoint());
    closeables.add(dynamo);
    closeables.add(sqs);

    resources = new LocalResources(AwsAccount.REGION, AwsAccount.ACCOUNT_ID);
    Resolver resolver = new Resolver(parameters, resources);
    Provisioner provisioner = new Provisioner(template, dynamo, sqs);
    resources.tables.putAll(provisioner.tables());
    resources.tables.forEach((id, name) -> {
      String arn = dynamo.describeTable(r -> r.tableName(name)).table().latestStreamArn();
      if (arn != null) resources.streamArns.put(id, arn);
    });
    provisioner.queues(resolver, resources.queueUrls);
    template.resourcesOfType("AWS::Serverless::Function").keySet().forEach(id -> resources.functions.put(id, id));
    template.resourcesOfType("AWS::Serverless::HttpApi").keySet().forEach(id -> resources.apis.put(id, "local"));
    template.resourcesOfType("AWS::Events::EventBus").forEach((id, props) -> resources.buses.put(id, resolver.string(props.getOrDefault("Name", id))));
    template.resourcesOfType("AWS::Events::Rule").forEach((id, props) -> resources.rules.put(id,
        (props.containsKey("EventBusName") ? resolver.string(props.get("EventBusName")) : "default") + "/" + id));
    // Queue policies cannot be enforced by ElasticMQ; TemplateContractTest checks what they admit.
    template.resourcesOfType("AWS::SQS::QueuePolicy").keySet().forEach(id -> resources.other.put(id, id));
    // Everything the local stack does not emulate (alarms, dashboards, nested stacks) still answers Ref with its id.
    template.resources().keySet().forEach(id -> {
      if (!resources.knows(id)) resources.other.put(id, id);
    });

    // What Lambda gives every function besides its own variables: its region and role credentials; plus, here,
    // where the services are. The SDK reads X-Ray's and Powertools' switches from the environment too.
    Map<String, String> runtimeEnv = new LinkedHashMap<>(clientEnv);
    runtimeEnv.put("AWS_ACCESS_KEY_ID", "local");
    runtimeEnv.put("AWS_SECRET_ACCESS_KEY", "local");
    runtimeEnv.put("AWS_XRAY_CONTEXT_MISSING", "IGNORE_ERROR");
    runtimeEnv.put("POWERTOOLS_TRACE_DISABLED", "true");
    functions.putAll(Functions.fromTemplate(template, config.template().getParent(), resolver, runtimeEnv, config.lambdaReports()));
    closeables.addAll(functions.values());

    events = new EventBridgeEndpoint(eventsPort, EventSources.rules(template, resolver, resources), sqs);
    if (config.dataDir() != null) events.persistTo(config.dataDir());
    events.start();
    closeables.add(events);
    streams = stackClient(DynamoDbStreamsClient.builder(), "DYNAMODB", emulators.dynamoEndpoint());
    closeables.add(streams);
    mappings = EventSources.mappings(template, resolver, resources, functions, sqs, streams);
    closeables.addAll(mappings);
    webSockets = WebSockets.gateway(template, functions, wsPort, managementPort).orElse(null);
    if (webSockets != null) {
      closeables.add(webSockets);
      webSockets.start();
    }

    issuer = LocalIssuer.open(config.stateDir(), parameters.get("JwtIssuer"), parameters.get("JwtAudience"));
    LocalEdge edge = new LocalEdge(parameters.get("EdgeOriginSecret"), ServedHosts.of(List.of(parameters.get("ShortBaseUrl"), apiUrl)));
    gateway = new HttpGateway(apiPort, httpRoutes(), authorizer(resolver), edge).serve("/health", exchange ->
        HttpGateway.write(exchange, exchange.getRequestMethod(), 200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));
    gateway.serve(LocalIssuer.PATH + "/.well-known/jwks.json", exchange -> json(exchange, issuer.jwksJson()));
    gateway.serve(LocalIssuer.PATH + "/.well-known/openid-configuration",
        exchange -> json(exchange, issuer.discoveryJson(issuer.issuer() + "/.well-known/jwks.json")));
    // The dashboard's static files, as they would be served from S3 behind CloudFront; config.json points it here.
    gateway.serve("/dashboard/", new dev.linkpulse.local.dashboard.DashboardHandler(apiUrl, webSocketUrl()));
    closeables.add(gateway);
    gateway.start();
    startupTime = Duration.ofNanos(System.nanoTime() - start);
  }

  /** A client of the stack's own, for provisioning and polling: the functions' clients are theirs to build. */
  private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C stackClient(B builder, String serviceId,
      String endpoint) {
    return AwsClients.configure(builder, serviceId).region(Region.of(AwsAccount.REGION)).endpointOverride(URI.create(endpoint)).build();
  }

  private static void json(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    HttpGateway.write(exchange, exchange.getRequestMethod(), 200, body.getBytes(StandardCharsets.UTF_8));
  }

  private List<HttpRoute> httpRoutes() {
    List<HttpRoute> routes = new ArrayList<>();
    Map<String, Map<String, Object>> apis = template.resourcesOfType("AWS::Serverless::HttpApi");
    for (FunctionSpec spec : template.functions()) {
      spec.events().forEach((name, event) -> {
        if (!"HttpApi".equals(event.get("Type"))) return;
        Map<String, Object> props = Template.map(event.get("Properties"));
        String apiId = String.valueOf(Template.map(props.get("ApiId")).get("Ref"));
        boolean hasDefault = Template.map(Template.map(apis.get(apiId)).get("Auth")).containsKey("DefaultAuthorizer");
        String authorizer = String.valueOf(Template.map(props.get("Auth")).getOrDefault("Authorizer", hasDefault ? "default" : "NONE"));
        String method = String.valueOf(props.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT);
        routes.add(new HttpRoute(method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : method,
            String.valueOf(props.get("Path")), !authorizer.equals("NONE"), functions.get(spec.logicalId())));
      });
    }
    return routes;
  }

  /** The HTTP API's JWT authorizer as the template configures it (issuer and audience). */
  private JwtAuthorizer authorizer(Resolver resolver) {
    for (Map<String, Object> api : template.resourcesOfType("AWS::Serverless::HttpApi").values()) {
      Map<String, Object> auth = Template.map(api.get("Auth"));
      Object defaultName = auth.get("DefaultAuthorizer");
      Map<String, Object> jwt = Template.map(Template.map(Template.map(auth.get("Authorizers")).get(String.valueOf(defaultName))).get("JwtConfiguration"));
      if (jwt.isEmpty()) continue;
      String iss = resolver.string(jwt.get("issuer"));
      List<String> audiences = Template.list(resolver.resolve(jwt.get("audience"))).stream().map(String::valueOf).toList();
      if (!iss.equals(issuer.issuer())) {
        throw new IllegalStateException("the local stack can only verify tokens of its own issuer (" + issuer.issuer() + "), not " + iss);
      }
      JWKSet keys;
      try {
        keys = JWKSet.parse(issuer.jwksJson());
      } catch (java.text.ParseException e) {
        throw new IllegalStateException(e);
      }
      return new JwtAuthorizer(iss, audiences, () -> keys, Clock.systemUTC());
    }
    return new JwtAuthorizer("", List.of(), JWKSet::new, Clock.systemUTC());
  }

  public LocalConfig config() {
    return config;
  }

  public Template template() {
    return template;
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + gateway.port();
  }

  public String dynamoEndpoint() {
    return emulators.dynamoEndpoint();
  }

  public String sqsEndpoint() {
    return emulators.sqsEndpoint();
  }

  public LocalIssuer issuer() {
    return issuer;
  }

  /** A JWT for {@code user} from the local issuer, valid for an hour. */
  public String token(String user) {
    return issuer.mint(user, Duration.ofHours(1));
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  public SqsClient sqs() {
    return sqs;
  }

  public String tableName(String logicalId) {
    return resources.ref(logicalId);
  }

  public String queueUrl(String logicalId) {
    return resources.ref(logicalId);
  }

  public Map<String, LocalFunction> functions() {
    return functions;
  }

  public LocalFunction function(String logicalId) {
    LocalFunction f = functions.get(logicalId);
    if (f == null) throw new IllegalArgumentException("no function " + logicalId + " in the template");
    return f;
  }

  /** The WebSocket API's URL ({@code ws://127.0.0.1:8081}), or null when the template declares none. */
  public String webSocketUrl() {
    return webSockets == null ? null : webSockets.url();
  }

  public dev.linkpulse.emulators.apigateway.WebSocketGateway webSockets() {
    return webSockets;
  }

  public EventBridgeEndpoint eventBridge() {
    return events;
  }

  public String eventsEndpoint() {
    return events.endpoint();
  }

  public String busName(String logicalId) {
    return resources.ref(logicalId);
  }

  /**
   * Waits until the pipeline has nothing left to do: every published event delivered to its queues, every mapped
   * queue empty (nothing visible, nothing in flight), every stream mapping caught up. Returns false on timeout.
   */
  public boolean awaitQuiet(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int quietRounds = 0;
    while (System.nanoTime() < deadline) {
      boolean quiet = events.idle() && sqsEventSources().stream().allMatch(this::drained);
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
    var attrs = sqs.getQueueAttributes(r -> r.queueUrl(source.config().queueUrl()).attributeNames(
        software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
        software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return attrs.values().stream().allMatch("0"::equals);
  }

  public List<SqsEventSource> sqsEventSources() {
    return mappings.stream().filter(SqsEventSource.class::isInstance).map(SqsEventSource.class::cast).toList();
  }

  public List<StreamEventSource> streamEventSources() {
    return mappings.stream().filter(StreamEventSource.class::isInstance).map(StreamEventSource.class::cast).toList();
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
    if (webSockets != null) {
      env.put("LINKPULSE_WS", webSocketUrl());
      env.put("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI", webSockets.managementEndpoint());
    }
    env.put("AWS_REGION", AwsAccount.REGION);
    env.put("AWS_DEFAULT_REGION", AwsAccount.REGION);
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("LINKPULSE_TABLE", tableName("LinkpulseTable"));
    resources.buses.values().stream().findFirst().ifPresent(bus -> env.put("LINKPULSE_BUS", bus));
    return env;
  }

  public void printSummary(PrintStream out) {
    out.printf("Linkpulse local stack ready in %.2f s (template: %s)%n", startupTime.toNanos() / 1e9, config.template());
    out.printf("  %-16s %s%n", "service", "endpoint");
    out.printf("  %-16s %s%n", "HTTP API", apiUrl());
    out.printf("  %-16s %s%n", "health", apiUrl() + "/health");
    out.printf("  %-16s %s%n", "dashboard", apiUrl() + "/dashboard");
    out.printf("  %-16s %s%n", "JWT issuer", issuer.issuer());
    out.printf("  %-16s %s%n", "DynamoDB", dynamoEndpoint() + (config.dataDir() == null ? "  (in memory)" : "  (data: " + config.dataDir() + ")"));
    out.printf("  %-16s %s%n", "SQS", sqsEndpoint() + (config.dataDir() == null ? "  (in memory)" : "  (data: " + config.dataDir() + ")"));
    out.printf("  %-16s %s%n", "EventBridge", eventsEndpoint() + "  (buses: " + resources.buses.values() + ")");
    if (webSockets != null) out.printf("  %-16s %s%n", "WebSocket API", webSocketUrl() + "  (?token=<JWT>; management: " + webSockets.managementEndpoint() + ")");
    out.printf("  %d functions, %d HTTP routes, %d event-source mappings; tables: %s; queues: %s%n", functions.size(),
        httpRoutes().size(), mappings.size(), resources.tables.values(), resources.queueUrls.keySet());
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
