package dev.linkpulse.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.ops.Linkpulse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A small chaos run end to end: a stack in a child process, every fault of {@link Fault} injected once between
 * stretches of 300 redirects (kill -9 and a restart among them), a DLQ redrive, and each link's count compared with
 * what it was sent. The command's exit code is that comparison; the table must show every fault injected.
 */
class ChaosCommandTest {
  @Test
  void threeHundredClicksThroughEveryFaultAreEachCountedExactlyOnce(@TempDir Path temp) {
    StringWriter out = new StringWriter();
    CommandLine cli = Linkpulse.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    int exit = cli.execute("chaos", "--clicks", "300", "--links", "3", "--data", temp.resolve("data").toString(), "--seed", "11");
    System.out.println(out);
    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).contains("every click counted exactly once").containsPattern("all +300 +300 +0 +0");
    for (Fault f : Fault.values()) assertThat(out.toString()).containsPattern(f.label() + " +[1-9]");
  }

  @Test
  void tooFewClicksAreRefusedBeforeAnythingStarts() {
    StringWriter err = new StringWriter();
    CommandLine cli = Linkpulse.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("chaos", "--clicks", "10")).isEqualTo(Linkpulse.USAGE);
    assertThat(err.toString()).contains("--clicks must be at least 100");
  }
}
