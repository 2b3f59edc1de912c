package dev.linkpulse.ops.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.local.LocalConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests: the fixture {@code ops/src/test/resources/slo/slos.yaml} renders to exactly the files under
 * {@code expected/}. After an intended change, regenerate them with
 * {@code mvn test -pl ops -Dtest='dev.linkpulse.ops.slo.**' -Dslo.golden.update=true} and review the diff.
 */
class SloRenderGoldenTest {
  static final Path FIXTURES = LocalConfig.findRoot().resolve("ops/src/test/resources/slo");
  static final Path FIXTURE = FIXTURES.resolve("slos.yaml");
  static final Path EXPECTED = FIXTURES.resolve("expected");

  @Test
  void theFixtureRendersExactlyAsCheckedIn() throws IOException {
    Map<String, String> rendered = SloRenderer.render(SloFile.load(FIXTURE));
    assertThat(rendered).containsOnlyKeys("alarms/alarms.yaml", "dashboards/slo.json", "dashboards/pipeline.json");
    if (Boolean.getBoolean("slo.golden.update")) SloRenderer.write(rendered, EXPECTED);
    List<String> differ = new ArrayList<>();
    for (var e : rendered.entrySet()) {
      Path golden = EXPECTED.resolve(e.getKey());
      assertThat(golden).as("golden file " + golden + " (create it with -Dslo.golden.update=true)").exists();
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      if (!expected.equals(e.getValue())) differ.add(e.getKey());
      assertThat(e.getValue()).as(e.getKey() + " against " + golden).isEqualTo(expected);
    }
    assertThat(differ).isEmpty();
  }

  @Test
  void renderingIsDeterministic() {
    SloSpec spec = SloFile.load(FIXTURE);
    assertThat(SloRenderer.render(spec)).isEqualTo(SloRenderer.render(SloFile.load(FIXTURE)));
  }

  @Test
  void theCliWritesOnlyWhatChangedAndCheckWritesNothing(@TempDir Path out) throws IOException {
    Cli first = Cli.run("slo", "render", "--slos", FIXTURE.toString(), "--out", out.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("wrote alarms/alarms.yaml, dashboards/pipeline.json, dashboards/slo.json");
    byte[] alarms = Files.readAllBytes(out.resolve("alarms/alarms.yaml"));
    assertThat(alarms).isEqualTo(Files.readAllBytes(EXPECTED.resolve("alarms/alarms.yaml")));

    Cli again = Cli.run("slo", "render", "--slos", FIXTURE.toString(), "--out", out.toString());
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("up to date");
    assertThat(Files.readAllBytes(out.resolve("alarms/alarms.yaml"))).as("byte-identical on re-render").isEqualTo(alarms);

    Cli clean = Cli.run("slo", "render", "--check", "--slos", FIXTURE.toString(), "--out", out.toString());
    assertThat(clean.exit()).as(clean.err()).isZero();

    // A hand edit of a generated file, and a dashboard nobody generates any more: both stale; --check touches nothing.
    Path slo = out.resolve("dashboards/slo.json");
    Files.writeString(slo, Files.readString(slo).replace("\"start\": \"-PT24H\"", "\"start\": \"-PT3H\""));
    String edited = Files.readString(slo);
    Files.writeString(out.resolve("dashboards/old.json"), "{}");
    Cli stale = Cli.run("slo", "render", "--check", "--slos", FIXTURE.toString(), "--out", out.toString());
    assertThat(stale.exit()).isEqualTo(1);
    assertThat(stale.err()).contains("out of date").contains("dashboards/slo.json").contains("dashboards/old.json")
        .doesNotContain("alarms/alarms.yaml").contains("./linkpulse slo render");
    assertThat(stale.err().lines()).hasSize(1);
    assertThat(Files.readString(slo)).isEqualTo(edited);
    assertThat(out.resolve("dashboards/old.json")).exists();

    Cli fix = Cli.run("slo", "render", "--slos", FIXTURE.toString(), "--out", out.toString());
    assertThat(fix.out()).contains("wrote dashboards/slo.json; removed dashboards/old.json (no longer generated)");
    assertThat(out.resolve("dashboards/old.json")).doesNotExist();
    assertThat(Files.readAllBytes(slo)).isEqualTo(Files.readAllBytes(EXPECTED.resolve("dashboards/slo.json")));
  }

  @Test
  void theFixtureExercisesWindowTruncationAndWholeDays() {
    String alarms = SloRenderer.render(SloFile.load(FIXTURE)).get("alarms/alarms.yaml");
    // ratio SLI, 2d window: two one-day datapoints, both breaching
    assertThat(alarms).contains("CheckoutAvailabilitySlowBurn2d:");
    // minutes SLI, 2d window: evaluated over its most recent 1440 minutes
    assertThat(alarms).contains("the 2d window is evaluated over its most recent 1d");
  }
}
