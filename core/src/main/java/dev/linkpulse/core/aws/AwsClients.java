package dev.linkpulse.core.aws;

import dev.linkpulse.core.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds AWS SDK clients the same way for every function: the light URLConnection HTTP client (fast cold start),
 * the region from {@code AWS_REGION}, and the standard endpoint variables {@code AWS_ENDPOINT_URL_<SERVICE>} /
 * {@code AWS_ENDPOINT_URL}, read through {@link Env} (the function's own environment, on Lambda and locally).
 */
public final class AwsClients {
  private AwsClients() {}

  public static DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder(), "DYNAMODB").build();
  }

  /** @param serviceId the endpoint-variable suffix: {@code DYNAMODB}, {@code SQS}, {@code EVENTBRIDGE}, ... */
  public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String serviceId) {
    builder.httpClientBuilder(UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(2))
        .socketTimeout(Duration.ofSeconds(10)));
    Env.find("AWS_REGION").ifPresent(region -> builder.region(Region.of(region)));
    endpoint(serviceId).ifPresent(uri -> builder.endpointOverride(URI.create(uri)));
    return builder;
  }

  static Optional<String> endpoint(String serviceId) {
    return Env.find("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT)).or(() -> Env.find("AWS_ENDPOINT_URL"));
  }
}
