package dev.linkpulse.core.aws;

import dev.linkpulse.core.Env;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds AWS SDK clients the same way for every function: the light URLConnection HTTP client (fast cold start) with
 * Nagle's algorithm off on its TLS sockets ({@link NoDelaySocketFactory}),
 * the region from {@code AWS_REGION}, and the standard endpoint variables {@code AWS_ENDPOINT_URL_<SERVICE>} /
 * {@code AWS_ENDPOINT_URL}, read through {@link Env} (the function's own environment, on Lambda and locally).
 */
public final class AwsClients {
  private AwsClients() {}

  /**
   * What a caller decides for itself; a null part is read from the environment (region, endpoint) or left to the
   * SDK's default chain (credentials). The CLI builds its clients here too: its flags choose an endpoint, a region
   * and credentials, and it waits longer than a function may.
   */
  public record Settings(URI endpoint, Region region, AwsCredentialsProvider credentials, Duration connectTimeout,
      Duration socketTimeout) {
    /** A function's: everything from its environment, and timeouts that fail fast inside a Lambda's time limit. */
    public static final Settings FUNCTION = new Settings(null, null, null, Duration.ofSeconds(2), Duration.ofSeconds(10));

    public Settings withEndpoint(URI uri) {
      return new Settings(uri, region, credentials, connectTimeout, socketTimeout);
    }

    public Settings withRegion(Region chosen) {
      return new Settings(endpoint, chosen, credentials, connectTimeout, socketTimeout);
    }

    public Settings withCredentials(AwsCredentialsProvider provider) {
      return new Settings(endpoint, region, provider, connectTimeout, socketTimeout);
    }

    public Settings withTimeouts(Duration connect, Duration socket) {
      return new Settings(endpoint, region, credentials, connect, socket);
    }
  }

  public static DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder(), "DYNAMODB").build();
  }

  /** @param serviceId the endpoint-variable suffix: {@code DYNAMODB}, {@code SQS}, {@code EVENTBRIDGE}, ... */
  public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String serviceId) {
    return configure(builder, serviceId, Settings.FUNCTION);
  }

  /** As {@link #configure(AwsClientBuilder, String)}, with what {@code settings} name taking precedence over the environment. */
  public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String serviceId, Settings settings) {
    builder.httpClient(UrlConnectionHttpClient.create(new UrlConnections(settings.connectTimeout(), settings.socketTimeout())));
    Optional.ofNullable(settings.region()).or(() -> Env.find("AWS_REGION").map(Region::of)).ifPresent(builder::region);
    Optional.ofNullable(settings.endpoint()).or(() -> endpoint(serviceId).map(URI::create)).ifPresent(builder::endpointOverride);
    if (settings.credentials() != null) builder.credentialsProvider(settings.credentials());
    return builder;
  }

  /** The standard endpoint variables of a service, the one that wins first: {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL}. */
  public static List<String> endpointVariables(String serviceId) {
    return List.of("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT), "AWS_ENDPOINT_URL");
  }

  static Optional<String> endpoint(String serviceId) {
    return endpointVariables(serviceId).stream().map(Env::find).flatMap(Optional::stream).findFirst();
  }
}
