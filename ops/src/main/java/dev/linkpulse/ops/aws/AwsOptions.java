package dev.linkpulse.ops.aws;

import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.ops.UsageError;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import picocli.CommandLine.Option;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where a command finds AWS, as a picocli mixin: the standard credential and region chains (with {@code --profile}),
 * and endpoint overrides for the local stack or any SQS/DynamoDB/CloudWatch-compatible endpoint. Clients are built by
 * {@link AwsClients}, the code that builds the functions' clients, with what these options chose.
 *
 * <p>Endpoints, first match wins. SQS: {@code --endpoint-url}, {@code AWS_ENDPOINT_URL_SQS}, {@code AWS_ENDPOINT_URL}.
 * DynamoDB: {@code --dynamodb-endpoint-url}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL}. DynamoDB
 * Streams: {@code --dynamodb-endpoint-url}, {@code AWS_ENDPOINT_URL_DYNAMODB_STREAMS}, then the DynamoDB endpoint
 * (the local stack's engine, emulators.dynamodb, serves Streams on the DynamoDB port, and {@code ./linkpulse env}
 * exports only the DynamoDB variable).
 * Step Functions: {@code --sfn-endpoint-url}, {@code AWS_ENDPOINT_URL_SFN}, {@code AWS_ENDPOINT_URL}.
 * CloudWatch: {@code --cloudwatch-endpoint-url}, {@code AWS_ENDPOINT_URL_CLOUDWATCH}, {@code AWS_ENDPOINT_URL}.
 * The SDK reads the service variables by itself as well; reading them here makes the precedence explicit and the
 * streams fallback possible.
 *
 * <p>Region and credentials: {@link Chains}.
 */
public final class AwsOptions {
  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "SQS endpoint (default: $AWS_ENDPOINT_URL_SQS, $AWS_ENDPOINT_URL, else AWS's)")
  String sqsEndpoint;

  @Option(names = "--dynamodb-endpoint-url", paramLabel = "URL",
      description = "DynamoDB and DynamoDB Streams endpoint (default: $AWS_ENDPOINT_URL_DYNAMODB, $AWS_ENDPOINT_URL, else AWS's)")
  String dynamoEndpoint;

  @Option(names = "--codedeploy-endpoint-url", paramLabel = "URL",
      description = "CodeDeploy endpoint (default: $AWS_ENDPOINT_URL_CODEDEPLOY, $AWS_ENDPOINT_URL, else AWS's)")
  String codeDeployEndpoint;

  @Option(names = "--sfn-endpoint-url", paramLabel = "URL",
      description = "Step Functions endpoint (default: $AWS_ENDPOINT_URL_SFN, $AWS_ENDPOINT_URL, else AWS's)")
  String sfnEndpoint;

  @Option(names = "--cloudwatch-endpoint-url", paramLabel = "URL",
      description = "CloudWatch endpoint (default: $AWS_ENDPOINT_URL_CLOUDWATCH, $AWS_ENDPOINT_URL, else AWS's)")
  String cloudWatchEndpoint;

  @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the SDK's region chain: $AWS_REGION, profile, ...)")
  String region;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "Named profile for credentials and region (default: $AWS_PROFILE, else the default profile)")
  String profile;

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Longer than a function's: a command may wait on a long poll or a large batch. */
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

  /** The options a command gets when none is given: the standard chains and the endpoint variables. */
  public static AwsOptions defaults() {
    return new AwsOptions();
  }

  /**
   * The services a command may call: the option that overrides each one's endpoint, its SDK service id, and the
   * variables read without the option. {@link #validate()} checks them in this order, so the first bad one named is
   * the same whatever the command.
   */
  enum Service {
    CODEDEPLOY("--codedeploy-endpoint-url", "CODEDEPLOY"),
    SQS("--endpoint-url", "SQS"),
    CLOUDWATCH("--cloudwatch-endpoint-url", "CLOUDWATCH"),
    DYNAMODB("--dynamodb-endpoint-url", "DYNAMODB"),
    /** DynamoDB's option, its own variable, then DynamoDB's variables: see the class comment. */
    DYNAMODB_STREAMS("--dynamodb-endpoint-url", "DYNAMODB_STREAMS",
        Stream.concat(Stream.of("AWS_ENDPOINT_URL_DYNAMODB_STREAMS"), AwsClients.endpointVariables("DYNAMODB").stream()).toList()),
    SFN("--sfn-endpoint-url", "SFN");

    final String option;
    final String id;
    final List<String> variables;

    Service(String option, String id) {
      this(option, id, AwsClients.endpointVariables(id));
    }

    Service(String option, String id, List<String> variables) {
      this.option = option;
      this.id = id;
      this.variables = variables;
    }
  }

  /** What the service's option was given, if anything. */
  private String flag(Service service) {
    return switch (service) {
      case CODEDEPLOY -> codeDeployEndpoint;
      case SQS -> sqsEndpoint;
      case CLOUDWATCH -> cloudWatchEndpoint;
      case DYNAMODB, DYNAMODB_STREAMS -> dynamoEndpoint;
      case SFN -> sfnEndpoint;
    };
  }

  /** Where the service's calls go: its option, else its variables, else AWS's own endpoint (empty). */
  Optional<URI> endpoint(Service service) {
    return Endpoints.choose(service.option, flag(service), service.variables);
  }

  /** Checks the options without contacting anything; a bad URL is bad input. */
  public void validate() {
    for (Service service : Service.values()) endpoint(service);
    if (region != null && !region.matches("[a-z0-9-]{2,32}")) throw new UsageError("--region '" + region + "' is not a region name");
    if (profile != null && !profile.matches("\\S+")) throw new UsageError("--profile '" + profile + "' is not a profile name");
  }

  public SqsClient sqs() {
    return client(SqsClient.builder(), Service.SQS).build();
  }

  public DynamoDbClient dynamo() {
    return client(DynamoDbClient.builder(), Service.DYNAMODB).build();
  }

  public CodeDeployClient codeDeploy() {
    return client(CodeDeployClient.builder(), Service.CODEDEPLOY).build();
  }

  public SfnClient sfn() {
    return client(SfnClient.builder(), Service.SFN).build();
  }

  public CloudWatchClient cloudWatch() {
    return client(CloudWatchClient.builder(), Service.CLOUDWATCH).build();
  }

  public DynamoDbStreamsClient streams() {
    return client(DynamoDbStreamsClient.builder(), Service.DYNAMODB_STREAMS).build();
  }

  /** A client of any service at {@code endpoint} (a local emulator, say), with these options' region and credentials. */
  public <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B at(B builder, String serviceId, URI endpoint) {
    return configure(builder, serviceId, Optional.of(endpoint));
  }

  /** The one place a client is built from a service's endpoint option, with these options' region and credentials. */
  private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B client(B builder, Service service) {
    return configure(builder, service.id, endpoint(service));
  }

  private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String serviceId, Optional<URI> endpoint) {
    quietXRay();
    AwsClients.Settings settings = new AwsClients.Settings(endpoint.orElse(null), Chains.region(region, profile, endpoint.isPresent()),
        Chains.credentials(profile, endpoint.map(Endpoints::isLoopback).orElse(false)), CONNECT_TIMEOUT, SOCKET_TIMEOUT);
    return AwsClients.configure(builder, serviceId, settings);
  }

  /**
   * The X-Ray SDK's instrumentor rides along on this classpath (the local stack runs the traced handlers) and
   * hooks every SDK client. Outside Lambda there is no trace context: without this it logs an error on every call
   * (and, told to ignore that, an INFO line on start-up), which would bury the tool's one-line messages.
   */
  private static final Logger XRAY_LOG = Logger.getLogger("com.amazonaws.xray");

  static final String XRAY_CONTEXT_MISSING = "com.amazonaws.xray.strategy.contextMissingStrategy";

  static void quietXRay() {
    if (System.getenv("AWS_XRAY_CONTEXT_MISSING") == null && System.getProperty(XRAY_CONTEXT_MISSING) == null) {
      System.setProperty(XRAY_CONTEXT_MISSING, "IGNORE_ERROR");
    }
    if (XRAY_LOG.getLevel() == null) XRAY_LOG.setLevel(Level.WARNING);
  }
}
