package dev.linkpulse.pipeline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.pipeline.analytics.ClickClassifier.Classification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClickClassifierTest {
  static final ClickClassifier CLASSIFIER = new ClickClassifier();

  @ParameterizedTest
  @MethodSource("dev.linkpulse.pipeline.analytics.UserAgentSamples#humans")
  void classifiesPeople(String ua, Classification expected) {
    assertThat(CLASSIFIER.classify(ua, "GET")).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("dev.linkpulse.pipeline.analytics.UserAgentSamples#bots")
  void classifiesBots(String ua, String reason) {
    Classification c = CLASSIFIER.classify(ua, "GET");
    assertThat(c.bot()).as("bot").isTrue();
    assertThat(c.botReason()).isEqualTo(reason);
    assertThat(c.device()).isEqualTo("bot");
  }

  @Test
  void botBrowserFamiliesStillComeFromUap() {
    assertThat(CLASSIFIER.classify("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "GET")
        .browser()).isEqualTo("Googlebot");
    assertThat(CLASSIFIER.classify("curl/8.5.0", "GET").browser()).isEqualTo("curl");
  }

  @Test
  void headRequestsAreBotsWhateverTheUserAgent() {
    Classification c = CLASSIFIER.classify(UserAgentSamples.CHROME_WINDOWS, "HEAD");
    assertThat(c).isEqualTo(new Classification("Chrome", "Windows", "bot", true, "head"));
    assertThat(CLASSIFIER.classify(UserAgentSamples.CHROME_WINDOWS, "head").botReason()).isEqualTo("head");
    // Head is checked before everything else, including a missing UA and preview fetchers.
    assertThat(CLASSIFIER.classify(null, "HEAD").botReason()).isEqualTo("head");
    assertThat(CLASSIFIER.classify("Twitterbot/1.0", "HEAD").botReason()).isEqualTo("head");
    // The cached GET answer for the same UA is not affected.
    assertThat(CLASSIFIER.classify(UserAgentSamples.CHROME_WINDOWS, "GET").bot()).isFalse();
  }

  @Test
  void missingOrBlankUserAgentIsEmpty() {
    for (String ua : new String[] {null, "", "   ", "\t\n"}) {
      assertThat(CLASSIFIER.classify(ua, "GET")).isEqualTo(new Classification("Other", "Other", "bot", true, "empty"));
    }
    assertThat(CLASSIFIER.classify(null, null).botReason()).isEqualTo("empty");
  }

  @Test
  void unknownMethodsAndNullMethodClassifyByUserAgent() {
    assertThat(CLASSIFIER.classify(UserAgentSamples.CHROME_WINDOWS, null).bot()).isFalse();
    assertThat(CLASSIFIER.classify(UserAgentSamples.CHROME_WINDOWS, "POST").bot()).isFalse();
    assertThat(CLASSIFIER.classify(UserAgentSamples.CHROME_WINDOWS, "HEADX").bot()).isFalse();
  }

  @Test
  void onlyTheFirst512CharactersAreLookedAt() {
    // A token past the limit is ignored: the string is cut before matching so parse time stays bounded.
    String padded = UserAgentSamples.CHROME_WINDOWS + " " + "x".repeat(600) + " Googlebot/2.1";
    assertThat(CLASSIFIER.classify(padded, "GET").bot()).isFalse();
    String huge = "Googlebot/2.1 " + "y".repeat(1_000_000);
    assertThat(CLASSIFIER.classify(huge, "GET").botReason()).isEqualTo("crawler");
  }

  @Test
  void cacheIsBoundedAndDoesNotChangeAnswers() {
    ClickClassifier small = new ClickClassifier(8);
    List<String> uas = UserAgentSamples.all();
    List<Classification> first = uas.stream().map(ua -> small.classify(ua, "GET")).toList();
    assertThat(small.cacheSize()).isEqualTo(8);
    List<Classification> second = uas.stream().map(ua -> small.classify(ua, "GET")).toList();
    assertThat(second).isEqualTo(first);
    assertThat(first).isEqualTo(uas.stream().map(ua -> CLASSIFIER.classify(ua, "GET")).toList());
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    ClickClassifier shared = new ClickClassifier(16); // small, so threads race on eviction too
    List<String> uas = UserAgentSamples.all();
    List<Classification> expected = uas.stream().map(ua -> CLASSIFIER.classify(ua, "GET")).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Classification>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          List<Classification> out = new ArrayList<>();
          for (int round = 0; round < 2; round++) {
            for (int i = 0; i < uas.size(); i++) {
              int index = (i + offset * 7) % uas.size();
              out.add(shared.classify(uas.get(index), "GET"));
              assertThat(out.get(out.size() - 1)).isEqualTo(expected.get(index));
            }
          }
          return out;
        }));
      }
      for (Future<List<Classification>> result : results) assertThat(result.get()).hasSize(2 * uas.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void classificationRejectsInconsistentCombinations() {
    assertThatThrownBy(() -> new Classification("Chrome", "Windows", "desktop", true, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Classification("Chrome", "Windows", "desktop", false, "tool"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Classification("Chrome", "Windows", "bot", false, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** What the cache is for: a repeated User-Agent is answered from it, not parsed again (its speed is a bench's job). */
  @Test
  void aRepeatedUserAgentIsAnsweredFromTheCacheWithoutParsingAgain() {
    ClickClassifier cached = new ClickClassifier();
    ClickClassifier uncached = new ClickClassifier(0);
    for (String ua : UserAgentSamples.all()) {
      Classification first = cached.classify(ua, "GET");
      assertThat(cached.classify(ua, "GET")).isSameAs(first);
      Classification parsed = uncached.classify(ua, "GET");
      assertThat(uncached.classify(ua, "GET")).isEqualTo(parsed).isNotSameAs(parsed);
    }
    assertThat(uncached.cacheSize()).isZero();
  }

}
