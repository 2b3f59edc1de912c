package dev.linkpulse.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;

class AwsClientsTest {

  @Test
  void aServiceSpecificEndpointWinsOverTheGeneralOne() {
    Map<String, String> vars = Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000", "AWS_ENDPOINT_URL", "http://localhost:4566");
    assertThat(Env.scoped(vars, () -> AwsClients.endpoint("dynamodb"))).contains("http://localhost:8000");
    assertThat(Env.scoped(vars, () -> AwsClients.endpoint("SQS"))).contains("http://localhost:4566");
    assertThat(AwsClients.endpointVariables("dynamodb_streams")).containsExactly("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", "AWS_ENDPOINT_URL");
  }

  @Test
  void noEndpointVariableMeansTheDefaultEndpoint() {
    Map<String, String> unset = Map.of("AWS_ENDPOINT_URL_DYNAMODB", "", "AWS_ENDPOINT_URL", "");
    assertThat(Env.scoped(unset, () -> AwsClients.endpoint("DYNAMODB"))).isEmpty();
  }

  @Test
  void aFunctionsClientTakesItsRegionAndEndpointFromItsEnvironment() {
    Map<String, String> vars = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000");
    try (DynamoDbClient client = Env.scoped(vars, AwsClients::dynamoDb)) {
      DynamoDbServiceClientConfiguration config = client.serviceClientConfiguration();
      assertThat(config.region()).isEqualTo(Region.EU_WEST_1);
      assertThat(config.endpointOverride()).contains(URI.create("http://127.0.0.1:8000"));
    }
  }

  @Test
  void whatTheSettingsNameWinsOverTheEnvironment() {
    Map<String, String> vars = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000");
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("cli", "cli"));
    AwsClients.Settings settings = AwsClients.Settings.FUNCTION.withEndpoint(URI.create("http://127.0.0.1:9000"))
        .withRegion(Region.AP_SOUTHEAST_2).withCredentials(credentials).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
    try (DynamoDbClient client = Env.scoped(vars, () -> AwsClients.configure(DynamoDbClient.builder(), "DYNAMODB", settings).build())) {
      DynamoDbServiceClientConfiguration config = client.serviceClientConfiguration();
      assertThat(config.region()).isEqualTo(Region.AP_SOUTHEAST_2);
      assertThat(config.endpointOverride()).contains(URI.create("http://127.0.0.1:9000"));
      assertThat(config.credentialsProvider()).isSameAs(credentials);
    }
  }

  @Test
  void settingsThatLeaveAPartOpenFallBackToTheEnvironment() {
    Map<String, String> vars = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
    AwsClients.Settings regionOnly = AwsClients.Settings.FUNCTION.withRegion(Region.US_WEST_2);
    try (DynamoDbClient client = Env.scoped(vars, () -> AwsClients.configure(DynamoDbClient.builder(), "DYNAMODB", regionOnly).build())) {
      assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.US_WEST_2);
      assertThat(client.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:4566"));
    }
  }

  @Test
  void aFunctionsClientReadsTheEnvironmentsCredentialsFirst_andWithoutThemFallsBackToTheDefaultChain() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null, "the process has role credentials of its own");
    String before = System.getProperty("aws.accessKeyId");
    String secretBefore = System.getProperty("aws.secretAccessKey");
    System.setProperty("aws.accessKeyId", "from-properties");
    System.setProperty("aws.secretAccessKey", "secret");
    try (DynamoDbClient client = Env.scoped(Map.of("AWS_REGION", "eu-west-1"), () -> AwsClients.configure(DynamoDbClient.builder(), "DYNAMODB").build())) {
      assertThat(client.serviceClientConfiguration().credentialsProvider()).isSameAs(AwsClients.FUNCTION_CREDENTIALS);
      assertThat(AwsClients.FUNCTION_CREDENTIALS.resolveCredentials().accessKeyId()).isEqualTo("from-properties");
    } finally {
      restore("aws.accessKeyId", before);
      restore("aws.secretAccessKey", secretBefore);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) System.clearProperty(property); else System.setProperty(property, value);
  }
}
