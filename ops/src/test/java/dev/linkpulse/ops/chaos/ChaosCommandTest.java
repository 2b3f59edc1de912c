package dev.linkpulse.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.ops.Linkpulse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A small chaos run end to end: a stack in a child process, every fault of {@link Fault} injected once between
 * stretches of redirects (kill -9 in the middle of one, and a restart), a DLQ redrive, and every click looked up by
 * its id in the raw click log. Answered clicks must each be counted exactly once; a click in flight at the kill may
 * count once or not at all, never twice. The queue's visibility timeout is the recorder's 30 s (the least Lambda
 * allows) so that the batch the killed recorder held comes back within the test.
 */
class ChaosCommandTest {
  private static final int CLICKS = 200;
  /** The totals row: answered, counted, raw rows, lost, doubled, no 302, of those recorded. */
  private static final Pattern ALL = Pattern.compile("(?m)^all +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+)$");

  @Test
  void everyAnsweredClickThroughEveryFaultIsCountedExactlyOnceAndNoneTwice(@TempDir Path temp) throws IOException {
    StringWriter out = new StringWriter();
    CommandLine cli = Linkpulse.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    int exit = cli.execute("chaos", "--clicks", Integer.toString(CLICKS), "--links", "3", "--data", temp.resolve("data").toString(),
        "--seed", "11", "--visibility-timeout", "30");
    String report = out.toString();
    System.out.println(report);
    keepStackLog(temp);
    assertThat(exit).as(report).isZero();
    assertThat(report).contains("every answered click counted exactly once, none doubled");
    Matcher all = ALL.matcher(report);
    assertThat(all.find()).as(report).isTrue();
    long answered = Long.parseLong(all.group(1));
    long counted = Long.parseLong(all.group(2));
    long rows = Long.parseLong(all.group(3));
    long unknown = Long.parseLong(all.group(6));
    long unknownRecorded = Long.parseLong(all.group(7));
    assertThat(answered + unknown).as("every click sent has an outcome").isEqualTo(CLICKS);
    assertThat(report).as("every click without a 302 was in flight across the kill")
        .contains("each counted 0 or 1 times: " + unknown + ", " + unknown + " of them sent before the restarted stack was up");
    assertThat(all.group(4)).as("lost").isEqualTo("0");
    assertThat(all.group(5)).as("doubled").isEqualTo("0");
    assertThat(counted).as("counted: the answered, and those in flight that were recorded").isEqualTo(answered + unknownRecorded).isEqualTo(rows);
    for (Fault f : Fault.values()) assertThat(report).containsPattern("(?m)^" + f.label() + " +[1-9]");
  }

  /** The stack's own log, kept where the build keeps its reports (the temporary directory goes with the test). */
  private static void keepStackLog(Path temp) throws IOException {
    Path log = temp.resolve("data-stack.log");
    if (Files.exists(log)) Files.copy(log, Path.of("target", "ChaosCommandTest-stack.log"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void tooFewClicksAreRefusedBeforeAnythingStarts() {
    StringWriter err = new StringWriter();
    CommandLine cli = Linkpulse.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("chaos", "--clicks", "10")).isEqualTo(Linkpulse.USAGE);
    assertThat(err.toString()).contains("--clicks must be at least 100");
  }

  @Test
  void aVisibilityTimeoutBelowTheRecordersTimeoutIsRefused() {
    StringWriter err = new StringWriter();
    CommandLine cli = Linkpulse.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("chaos", "--clicks", "100", "--visibility-timeout", "5")).isEqualTo(Linkpulse.USAGE);
    assertThat(err.toString()).contains("--visibility-timeout must be from 30");
  }
}
