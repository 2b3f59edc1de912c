package dev.linkpulse.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsClientsTest {

  @Test
  void aServiceSpecificEndpointWinsOverTheGeneralOne() {
    Map<String, String> vars = Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000", "AWS_ENDPOINT_URL", "http://localhost:4566");
    assertThat(Env.scoped(vars, () -> AwsClients.endpoint("dynamodb"))).contains("http://localhost:8000");
    assertThat(Env.scoped(vars, () -> AwsClients.endpoint("SQS"))).contains("http://localhost:4566");
  }

  @Test
  void noEndpointVariableMeansTheDefaultEndpoint() {
    Map<String, String> unset = Map.of("AWS_ENDPOINT_URL_DYNAMODB", "", "AWS_ENDPOINT_URL", "");
    assertThat(Env.scoped(unset, () -> AwsClients.endpoint("DYNAMODB"))).isEmpty();
  }
}
