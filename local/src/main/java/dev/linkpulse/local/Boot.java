package dev.linkpulse.local;

import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.emulators.apigateway.HttpGateway;
import dev.linkpulse.emulators.apigateway.HttpRoute;
import dev.linkpulse.emulators.apigateway.WebSocketGateway;
import dev.linkpulse.emulators.eventbridge.EventBridgeEndpoint;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.emulators.time.Timeline;
import dev.linkpulse.local.alarms.LocalMonitoring;
import dev.linkpulse.local.auth.LocalIssuer;
import dev.linkpulse.local.moderation.LocalModeration;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** What the booters share while the stack comes up, and what they leave behind for the stack to answer with. */
final class Boot {
  final LocalConfig config;
  final Template template;
  final Emulators emulators;
  final Map<String, String> parameters;
  final LocalResources resources = new LocalResources(AwsAccount.REGION, AwsAccount.ACCOUNT_ID);
  final Resolver resolver;
  final int apiPort;
  final String apiUrl;
  final int eventsPort;
  final int wsPort;
  final int managementPort;
  /** Where the services are, as every function's SDK clients find them. */
  final Map<String, String> clientEnvironment;
  final DynamoDbClient dynamo;
  final SqsClient sqs;
  final Map<String, LocalFunction> functions = new LinkedHashMap<>();
  /** The Step Functions engine and the reputation provider: up before the functions, which need their endpoints. */
  final LocalModeration moderation;
  /** The one clock of the stack's engines: Step Functions, CloudWatch's evaluation, the drills' ends. */
  final Timeline timeline;
  private final List<AutoCloseable> closeables;

  EventBridgeEndpoint events;
  DynamoDbStreamsClient streams;
  List<AutoCloseable> mappings = List.of();
  WebSocketGateway webSockets;
  LocalIssuer issuer;
  List<HttpRoute> routes = List.of();
  HttpGateway gateway;
  LocalMonitoring monitoring;

  /** Starts the DynamoDB engine and SQS, picks the ports and resolves the parameters; {@code closeables} gets all it opens. */
  Boot(LocalConfig config, Template template, List<AutoCloseable> closeables, Timeline timeline) throws Exception {
    this.config = config;
    this.template = template;
    this.closeables = closeables;
    this.timeline = timeline;
    this.emulators = closing(Emulators.start(config.dynamoPort(), config.sqsPort(), config.dataDir()));
    this.apiPort = Ports.orFree(config.apiPort());
    Ports.requireFree("HTTP API", apiPort);
    this.apiUrl = "http://127.0.0.1:" + apiPort;
    this.parameters = parameters(config, template, apiUrl);
    this.eventsPort = Ports.orFree(config.eventsPort());
    Ports.requireFree("EventBridge", eventsPort);
    this.wsPort = Ports.orFree(config.wsPort());
    Ports.requireFree("WebSocket API", wsPort);
    this.managementPort = Ports.orFree(0);
    this.moderation = closing(LocalModeration.start(timeline, functions, URI.create(emulators.dynamoEndpoint()), URI.create(eventsUrl()),
        config.dataDir()));
    // The screen step asks the stack's fake provider, unless a --parameter ReputationEndpoint=... says otherwise.
    if (template.parameters().containsKey("ReputationEndpoint") && !config.parameterOverrides().containsKey("ReputationEndpoint")) {
      parameters.put("ReputationEndpoint", moderation.reputation().endpoint());
    }
    this.clientEnvironment = Map.of("AWS_REGION", AwsAccount.REGION,
        "AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamoEndpoint(), "AWS_ENDPOINT_URL_SQS", emulators.sqsEndpoint(),
        "AWS_ENDPOINT_URL_EVENTBRIDGE", eventsUrl(), "AWS_ENDPOINT_URL_SFN", moderation.endpoint().toString(),
        "AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI", "http://127.0.0.1:" + managementPort);
    this.dynamo = closing(client(DynamoDbClient.builder(), "DYNAMODB", emulators.dynamoEndpoint()));
    this.sqs = closing(client(SqsClient.builder(), "SQS", emulators.sqsEndpoint()));
    this.resolver = new Resolver(parameters, resources);
  }

  private static Map<String, String> parameters(LocalConfig config, Template template, String apiUrl) {
    Map<String, String> parameters = new LinkedHashMap<>(template.parameterDefaults());
    parameters.put("ShortBaseUrl", apiUrl);
    parameters.put("JwtIssuer", apiUrl + LocalIssuer.PATH);
    parameters.put("AWS::Region", AwsAccount.REGION);
    parameters.put("AWS::AccountId", AwsAccount.ACCOUNT_ID);
    parameters.put("VisitorHashKey", LocalSecrets.visitorHashKey(config.stateDir()));
    parameters.put("EdgeOriginSecret", LocalSecrets.edgeOriginSecret(config.stateDir()));
    parameters.putAll(config.parameterOverrides());
    return parameters;
  }

  String eventsUrl() {
    return "http://127.0.0.1:" + eventsPort;
  }

  /** Closed with the stack, after everything opened later. */
  <T extends AutoCloseable> T closing(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  /** A client of the stack's own, for provisioning and polling: the functions' clients are theirs to build. */
  static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder, String serviceId, String endpoint) {
    return AwsClients.configure(builder, serviceId).region(Region.of(AwsAccount.REGION)).endpointOverride(URI.create(endpoint)).build();
  }
}
