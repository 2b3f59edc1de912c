package dev.linkpulse.ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.linkpulse.core.Env;
import dev.linkpulse.ops.UsageError;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The CLI's AWS options: where each service's endpoint, the region and the credentials come from. Nothing is contacted. */
class AwsOptionsTest {
  /** No region or key in the environment, so the chains' own fallbacks show (the variables are blanked for Env). */
  static final Map<String, String> BLANK = Map.of("AWS_REGION", "", "AWS_DEFAULT_REGION", "", "AWS_ENDPOINT_URL", "",
      "AWS_ENDPOINT_URL_SQS", "", "AWS_ENDPOINT_URL_DYNAMODB", "", "AWS_ENDPOINT_URL_DYNAMODB_STREAMS", "", "AWS_ENDPOINT_URL_EVENTBRIDGE", "");

  @TempDir Path tmp;

  @Test
  void endpointsComeFromTheFlagThenTheServiceVariableThenTheGlobalOne() {
    AwsOptions flags = new AwsOptions();
    flags.sqsEndpoint = "http://127.0.0.1:1111";
    Map<String, String> env = Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:2222", "AWS_ENDPOINT_URL", "http://127.0.0.1:3333",
        "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4444");
    Env.scoped(env, () -> {
      assertThat(flags.endpoint(AwsOptions.Service.SQS)).contains(URI.create("http://127.0.0.1:1111"));
      AwsOptions none = new AwsOptions();
      assertThat(none.endpoint(AwsOptions.Service.SQS)).contains(URI.create("http://127.0.0.1:2222"));
      assertThat(none.endpoint(AwsOptions.Service.DYNAMODB)).contains(URI.create("http://127.0.0.1:4444"));
      assertThat(none.endpoint(AwsOptions.Service.DYNAMODB_STREAMS)).as("the local DynamoDB engine serves Streams on the DynamoDB port").contains(URI.create("http://127.0.0.1:4444"));
      return null;
    });
    Env.scoped(Map.of("AWS_ENDPOINT_URL", "http://localhost:3333"), () -> {
      assertThat(new AwsOptions().endpoint(AwsOptions.Service.SQS)).contains(URI.create("http://localhost:3333"));
      assertThat(new AwsOptions().endpoint(AwsOptions.Service.DYNAMODB_STREAMS)).contains(URI.create("http://localhost:3333"));
      return null;
    });
    Env.scoped(Map.of("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", "http://127.0.0.1:5555", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4444"), () -> {
      assertThat(new AwsOptions().endpoint(AwsOptions.Service.DYNAMODB_STREAMS)).as("the streams variable wins over DynamoDB's").contains(URI.create("http://127.0.0.1:5555"));
      return null;
    });
    AwsOptions bad = new AwsOptions();
    bad.sqsEndpoint = "not a url";
    assertThatThrownBy(bad::validate).isInstanceOf(UsageError.class).hasMessageContaining("--endpoint-url must be an http(s) URL");
    assertThatThrownBy(() -> Env.scoped(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "ftp://x"), () -> {
      new AwsOptions().validate();
      return null;
    })).isInstanceOf(UsageError.class).hasMessageContaining("AWS_ENDPOINT_URL_DYNAMODB must be an http(s) URL");
    AwsOptions badRegion = new AwsOptions();
    badRegion.region = "Mars North";
    assertThatThrownBy(badRegion::validate).isInstanceOf(UsageError.class).hasMessageContaining("--region");
    AwsOptions badProfile = new AwsOptions();
    badProfile.profile = "two words";
    assertThatThrownBy(badProfile::validate).isInstanceOf(UsageError.class).hasMessageContaining("--profile");
    assertThat(Endpoints.isLoopback(URI.create("http://127.0.0.1:9324"))).isTrue();
    assertThat(Endpoints.isLoopback(URI.create("http://localhost:9324"))).isTrue();
    assertThat(Endpoints.isLoopback(URI.create("http://[::1]:9324"))).isTrue();
    assertThat(Endpoints.isLoopback(URI.create("https://sqs.us-east-1.amazonaws.com"))).isFalse();
  }

  @Test
  void theClientsGoWhereTheFlagsSayInTheRegionTheyName() {
    AwsOptions options = new AwsOptions();
    options.sqsEndpoint = "http://127.0.0.1:18701";
    options.region = "eu-west-1";
    try (SqsClient sqs = Env.scoped(Map.of("AWS_REGION", "ap-south-1"), options::sqs)) {
      assertThat(sqs.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:18701"));
      assertThat(sqs.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
    }
    try (SqsClient sqs = Env.scoped(Map.of("AWS_REGION", "ap-south-1"), new AwsOptions()::sqs)) {
      assertThat(sqs.serviceClientConfiguration().region()).as("without --region: $AWS_REGION").isEqualTo(Region.AP_SOUTH_1);
    }
  }

  @Test
  void onThisMachineAnyRegionAndKeyDo() {
    assumeTrue(nothingInTheRealEnvironment(), "AWS region or keys set in this process's environment");
    URI local = URI.create("http://127.0.0.1:18702");
    try (EventBridgeClient events = Env.scoped(BLANK, () -> AwsOptions.defaults().at(EventBridgeClient.builder(), "EVENTBRIDGE", local).build())) {
      assertThat(events.serviceClientConfiguration().endpointOverride()).contains(local);
      assertThat(events.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
      AwsCredentialsIdentity key = resolve(events.serviceClientConfiguration()::credentialsProvider);
      assertThat(key.accessKeyId()).isEqualTo("local");
    }
  }

  @Test
  void aNamedProfileGivesTheRegionAndTheKeys() throws Exception {
    assumeTrue(nothingInTheRealEnvironment(), "AWS region or keys set in this process's environment");
    Path config = Files.writeString(tmp.resolve("config"), "[profile ops]\nregion = eu-central-1\n");
    Path credentials = Files.writeString(tmp.resolve("credentials"), "[ops]\naws_access_key_id = OPSKEY\naws_secret_access_key = opssecret\n");
    String configBefore = System.setProperty("aws.configFile", config.toString());
    String credentialsBefore = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    try {
      AwsOptions options = new AwsOptions();
      options.profile = "ops";
      options.sqsEndpoint = "http://127.0.0.1:18703";
      try (SqsClient local = Env.scoped(BLANK, options::sqs)) {
        assertThat(local.serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
        assertThat(resolve(local.serviceClientConfiguration()::credentialsProvider).accessKeyId()).isEqualTo("OPSKEY");
      }
      options.sqsEndpoint = null;
      try (SqsClient aws = Env.scoped(BLANK, options::sqs)) {
        assertThat(aws.serviceClientConfiguration().endpointOverride()).isEmpty();
        assertThat(aws.serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
        assertThat(resolve(aws.serviceClientConfiguration()::credentialsProvider).accessKeyId()).as("the SDK's default chain, this profile")
            .isEqualTo("OPSKEY");
      }
    } finally {
      restore("aws.configFile", configBefore);
      restore("aws.sharedCredentialsFile", credentialsBefore);
    }
  }

  private static AwsCredentialsIdentity resolve(Supplier<?> provider) {
    return ((AwsCredentialsProvider) provider.get()).resolveCredentials();
  }

  private static boolean nothingInTheRealEnvironment() {
    for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_CONFIG_FILE",
        "AWS_SHARED_CREDENTIALS_FILE"}) {
      if (System.getenv(name) != null) return false;
    }
    return System.getProperty("aws.region") == null && System.getProperty("aws.accessKeyId") == null;
  }

  private static void restore(String property, String before) {
    if (before == null) System.clearProperty(property);
    else System.setProperty(property, before);
  }
}
