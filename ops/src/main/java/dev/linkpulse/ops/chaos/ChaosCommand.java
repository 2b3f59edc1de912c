package dev.linkpulse.ops.chaos;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code linkpulse chaos}: exactly-once under faults, on a stack of its own that it may kill -9. */
@Command(name = "chaos", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse chaos --clicks 300 --visibility-timeout 30",
        "  ./linkpulse chaos --clicks 100000 --data /tmp/chaos --seed 7"},
    description = {
        "Start a local stack on a data directory in a process of its own, send --clicks redirects over --links links in "
            + "stretches, and between each two inject one fault: duplicate publishes, a recorder crash, an aggregator crash, "
            + "poison messages, clicks parked in the DLQ, DynamoDB throttling; and kill -9 of the stack in the middle of a "
            + "stretch, and a restart. Then redrive the clicks DLQ (./linkpulse dlq redrive), wait for the pipeline to "
            + "settle, read every link's raw clicks back through its CSV export (each redirect carries a click id in its "
            + "Referer) and print, per link, answered against counted, lost and doubled; the clicks that got no 302 (in "
            + "flight at the kill), each with whether it was recorded; and the faults injected.",
        "Lost: an answered click never counted. Doubled: any click counted twice. A click without a 302 may count once "
            + "or not at all.",
        "Exit 1 when a click was lost or doubled, or when a click got no 302 that the kill does not explain: one sent "
            + "before the kill -9 and ended before it, or sent once the restarted stack was up."})
public final class ChaosCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Option(names = "--clicks", required = true, paramLabel = "N", description = "Redirects to send") long clicks;
  @Option(names = "--data", paramLabel = "DIR", description = "The stack's data directory, empty or absent (default: a new temporary one)") Path data;
  @Option(names = "--seed", paramLabel = "S", description = "Orders the faults (default: the clock)") Long seed;
  @Option(names = "--links", paramLabel = "L", defaultValue = "8", description = "Links the clicks spread over (default ${DEFAULT-VALUE})") int links;
  @Option(names = "--concurrency", paramLabel = "C", defaultValue = "8", description = "Clients sending at once (default ${DEFAULT-VALUE})") int concurrency;
  @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "5m", converter = dev.linkpulse.ops.load.DurationConverter.class,
      description = "Give up when the counts stand still this long (default ${DEFAULT-VALUE}; more than the clicks queue's 180 s visibility timeout)")
  Duration settle;
  @Option(names = "--visibility-timeout", paramLabel = "SECONDS", defaultValue = "180",
      description = "The clicks queue's visibility timeout (template parameter ClicksVisibilityTimeoutSeconds, default ${DEFAULT-VALUE} as "
          + "deployed; at least the recorder's 30 s timeout): how long the batch a killed recorder held stays hidden")
  int visibilityTimeout;

  @Override
  public Integer call() throws Exception {
    if (clicks < 100) throw new UsageError("--clicks must be at least 100 (a stretch of traffic between each two faults), got " + clicks);
    if (links < 1 || links > 1000) throw new UsageError("--links must be from 1 to 1000, got " + links);
    if (concurrency < 1 || concurrency > 256) throw new UsageError("--concurrency must be from 1 to 256, got " + concurrency);
    if (visibilityTimeout < 30 || visibilityTimeout > 43_200) throw new UsageError("--visibility-timeout must be from 30 to 43200 seconds, got " + visibilityTimeout);
    Path dir = data != null ? data : Files.createTempDirectory("linkpulse-chaos");
    if (Files.isDirectory(dir) && Files.list(dir).findAny().isPresent()) throw new UsageError("--data " + dir + " is not empty: a chaos run starts from nothing");
    Files.createDirectories(dir);
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    ChaosResult result = new ChaosRun(clicks, links, concurrency, dir.toAbsolutePath(), seed != null ? seed : System.currentTimeMillis(), settle,
        Map.of("ClicksVisibilityTimeoutSeconds", Integer.toString(visibilityTimeout)), out).run();
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    LinkTally all = result.all();
    if (!all.exact()) {
      out.printf("chaos: LOST OR DOUBLED CLICKS: %d lost, %d doubled, in %d s%n", all.lost(), all.doubled(), seconds);
      return 1;
    }
    if (result.unexplained() > 0) {
      out.printf("chaos: INCONCLUSIVE: %d of the %d clicks without a 302 were not in flight across the kill -9, in %d s%n",
          result.unexplained(), all.unknown(), seconds);
      return 1;
    }
    out.printf("chaos: every answered click counted exactly once, none doubled (%d answered, %d without a 302) in %d s%n",
        all.answered(), all.unknown(), seconds);
    return 0;
  }
}
