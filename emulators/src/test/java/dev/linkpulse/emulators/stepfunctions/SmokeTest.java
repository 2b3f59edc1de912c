package dev.linkpulse.emulators.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

class SmokeTest {
  @Test
  void passSucceeds() {
    try (SfnHarness h = new SfnHarness()) {
      var d = h.run("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"x\":1},\"ResultPath\":\"$.r\",\"End\":true}}}", "{\"a\":2}");
      assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(SfnHarness.json(d.output())).isEqualTo(SfnHarness.json("{\"a\":2,\"r\":{\"x\":1}}"));
      h.history(d.executionArn()).forEach(System.out::println);
    }
  }
}
