package dev.linkpulse.emulators.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.emulators.time.ManualTimeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/** The handle: what the builder requires, the wire it answers on, and what close stops. */
class CodeDeployEmulatorTest {
  @Test
  void theTrafficShifterAndTheHookInvokerAreRequired() {
    assertThatThrownBy(() -> CodeDeployEmulator.builder().hookInvoker((f, e) -> {}).start())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("traffic shifter");
    assertThatThrownBy(() -> CodeDeployEmulator.builder().trafficShifter((f, a, w) -> {}).start())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("hook invoker");
  }

  @Test
  void waitsMustBePositive() {
    assertThatThrownBy(() -> CodeDeployEmulator.builder().hookTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CodeDeployEmulator.builder().alarmPollInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** JSON 1.1 with target prefix CodeDeploy_20141006, errors typed in __type, as the SDK expects. */
  @Test
  void itAnswersJson11UnderTheCodeDeployTargetPrefix() throws Exception {
    try (CodeDeployEmulator emulator = CodeDeployEmulator.builder().timeline(new ManualTimeline(CodeDeployFixture.T0))
        .trafficShifter((f, a, w) -> {}).hookInvoker((f, e) -> {}).start()) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/"))
          .header("X-Amz-Target", "CodeDeploy_20141006.GetDeployment").header("Content-Type", "application/x-amz-json-1.1")
          .POST(HttpRequest.BodyPublishers.ofString("{\"deploymentId\":\"d-AAAAAAAAA\"}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
      assertThat(response.body()).contains("\"__type\":\"com.amazonaws.codedeploy#DeploymentDoesNotExistException\"");
    }
  }

  /** After close nothing more happens: a canary's second shift never runs. */
  @Test
  void closeStopsEveryTimer() {
    CodeDeployFixture cd = new CodeDeployFixture();
    cd.createGroup("CodeDeployDefault.LambdaCanary10Percent5Minutes");
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    cd.close();
    cd.advance(Duration.ofMinutes(10));
    assertThat(cd.shifts).hasSize(1);
  }
}
