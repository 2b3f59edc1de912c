package dev.linkpulse.ops.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.core.Json;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.local.moderation.FakeReputationProvider;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.testkit.StackExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code linkpulse moderation ...} in-process against a local stack: the reviewer's loop, the blocklist, bad input. */
class ModerationCommandTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token)
      .parameter("ReputationMaxAttempts", "1");

  record Run(int exit, String out, String err) {}

  private static Run moderation(String... args) {
    List<String> all = new ArrayList<>(List.of("moderation"));
    all.addAll(Arrays.asList(args));
    all.addAll(List.of("--sfn-endpoint-url", stack.stack().stepFunctionsEndpoint(), "--dynamodb-endpoint-url", stack.stack().dynamoEndpoint(),
        "--table", stack.stack().tableName("LinkpulseTable")));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Linkpulse.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    Run run = new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    System.out.println("$ linkpulse " + String.join(" ", args) + "\n" + run);
    return run;
  }

  private static String status(String code) {
    return stack.get("/links/" + code, stack.token("reviewer-test")).json().path("status").asText();
  }

  @Test
  void aLinkInReviewIsListedShownAndApproved() {
    stack.stack().reputation().mode(FakeReputationProvider.Mode.ERROR);
    try {
      String code = stack.post("/links", stack.token("reviewer-test"), Json.write(Map.of("url", "https://unknown.example/a"))).json()
          .path("code").asText();
      await().atMost(Duration.ofSeconds(120)).until(() -> status(code).equals("in_review"));
      Run list = moderation("list");
      assertThat(list.exit()).isZero();
      assertThat(list.out()).contains(code).contains("in_review").contains("the reputation provider did not answer");
      assertThat(moderation("show", code).out()).contains("TaskScheduled").contains("Screen");
      Run approve = moderation("approve", code, "--reason", "checked by hand");
      assertThat(approve.exit()).as(approve.err()).isZero();
      await().atMost(Duration.ofSeconds(120)).until(() -> status(code).equals("active"));
      Run again = moderation("reject", code, "--reason", "too late");
      assertThat(again.exit()).isEqualTo(Linkpulse.USAGE);
      assertThat(again.err().strip()).isEqualTo("linkpulse: " + code + " is not in review (it is active)");
    } finally {
      stack.stack().reputation().mode(FakeReputationProvider.Mode.SAFE);
    }
  }

  @Test
  void retryRestartsAFailedSaga_andTheLinkBecomesActive() {
    var activate = stack.stack().function("ActivateFunction");
    activate.injectFailures(Long.MAX_VALUE);
    String code;
    try {
      code = stack.post("/links", stack.token("reviewer-test"), Json.write(Map.of("url", "https://example.com/retried"))).json()
          .path("code").asText();
      await().atMost(Duration.ofSeconds(180)).until(() -> status(code).equals("rejected"));
    } finally {
      activate.heal();
    }
    assertThat(stack.get("/links/" + code, stack.token("reviewer-test")).json().path("reason").asText()).startsWith("moderation failed: ");
    assertThat(moderation("show", code).out()).contains("ExecutionFailed");

    Run retry = moderation("retry", code);
    assertThat(retry.exit()).as(retry.err()).isZero();
    assertThat(retry.out()).containsPattern("started " + code + "-[0-9A-Za-z]{7}-retry-1 \\(arn:aws:states:");
    // Active comes a step before the end (link.activated is published after it): wait for the execution itself.
    await().atMost(Duration.ofSeconds(180)).until(() -> status(code).equals("active") && moderation("show", code).out().contains("ExecutionSucceeded"));

    Run again = moderation("retry", code);
    assertThat(again.exit()).isEqualTo(Linkpulse.USAGE);
    assertThat(again.err().strip()).isEqualTo("linkpulse: " + code + "'s saga is SUCCEEDED, not failed: nothing to retry");
  }

  @Test
  void theBlocklistIsEditedAndRefusesAtCreate() {
    assertThat(moderation("blocklist", "add", "EVIL.Example.", "--reason", "drill").out().strip()).isEqualTo("blocked evil.example");
    assertThat(moderation("blocklist", "list").out()).contains("evil.example").contains("drill");
    var refused = stack.post("/links", stack.token("reviewer-test"), Json.write(Map.of("url", "https://login.evil.example/")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(moderation("blocklist", "remove", "evil.example").exit()).isZero();
    Run missing = moderation("blocklist", "remove", "evil.example");
    assertThat(missing.exit()).isEqualTo(Linkpulse.USAGE);
    assertThat(missing.err().lines().count()).isEqualTo(1);
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    for (String[] args : new String[][] {{"show", "a/b"}, {"approve", "nosuchcode"}, {"blocklist", "add", "10.0.0.1"}, {"retry", "nosuchcode"}}) {
      Run run = moderation(args);
      assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(Linkpulse.USAGE);
      assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
    }
  }
}
