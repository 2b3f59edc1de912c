package dev.linkpulse.ops.dlq;

import dev.linkpulse.core.Env;
import dev.linkpulse.ops.UsageError;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where the {@code dlq} commands find AWS: the standard credential and region chains, with endpoint overrides for
 * the local stack (or any SQS/DynamoDB-compatible endpoint).
 *
 * <p>Endpoints, first match wins. SQS: {@code --endpoint-url}, {@code AWS_ENDPOINT_URL_SQS}, {@code AWS_ENDPOINT_URL}.
 * DynamoDB: {@code --dynamodb-endpoint-url}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL}. DynamoDB
 * Streams: {@code --dynamodb-endpoint-url}, {@code AWS_ENDPOINT_URL_DYNAMODB_STREAMS}, then the DynamoDB endpoint
 * (DynamoDB Local serves streams on its own port, and {@code ./linkpulse env} exports only the DynamoDB variable).
 * The SDK reads the service variables by itself as well; reading them here makes the precedence explicit and the
 * streams fallback possible.
 *
 * <p>Region: {@code --region}, {@code AWS_REGION}/{@code aws.region}, the profile; then, when every endpoint is
 * overridden, {@code us-east-1} (emulators ignore it); otherwise the rest of the SDK chain (instance metadata).
 * Credentials: the SDK's default chain; when the endpoints are all on this machine, {@code local/local} if that
 * chain finds nothing (ElasticMQ and DynamoDB Local accept any key).
 */
public final class AwsOptions {
  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "SQS endpoint (default: $AWS_ENDPOINT_URL_SQS, $AWS_ENDPOINT_URL, else AWS's)")
  String sqsEndpoint;

  @Option(names = "--dynamodb-endpoint-url", paramLabel = "URL",
      description = "DynamoDB and DynamoDB Streams endpoint (default: $AWS_ENDPOINT_URL_DYNAMODB, $AWS_ENDPOINT_URL, else AWS's)")
  String dynamoEndpoint;

  @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the SDK's region chain: $AWS_REGION, profile, ...)")
  String region;

  @Option(names = "--prefix", paramLabel = "PREFIX",
      description = "Only queues whose name starts with PREFIX (e.g. the stack name), for discovery and name lookup")
  String prefix;

  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

  Optional<URI> sqsEndpoint() {
    return endpoint("--endpoint-url", sqsEndpoint, "AWS_ENDPOINT_URL_SQS");
  }

  Optional<URI> dynamoEndpoint() {
    return endpoint("--dynamodb-endpoint-url", dynamoEndpoint, "AWS_ENDPOINT_URL_DYNAMODB");
  }

  Optional<URI> streamsEndpoint() {
    if (dynamoEndpoint != null) return dynamoEndpoint();
    return Env.find("AWS_ENDPOINT_URL_DYNAMODB_STREAMS").map(u -> parse("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", u)).or(this::dynamoEndpoint);
  }

  String prefix() {
    return prefix;
  }

  /** Checks the options without contacting anything; a bad URL is bad input. */
  void validate() {
    sqsEndpoint();
    dynamoEndpoint();
    streamsEndpoint();
    if (region != null && !region.matches("[a-z0-9-]{2,32}")) throw new UsageError("--region '" + region + "' is not a region name");
  }

  SqsClient sqs() {
    return configure(SqsClient.builder(), sqsEndpoint()).build();
  }

  DynamoDbClient dynamo() {
    return configure(DynamoDbClient.builder(), dynamoEndpoint()).build();
  }

  DynamoDbStreamsClient streams() {
    return configure(DynamoDbStreamsClient.builder(), streamsEndpoint()).build();
  }

  /**
   * The X-Ray SDK's instrumentor rides along on this classpath (the local stack runs the traced handlers) and
   * hooks every SDK client. Outside Lambda there is no trace context: without this it logs an error on every call
   * (and, told to ignore that, an INFO line on start-up), which would bury the tool's one-line messages.
   */
  private static final java.util.logging.Logger XRAY_LOG = java.util.logging.Logger.getLogger("com.amazonaws.xray");

  static void quietXRay() {
    if (System.getenv("AWS_XRAY_CONTEXT_MISSING") == null && System.getProperty(XRAY_CONTEXT_MISSING) == null) {
      System.setProperty(XRAY_CONTEXT_MISSING, "IGNORE_ERROR");
    }
    if (XRAY_LOG.getLevel() == null) XRAY_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  static final String XRAY_CONTEXT_MISSING = "com.amazonaws.xray.strategy.contextMissingStrategy";

  private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, Optional<URI> endpoint) {
    quietXRay();
    builder.httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(SOCKET_TIMEOUT));
    endpoint.ifPresent(builder::endpointOverride);
    builder.region(region(endpoint.isPresent()));
    builder.credentialsProvider(credentials(endpoint.map(AwsOptions::isLoopback).orElse(false)));
    return builder;
  }

  private Region region(boolean overridden) {
    if (region != null) return Region.of(region);
    Optional<String> env = Env.find("AWS_REGION").or(() -> Env.find("AWS_DEFAULT_REGION"));
    if (env.isPresent()) return Region.of(env.get());
    try {
      return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider()).getRegion();
    } catch (SdkClientException | IllegalStateException none) {
      // not configured here: an emulator does not care, AWS does
    }
    if (overridden) return Region.US_EAST_1;
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (SdkClientException e) {
      throw new UsageError("no AWS region: pass --region or set AWS_REGION");
    }
  }

  private static AwsCredentialsProvider credentials(boolean local) {
    if (!local) return DefaultCredentialsProvider.builder().build();
    // On this machine: the usual explicit sources, then any key (the emulators accept it). No instance metadata.
    return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
        SystemPropertyCredentialsProvider.create(), EnvironmentVariableCredentialsProvider.create(), ProfileCredentialsProvider.create(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
  }

  private static Optional<URI> endpoint(String option, String flag, String variable) {
    if (flag != null) return Optional.of(parse(option, flag));
    Optional<String> env = Env.find(variable);
    if (env.isPresent()) return Optional.of(parse(variable, env.get()));
    return Env.find("AWS_ENDPOINT_URL").map(u -> parse("AWS_ENDPOINT_URL", u));
  }

  private static URI parse(String source, String value) {
    try {
      URI uri = URI.create(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return uri;
    } catch (IllegalArgumentException ignored) {
      // reported below
    }
    throw new UsageError(source + " must be an http(s) URL like http://127.0.0.1:9324, got '" + value + "'");
  }

  static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    if (host == null) return false;
    host = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
    return host.equals("localhost") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || host.equals("::1");
  }
}
