package dev.linkpulse.ops.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.ops.Linkpulse;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code linkpulse load}'s command line: help with an example; bad input is one line and exit 2, before any run. */
class LoadCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Linkpulse.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpListsTheOptionsAndAnExample() {
    assertThat(run("load", "--help")).isZero();
    assertThat(out.toString()).contains("--rate=N", "--duration=D", "--base-url=URL", "--token-command=CMD", "--bot-share=F")
        .contains("Examples:", "./linkpulse load RedirectStorm --rate 200");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "load Nope                                            | unknown scenario 'Nope': choose RedirectStorm, ViralLink, CreateAndShare, Soak",
      "load RedirectStorm --rate 0                          | --rate must be between 0.1 and 100000, got 0",
      "load RedirectStorm --links 0                         | --links must be between 1 and 100000, got 0",
      "load RedirectStorm --bot-share 2                     | --bot-share must be between 0 and 1, got 2",
      "load RedirectStorm --duration 0                      | --duration must be more than 0",
      "load RedirectStorm --ramp soon                       | 'soon' is not a duration like 90s, 5m or 1h",
      "load RedirectStorm --viral-share 0.5                 | --viral-share applies to ViralLink only",
      "load RedirectStorm --token abc                       | --token and --token-command go with --base-url",
      "load RedirectStorm --base-url ftp://x --token abc    | --base-url must be an http(s) URL, got 'ftp://x'",
      "load RedirectStorm --base-url https://x              | --base-url needs exactly one of --token and --token-command",
      "load RedirectStorm --base-url https://x --token a --token-command b | --base-url needs exactly one of"})
  void badInputIsOneLineAndExitTwo(String args, String message) {
    assertThat(run(args.trim().split("\\s+"))).isEqualTo(Linkpulse.USAGE);
    assertThat(err.toString()).contains(message);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void scenarioNamesAreForgivingAboutCaseAndDashes() {
    assertThat(Scenario.named("redirect-storm")).contains(Scenario.REDIRECT_STORM);
    assertThat(Scenario.named("VIRALLINK")).contains(Scenario.VIRAL_LINK);
    assertThat(Scenario.named("create_and_share")).contains(Scenario.CREATE_AND_SHARE);
    assertThat(Scenario.named("soak")).contains(Scenario.SOAK);
  }
}
