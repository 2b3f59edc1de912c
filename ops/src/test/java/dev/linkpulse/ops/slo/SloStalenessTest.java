package dev.linkpulse.ops.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.local.LocalConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed alarms/alarms.yaml and dashboards/*.json are what alarms/slos.yaml renders to, byte for byte. */
class SloStalenessTest {
  static final Path ROOT = LocalConfig.findRoot();

  @Test
  void theGeneratedFilesAreUpToDateWithSlosYaml() {
    Map<String, String> rendered = SloRenderer.render(SloFile.load(ROOT.resolve(SloRenderer.SLOS)));
    assertThat(SloRenderer.stale(rendered, ROOT))
        .as("generated files out of date with alarms/slos.yaml: run ./linkpulse slo render and commit the result")
        .isEmpty();
  }

  @Test
  void renderCheckAgreesAndExitsZero() {
    Cli check = Cli.run("slo", "render", "--check");
    assertThat(check.exit()).as(check.err()).isZero();
    assertThat(check.out()).contains("alarms/alarms.yaml").contains("match alarms/slos.yaml");
  }

  @Test
  void templateYamlWiresTheNestedStack() {
    assertThat(Wiring.problems(ROOT.resolve("template.yaml"), SloFile.load(ROOT.resolve(SloRenderer.SLOS)))).isEmpty();
  }
}
