package dev.linkpulse.ops.bench;

import dev.linkpulse.core.clicks.ClickEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A reproducible stream of click events: which link each click hits, who clicks, with what browser; and a share
 * of duplicates (the same event delivered twice), which every design must count once.
 */
record Workload(String name, List<ClickEvent> events, int distinct) {
  static final String[] AGENTS = {
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"};
  static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "IN", "BR", "JP", "CA"};
  static final String[] REFERRERS = {null, "https://t.co/x", "https://news.ycombinator.com/", "https://www.reddit.com/r/java/"};

  /** One link takes every click (a link gone viral). */
  static Workload viral(int clicks, double duplicateShare, long seed) {
    return build("viral (1 link)", clicks, duplicateShare, seed, r -> "viral0");
  }

  /** 10,000 links whose popularity follows Zipf(1.1): a few hot links, a long tail. */
  static Workload zipf(int clicks, int links, double exponent, double duplicateShare, long seed) {
    double[] cdf = new double[links];
    double sum = 0;
    for (int k = 1; k <= links; k++) {
      sum += 1.0 / Math.pow(k, exponent);
      cdf[k - 1] = sum;
    }
    final double total = sum;
    return build("zipf(1.1) over " + links + " links", clicks, duplicateShare, seed, r -> {
      double u = r.nextDouble() * total;
      int lo = 0, hi = links - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cdf[mid] < u) lo = mid + 1; else hi = mid;
      }
      return "zipf" + lo; // a code must be 3 to 64 characters (LinkCodes)
    });
  }

  private static Workload build(String name, int clicks, double duplicateShare, long seed, java.util.function.Function<SplittableRandom, String> link) {
    SplittableRandom r = new SplittableRandom(seed);
    List<ClickEvent> events = new ArrayList<>(clicks);
    Instant now = Instant.now();
    for (int i = 0; i < clicks; i++) {
      String ua = AGENTS[r.nextInt(AGENTS.length)];
      String visitor = String.format("visitor%08d", r.nextInt(Math.max(1, clicks / 3)));
      events.add(new ClickEvent(new UUID(r.nextLong(), r.nextLong()).toString(), now.plusMillis(i % 1000), link.apply(r), "",
          "GET", REFERRERS[r.nextInt(REFERRERS.length)], ua, COUNTRIES[r.nextInt(COUNTRIES.length)], visitor, false, Map.of()));
    }
    int duplicates = (int) Math.round(clicks * duplicateShare);
    for (int i = 0; i < duplicates; i++) events.add(events.get(r.nextInt(clicks)));
    return new Workload(name, events, clicks);
  }

  /** Distinct clicks per link: what an exact design must end up counting. */
  Map<String, Long> expectedPerLink() {
    Map<String, Long> out = new java.util.HashMap<>();
    events.subList(0, distinct).forEach(e -> out.merge(e.code(), 1L, Long::sum));
    return out;
  }
}
