package dev.linkpulse.gatling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * How clicks arrive: people's browsers, from somewhere, and bots of the kinds the recorder flags (HEAD requests,
 * link-preview fetchers, crawlers, HTTP tools). The tables are data, in {@code traffic-mix.txt} beside this class
 * (its header says how a visit is drawn); each visit knows the class the recorder will put it in, so the run can
 * count humans and bots apart.
 */
final class TrafficMix {
  static final String RESOURCE = "traffic-mix.txt";
  static final Set<String> TABLES = Set.of("browser", "botkind", "preview", "crawler", "tool", "referrer", "country", "query");

  /** One click as it will be sent. {@code referer} and {@code query} are empty when there is none. */
  record Visit(String method, String userAgent, String referer, String country, String query, boolean bot) {
    Map<String, Object> attributes() {
      return Map.of("method", method, "userAgent", userAgent, "referer", referer, "country", country, "query", query, "bot", bot);
    }
  }

  private final Map<String, Weighted<String>> tables;
  private final double botShare;

  TrafficMix(Map<String, Weighted<String>> tables, double botShare) {
    if (!tables.keySet().equals(TABLES)) throw new IllegalArgumentException("the traffic mix needs the tables " + TABLES + ", got " + tables.keySet());
    if (!Set.of("head", "preview", "crawler", "tool").containsAll(tables.get("botkind").values())) {
      throw new IllegalArgumentException("botkind must be head, preview, crawler or tool, got " + tables.get("botkind").values());
    }
    if (botShare < 0 || botShare > 1) throw new IllegalArgumentException("botShare must be between 0 and 1, got " + botShare);
    this.tables = Map.copyOf(tables);
    this.botShare = botShare;
  }

  /** The mix in {@code traffic-mix.txt}. */
  static TrafficMix standard(double botShare) {
    try (InputStream in = TrafficMix.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      return new TrafficMix(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), botShare);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code TABLE WEIGHT VALUE} lines; blank lines and {@code #} comments are skipped, {@code -} is no value. */
  static Map<String, Weighted<String>> parse(String text) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<String, List<Double>> weights = new LinkedHashMap<>();
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) continue;
      String[] parts = l.split("\\s+", 3);
      if (parts.length < 3) throw new IllegalArgumentException(RESOURCE + " line " + number + ": expected TABLE WEIGHT VALUE, got '" + l + "'");
      double weight;
      try {
        weight = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(RESOURCE + " line " + number + ": weight '" + parts[1] + "' is not a number");
      }
      values.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[2].equals("-") ? "" : parts[2]);
      weights.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(weight);
    }
    Map<String, Weighted<String>> tables = new LinkedHashMap<>();
    values.forEach((table, v) -> tables.put(table, new Weighted<>(v, weights.get(table))));
    return tables;
  }

  Visit next(RandomGenerator random) {
    String country = draw("country", random);
    if (random.nextDouble() >= botShare) {
      return new Visit("GET", draw("browser", random), draw("referrer", random), country, draw("query", random), false);
    }
    String kind = draw("botkind", random);
    if (kind.equals("head")) return new Visit("HEAD", draw("browser", random), "", country, "", true);
    // A shared link's preview is fetched with the link as shared, utm tags and all; crawlers and tools go bare.
    return new Visit("GET", draw(kind, random), "", country, kind.equals("preview") ? draw("query", random) : "", true);
  }

  private String draw(String table, RandomGenerator random) {
    return tables.get(table).draw(random);
  }

  List<String> values(String table) {
    return tables.get(table).values();
  }
}
