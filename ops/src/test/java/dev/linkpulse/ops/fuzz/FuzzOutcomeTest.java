package dev.linkpulse.ops.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Reading a fuzz run's outcome from real Jazzer 0.24 logs (trimmed of instrumentation lines). */
class FuzzOutcomeTest {
  private static final FuzzTarget TARGET = new FuzzTarget("core", Path.of("/work/core"), "dev.linkpulse.core.links.UrlValidatorFuzzTest",
      "hostName", List.of());

  @Test
  void aCleanRunCountsLibFuzzersExecutedUnitsAndTheLastCorpusSize() throws Exception {
    FuzzOutcome o = FuzzOutcome.of(TARGET, log("clean.log"), 0, Path.of("clean.log"));

    assertThat(o.executions()).isEqualTo(70_670);
    assertThat(o.corpus()).isEqualTo(175);
    assertThat(o.crashes()).isZero();
    assertThat(o.clean()).isTrue();
  }

  /** With --keep_going Jazzer exits 0 after findings, and prints interim stats after each: the last ones count. */
  @Test
  void everyJavaExceptionFindingCountsEvenWhenTheFuzzerExitsZero() throws Exception {
    FuzzOutcome o = FuzzOutcome.of(TARGET, log("two-findings.log"), 0, Path.of("two-findings.log"));

    assertThat(o.crashes()).isEqualTo(2);
    assertThat(o.executions()).isEqualTo(27_431);
    assertThat(o.clean()).isFalse();
  }

  @Test
  void aRunThatDiedBeforeFuzzingIsACrash() {
    FuzzOutcome o = FuzzOutcome.of(TARGET, List.of("Error: Could not find or load main class com.code_intelligence.jazzer.Jazzer"), 1, Path.of("x"));

    assertThat(o.crashes()).isEqualTo(1);
    assertThat(o.executions()).isZero();
  }

  @Test
  void targetsAreNamedByClassWithoutFuzzTestAndMethodAndPickedBySubstring() {
    assertThat(TARGET.name()).isEqualTo("UrlValidator.hostName");
    assertThat(TARGET.matches("urlvalidator")).isTrue();
    assertThat(TARGET.matches("Cursor")).isFalse();
    assertThat(TARGET.inputsDir()).isEqualTo(Path.of("/work/core/src/test/resources/dev/linkpulse/core/links/UrlValidatorFuzzTestInputs/hostName"));
  }

  private static List<String> log(String name) throws IOException {
    try (var in = Objects.requireNonNull(FuzzOutcomeTest.class.getResourceAsStream(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
