package dev.linkpulse.ops.chaos;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code linkpulse chaos}: exactly-once under faults, on a stack of its own that it may kill -9. */
@Command(name = "chaos", mixinStandardHelpOptions = true, footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse chaos --clicks 300",
        "  ./linkpulse chaos --clicks 100000 --data /tmp/chaos --seed 7"},
    description = {
        "Start a local stack on a data directory in a process of its own, send --clicks redirects over --links links in "
            + "stretches, and between each two inject one fault: duplicate publishes, a recorder crash, an aggregator crash, "
            + "poison messages, clicks parked in the DLQ, DynamoDB throttling, kill -9 of the stack and a restart. Then "
            + "redrive the clicks DLQ (./linkpulse dlq redrive), wait for the pipeline to settle and print sent against "
            + "counted per link, and the faults injected.",
        "Exit 1 when a link lost or doubled a click (or a redirect went unanswered, which makes exactness unprovable)."})
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

  @Override
  public Integer call() throws Exception {
    if (clicks < 100) throw new UsageError("--clicks must be at least 100 (a stretch of traffic between each two faults), got " + clicks);
    if (links < 1 || links > 1000) throw new UsageError("--links must be from 1 to 1000, got " + links);
    if (concurrency < 1 || concurrency > 256) throw new UsageError("--concurrency must be from 1 to 256, got " + concurrency);
    Path dir = data != null ? data : Files.createTempDirectory("linkpulse-chaos");
    if (Files.isDirectory(dir) && Files.list(dir).findAny().isPresent()) throw new UsageError("--data " + dir + " is not empty: a chaos run starts from nothing");
    Files.createDirectories(dir);
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    boolean exact = new ChaosRun(clicks, links, concurrency, dir.toAbsolutePath(), seed != null ? seed : System.currentTimeMillis(), settle, out).run();
    out.printf("chaos: %s in %d s%n", exact ? "every click counted exactly once" : "LOST OR DOUBLED CLICKS", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    return exact ? 0 : 1;
  }
}
