package dev.linkpulse.pipeline.analytics;

import static dev.linkpulse.testing.Generators.listsOf;
import static dev.linkpulse.testing.Generators.strings;
import static dev.linkpulse.testing.Generators.withEdgeCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.linkpulse.testing.Generators;
import dev.linkpulse.pipeline.analytics.ClickClassifier.Classification;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ClickClassifierPropertiesTest {
  /** Shared by every test: a Parser costs a few hundred milliseconds to build. */
  static final ClickClassifier CLASSIFIER = new ClickClassifier();

  static final Set<String> DEVICES = Set.of("mobile", "tablet", "desktop", "bot", "unknown");
  static final Set<String> REASONS = Set.of("head", "empty", "preview", "crawler", "tool");

  /** Any string as the method, with the real ones (HEAD in any case among them) as edge cases. */
  @Test
  void neverThrowsOnArbitraryStrings() {
    Gen<String> methods = withEdgeCases(strings(), List.of("GET", "HEAD", "head", "HeAd", "POST", ""));
    qt().withExamples(350).forAll(strings(0, 2000), methods)
        .checkAssert((ua, method) -> assertWellFormed(CLASSIFIER.classify(ua, method), method));
  }

  @Test
  void neverThrowsOnMangledRealUserAgents() {
    qt().withExamples(250).forAll(mangled()).checkAssert(ua -> assertWellFormed(CLASSIFIER.classify(ua, "GET"), "GET"));
  }

  /** Fragments of real UAs glued together with noise reach far deeper into uap's regexes than random text does. */
  private static Gen<String> mangled() {
    Gen<String> fragment = Generate.oneOf(
        Generate.pick(List.of("Mozilla/5.0 ", "(Linux; Android 13; ", "iPhone; CPU iPhone OS 17_1 like Mac OS X) ",
            "AppleWebKit/537.36 (KHTML, like Gecko) ", "Chrome/131.0.0.0 ", "Mobile Safari/537.36", "Windows NT 10.0;",
            "Googlebot/2.1", "bot", "Tablet", "iPad", "Mobi", "curl/", "HEAD", "(", ")", ";", "/", " ", "\u0000", "\uD800")),
        strings(0, 20));
    return listsOf(fragment, 60).map(parts -> String.join("", parts)).describedAs(Generators::quoted);
  }

  @Test
  void neverThrowsOnVeryLongStrings() {
    Gen<String> repeated = Generate.pick(List.of("(", "Mozilla/5.0 (", "a", " ")).map(s -> s.repeat(100_000));
    // Mostly random text: the four repeated strings are a space of four values, drawn again and again.
    Gen<String> veryLong = Generate.frequency(Pair.of(3, strings(10_000, 200_000)), Pair.of(1, repeated)).describedAs(s -> "a string of " + s.length()
        + " chars starting " + Generators.quoted(s.substring(0, 40)));
    qt().withExamples(35).forAll(veryLong).checkAssert(ua -> assertWellFormed(CLASSIFIER.classify(ua, "GET"), "GET"));
  }

  private static void assertWellFormed(Classification c, String method) {
    assertThat(c.browser()).isNotNull();
    assertThat(c.os()).isNotNull();
    assertThat(DEVICES).contains(c.device());
    assertThat(c.bot()).isEqualTo(c.botReason() != null);
    if (c.bot()) assertThat(REASONS).contains(c.botReason());
    if ("HEAD".equalsIgnoreCase(method)) assertThat(c.botReason()).isEqualTo("head");
  }
}
