package dev.linkpulse.gatling;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What a run is asked to do, read from system properties ({@code -Dname=value}, which the Gatling Maven plugin
 * and {@code ./linkpulse load} both pass to the simulation). Every property has a default that targets the local
 * stack; a value that does not parse, or is out of range, fails the run before anything is sent.
 *
 * @param rate arrivals a second at full rate: redirects, or for CreateAndShare, links created
 * @param ramp time to climb from one arrival a second to {@code rate} (zero: start at full rate)
 * @param duration time at full rate, after the ramp
 * @param links links created before the run (CreateAndShare creates its own as it goes)
 * @param botShare share of clicks sent as bots (HEAD requests, link-preview fetchers, crawlers, HTTP tools)
 * @param viralShare share of the clicks that go to the one viral link (ViralLink only)
 * @param p99Millis the redirect p99 the run must stay under
 * @param countTimeout how long the pipeline gets, after the last click, to count every click
 * @param warmUp unmeasured clicks for this long before the run, to a link of their own (0: none)
 * @param accountingFile where the accounting table is written ({@code .txt}, in {@code -DaccountingDir}), with a
 *     {@code .json} alongside
 */
record LoadParameters(URI baseUrl, TokenSource token, double rate, Duration ramp, Duration duration, int links,
    double botShare, double viralShare, int p99Millis, Duration countTimeout, Duration warmUp, Path accountingFile) {

  /** A scenario's own defaults for what differs between scenarios; {@code links} 0 when it creates its own. */
  record Defaults(double rate, Duration ramp, Duration duration, int links) {}

  static LoadParameters fromSystemProperties(String simulation, Defaults defaults) {
    return read(simulation, defaults, System::getProperty);
  }

  static LoadParameters read(String simulation, Defaults defaults, UnaryOperator<String> property) {
    Reader r = new Reader(property);
    LocalStackFile local = LocalStackFile.find(property.apply("linkpulse.root"));
    URI baseUrl = r.url("baseUrl", local.apiUrl());
    String token = r.text("token", null);
    TokenSource tokens = token != null ? TokenSource.fixed(token) : TokenSource.command(r.text("tokenCommand", local.tokenCommand()), local.root());
    // Beside Gatling's run directories: the Maven plugin and ./linkpulse load pass theirs (gatling/target/gatling).
    Path accounting = Path.of(r.text("accountingDir", "target/gatling")).resolve(simulation.toLowerCase(Locale.ROOT) + "-accounting.txt");
    return new LoadParameters(baseUrl, tokens,
        r.number("rate", defaults.rate(), 0.1, 100_000),
        r.duration("ramp", defaults.ramp(), true),
        r.duration("duration", defaults.duration(), false),
        (int) r.number("links", defaults.links(), 1, 100_000),
        r.number("botShare", 0.2, 0, 1),
        r.number("viralShare", 0.95, 0, 1),
        (int) r.number("p99Ms", 1000, 1, 600_000),
        r.duration("countTimeout", Duration.ofMinutes(2), false),
        r.duration("warmUp", Duration.ZERO, true),
        accounting);
  }

  String describe() {
    return String.format(Locale.ROOT, "base URL %s, rate %s/s, ramp %s, duration %s, %s, bot share %.2f, p99 < %d ms, count timeout %s%s",
        baseUrl, trim(rate), Durations.format(ramp), Durations.format(duration), links == 0 ? "links created as it goes" : links + " links",
        botShare, p99Millis, Durations.format(countTimeout), warmUp.isZero() ? "" : ", warm-up " + Durations.format(warmUp));
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  /** Reads one property at a time, with the property's name in every complaint. */
  private record Reader(UnaryOperator<String> property) {
    String text(String name, String fallback) {
      String v = property.apply(name);
      return v == null || v.isBlank() ? fallback : v.strip();
    }

    double number(String name, double fallback, double min, double max) {
      String v = property.apply(name);
      if (v == null || v.isBlank()) return fallback;
      try {
        double d = Double.parseDouble(v.strip());
        if (d >= min && d <= max) return d;
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new IllegalArgumentException("-D" + name + " must be a number from " + trim(min) + " to " + trim(max) + ", got '" + v + "'");
    }

    Duration duration(String name, Duration fallback, boolean zeroAllowed) {
      String v = property.apply(name);
      if (v == null || v.isBlank()) return fallback;
      Duration d = Durations.parse(v);
      if (d == null || d.isNegative() || (d.isZero() && !zeroAllowed)) {
        throw new IllegalArgumentException("-D" + name + " must be a " + (zeroAllowed ? "" : "positive ") + "duration like 30s, 5m or 1h, got '" + v + "'");
      }
      return d;
    }

    URI url(String name, URI fallback) {
      String v = property.apply(name);
      if (v == null || v.isBlank()) return fallback;
      try {
        URI u = URI.create(v.strip().replaceAll("/+$", ""));
        if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) return u;
      } catch (IllegalArgumentException ignored) {
        // reported below
      }
      throw new IllegalArgumentException("-D" + name + " must be an http(s) URL like https://api.staging.example.com, got '" + v + "'");
    }
  }
}
