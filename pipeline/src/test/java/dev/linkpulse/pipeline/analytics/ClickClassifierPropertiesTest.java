package dev.linkpulse.pipeline.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.pipeline.analytics.ClickClassifier.Classification;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class ClickClassifierPropertiesTest {
  /** Static: jqwik may create a test instance per try, and a Parser costs a few hundred milliseconds. */
  static final ClickClassifier CLASSIFIER = new ClickClassifier();

  static final Set<String> DEVICES = Set.of("mobile", "tablet", "desktop", "bot", "unknown");
  static final Set<String> REASONS = Set.of("head", "empty", "preview", "crawler", "tool");

  @Property(tries = 300)
  void neverThrowsOnArbitraryStrings(@ForAll @StringLength(max = 2000) String ua, @ForAll String method) {
    assertWellFormed(CLASSIFIER.classify(ua, method), method);
  }

  @Property(tries = 200)
  void neverThrowsOnMangledRealUserAgents(@ForAll("mangled") String ua) {
    assertWellFormed(CLASSIFIER.classify(ua, "GET"), "GET");
  }

  @Provide
  Arbitrary<String> mangled() {
    // Fragments of real UAs glued together with noise reach far deeper into uap's regexes than random text does.
    Arbitrary<String> fragment = Arbitraries.oneOf(
        Arbitraries.of("Mozilla/5.0 ", "(Linux; Android 13; ", "iPhone; CPU iPhone OS 17_1 like Mac OS X) ",
            "AppleWebKit/537.36 (KHTML, like Gecko) ", "Chrome/131.0.0.0 ", "Mobile Safari/537.36", "Windows NT 10.0;",
            "Googlebot/2.1", "bot", "Tablet", "iPad", "Mobi", "curl/", "HEAD", "(", ")", ";", "/", " ", "\u0000", "\uD800"),
        Arbitraries.strings().ofMaxLength(20));
    return fragment.list().ofMaxSize(60).map(parts -> String.join("", parts));
  }

  @Property(tries = 20)
  void neverThrowsOnVeryLongStrings(@ForAll("long") String ua) {
    assertWellFormed(CLASSIFIER.classify(ua, "GET"), "GET");
  }

  @Provide
  Arbitrary<String> longStrings() {
    return Arbitraries.strings().ofMinLength(10_000).ofMaxLength(200_000);
  }

  @Provide("long")
  Arbitrary<String> veryLong() {
    return Arbitraries.oneOf(longStrings(),
        Arbitraries.of("(", "Mozilla/5.0 (", "a", " ").map(s -> s.repeat(100_000)));
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
