package dev.linkpulse.ops.load;

import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.ops.UsageError;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
    description = {
        "Run a Gatling scenario against the running local stack (or --base-url)",
        "and prove the pipeline: every click sent and redirected must be counted",
        "once by the stats API, humans and bots apart. Shows Gatling's progress,",
        "then the HTML report's path and the accounting table. Exit 1 on any",
        "failed request, a redirect p99 over --p99, or sent != counted. Options",
        "left out take the scenario's defaults (gatling/README.md).",
        "",
        "Scenarios: RedirectStorm (ramp to a rate over Zipf(1.1) links),",
        "ViralLink (one link takes nearly every click), CreateAndShare (create a",
        "link with an Idempotency-Key, click it at once), Soak (a steady rate",
        "for a long time).", ""},
    footer = {"", "Examples:",
        "  ./linkpulse load RedirectStorm --rate 200 --ramp 30s --duration 2m",
        "  ./linkpulse load ViralLink --rate 1000 --p99 300 \\",
        "      --base-url https://api.staging.example.com \\",
        "      --token-command 'cat ~/.config/linkpulse/staging-token'"})
public final class LoadCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SCENARIO", description = "RedirectStorm, ViralLink, CreateAndShare or Soak") String scenario;
  @Option(names = "--rate", paramLabel = "N", description = "arrivals per second at full rate (redirects; links created for CreateAndShare)") Double rate;
  @Option(names = "--ramp", paramLabel = "D", converter = DurationConverter.class, description = "time to climb to --rate, e.g. 30s (0: start at full rate)") Duration ramp;
  @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class, description = "time at full rate after the ramp, e.g. 2m") Duration duration;
  @Option(names = "--links", paramLabel = "N", description = "links created before the run") Integer links;
  @Option(names = "--bot-share", paramLabel = "F", description = "share of clicks sent as bots, 0 to 1 (default 0.2)") Double botShare;
  @Option(names = "--viral-share", paramLabel = "F", description = "ViralLink: share of clicks on the viral link (default 0.95)") Double viralShare;
  @Option(names = "--p99", paramLabel = "MS", description = "redirect p99 bound in milliseconds (default 1000)") Integer p99;
  @Option(names = "--count-timeout", paramLabel = "D", converter = DurationConverter.class,
      description = "how long the pipeline gets to count every click after the last one (default 2m)") Duration countTimeout;
  @Option(names = "--warm-up", paramLabel = "D", converter = DurationConverter.class,
      description = "unmeasured clicks for this long first, to a link of their own (default 0; a fresh stack starts cold)") Duration warmUp;
  @Option(names = "--base-url", paramLabel = "URL", description = "the API to load instead of the local stack, e.g. https://api.staging.example.com") String baseUrl;
  @Option(names = "--token", paramLabel = "JWT", description = "bearer token for --base-url (owner of the links the run creates)") String token;
  @Option(names = "--token-command", paramLabel = "CMD", description = "a shell command that prints the token for --base-url") String tokenCommand;

  @Override
  public Integer call() throws Exception {
    Scenario chosen = Scenario.named(scenario).orElseThrow(() -> new UsageError("unknown scenario '" + scenario + "': choose " + Scenario.names()));
    Map<String, String> properties = scenarioProperties(chosen);
    if (baseUrl == null && (token != null || tokenCommand != null)) {
      throw new UsageError("--token and --token-command go with --base-url; for the local stack a token is minted for you");
    }
    Path root = LocalConfig.findRoot();
    Map<String, String> target = baseUrl != null ? givenTarget() : LocalTarget.find(root);
    if (target == null) {
      System.err.println("linkpulse load: no local stack is running; start one with ./linkpulse up, or pass --base-url and --token");
      return 1;
    }
    properties.putAll(target);
    PrintStream out = System.out;
    GatlingRun.Outcome outcome;
    try {
      outcome = new GatlingRun(root, GatlingRun.defaultResults(root), out).run(chosen, properties);
    } catch (IllegalStateException e) {
      System.err.println("linkpulse load: " + e.getMessage());
      return 1;
    }
    LoadSummary.print(out, chosen, properties.get("baseUrl"), outcome);
    return outcome.passed() ? 0 : 1;
  }

  /** The scenario's parameters, only those given: the simulation has its own defaults for the rest. */
  private Map<String, String> scenarioProperties(Scenario chosen) {
    Map<String, String> p = new LinkedHashMap<>();
    if (rate != null) p.put("rate", String.valueOf(between("--rate", rate, 0.1, 100_000)));
    if (ramp != null) p.put("ramp", ramp.toMillis() + "ms");
    if (duration != null) p.put("duration", positive("--duration", duration).toMillis() + "ms");
    if (links != null) p.put("links", String.valueOf((int) between("--links", links, 1, 100_000)));
    if (botShare != null) p.put("botShare", String.valueOf(between("--bot-share", botShare, 0, 1)));
    if (viralShare != null) {
      if (chosen != Scenario.VIRAL_LINK) throw new UsageError("--viral-share applies to ViralLink only");
      p.put("viralShare", String.valueOf(between("--viral-share", viralShare, 0, 1)));
    }
    if (p99 != null) p.put("p99Ms", String.valueOf((int) between("--p99", p99, 1, 600_000)));
    if (countTimeout != null) p.put("countTimeout", positive("--count-timeout", countTimeout).toMillis() + "ms");
    if (warmUp != null) p.put("warmUp", warmUp.toMillis() + "ms");
    return p;
  }

  private Map<String, String> givenTarget() {
    URI uri;
    try {
      uri = URI.create(baseUrl.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageError("--base-url must be an http(s) URL, got '" + baseUrl + "'");
    }
    if (!List.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
      throw new UsageError("--base-url must be an http(s) URL, got '" + baseUrl + "'");
    }
    if ((token == null) == (tokenCommand == null)) {
      throw new UsageError("--base-url needs exactly one of --token and --token-command (the stats API answers only the links' owner)");
    }
    Map<String, String> target = new LinkedHashMap<>();
    target.put("baseUrl", uri.toString());
    if (token != null) target.put("token", token);
    else target.put("tokenCommand", tokenCommand);
    return target;
  }

  private static double between(String option, double value, double min, double max) {
    if (value < min || value > max) throw new UsageError(option + " must be between " + plain(min) + " and " + plain(max) + ", got " + plain(value));
    return value;
  }

  private static Duration positive(String option, Duration d) {
    if (d.isZero()) throw new UsageError(option + " must be more than 0");
    return d;
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
