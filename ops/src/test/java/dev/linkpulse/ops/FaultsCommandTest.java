package dev.linkpulse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.dynamodb.DynamoDbEmulator;
import org.junit.jupiter.api.Test;

/** {@code linkpulse faults} drives the DynamoDB engine's admin switches over HTTP. */
class FaultsCommandTest {
  @Test
  void addsListsAndClearsFaultRulesAndSwitchesThrottling() throws Exception {
    try (DynamoDbEmulator engine = DynamoDbEmulator.builder().port(0).start()) {
      String url = engine.endpoint().toString();
      assertThat(run("faults", "add", "--table", "LinkpulseTable", "--operation", "PutItem", "--share", "0.5", "--error", "ThrottlingException", "--endpoint-url", url)).isZero();
      assertThat(engine.faults().rules()).singleElement().satisfies(r -> {
        assertThat(r.table()).isEqualTo("LinkpulseTable");
        assertThat(r.operation()).isEqualTo("PutItem");
        assertThat(r.share()).isEqualTo(0.5);
        assertThat(r.errorType()).isEqualTo("ThrottlingException");
      });
      assertThat(run("faults", "add", "--delay-ms", "200", "--endpoint-url", url)).isZero();
      assertThat(engine.faults().rules()).hasSize(2);
      assertThat(run("faults", "list", "--endpoint-url", url)).isZero();
      assertThat(run("faults", "clear", "--endpoint-url", url)).isZero();
      assertThat(engine.faults().rules()).isEmpty();
      assertThat(run("faults", "throttling", "on", "--endpoint-url", url)).isZero();
      assertThat(engine.hotPartitionThrottling()).isTrue();
      assertThat(run("faults", "add", "--share", "2", "--endpoint-url", url)).isEqualTo(Linkpulse.USAGE);
      assertThat(engine.faults().rules()).as("bad input changes nothing").isEmpty();
    }
  }

  private static int run(String... args) {
    return Linkpulse.commandLine().execute(args);
  }
}
