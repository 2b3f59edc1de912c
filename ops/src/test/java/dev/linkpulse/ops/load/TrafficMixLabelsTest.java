package dev.linkpulse.ops.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.pipeline.analytics.ClickClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Gatling scenarios count humans and bots apart, labelling each visit by the table its user agent comes from in
 * gatling's traffic-mix.txt. Those labels must be the recorder's: every browser agent is a human on GET and a bot on
 * HEAD, every preview, crawler and tool agent a bot. Checked here, where the recorder's classifier is on the
 * classpath (the gatling module keeps clear of the pipeline's dependencies), so a relabelled agent fails the build
 * instead of a load run's accounting.
 */
class TrafficMixLabelsTest {
  private static final Path MIX = LocalConfig.findRoot().resolve("gatling/src/main/resources/dev/linkpulse/gatling/traffic-mix.txt");
  private final ClickClassifier classifier = new ClickClassifier();

  /** The values of one table of the mix ({@code TABLE WEIGHT VALUE} lines). */
  private static List<String> table(String name) throws IOException {
    return Files.readAllLines(MIX).stream().map(String::strip).filter(l -> l.startsWith(name + " "))
        .map(l -> l.split("\\s+", 3)[2]).toList();
  }

  @Test
  void everyBrowserAgentIsAHumanOnGetAndABotOnHead() throws IOException {
    List<String> browsers = table("browser");
    assertThat(browsers).hasSizeGreaterThan(5);
    for (String agent : browsers) {
      assertThat(classifier.classify(agent, "GET").bot()).as("GET with %s", agent).isFalse();
      assertThat(classifier.classify(agent, "HEAD").botReason()).as("HEAD with %s", agent).isEqualTo("head");
    }
  }

  @Test
  void everyPreviewCrawlerAndToolAgentIsABotOfItsKind() throws IOException {
    for (String kind : List.of("preview", "crawler", "tool")) {
      List<String> agents = table(kind);
      assertThat(agents).as(kind).isNotEmpty();
      for (String agent : agents) {
        assertThat(classifier.classify(agent, "GET").botReason()).as("GET with %s", agent).isEqualTo(kind);
      }
    }
  }
}
