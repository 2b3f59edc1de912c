package dev.linkpulse.ops.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.time.ManualTimeline;
import dev.linkpulse.local.LocalConfig;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.local.alarms.NotificationLog;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code linkpulse drill redirect-5xx} against a running local stack whose CloudWatch evaluates on a manual timeline:
 * the redirect answers 5xx for the drill's share of requests, the fast-burn page fires (the clock moved, not waited),
 * the drill names that alarm and its runbook, ends by itself, and the page clears. {@code slo status} is printed
 * during and after the drill. Link lookups are not cached (LinkCacheSeconds 0), so every redirect reads DynamoDB.
 */
class DrillTest {
  static final ManualTimeline TIMELINE = new ManualTimeline(Instant.now().truncatedTo(ChronoUnit.MINUTES));
  static final String FAST = "linkpulse-redirect-availability-fast-burn";

  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(
      parameters -> LocalStack.start(LocalConfig.ephemeral(LocalConfig.findRoot()).withParameters(parameters), TIMELINE),
      LocalStack::apiUrl, LocalStack::token).parameter("LinkCacheSeconds", "0");

  /** The functions stamp their EMF with the wall clock: bring the stack's timeline up to it first. */
  static void catchUp() {
    Duration behind = Duration.between(TIMELINE.now(), Instant.now());
    if (!behind.isNegative()) TIMELINE.advance(behind.plusSeconds(1));
  }

  static int[] redirects(int n) {
    int[] byClass = new int[6];
    for (int i = 0; i < n; i++) byClass[stack.get("/drill-probe", null).status() / 100]++;
    return byClass;
  }

  String fastState() {
    return stack.stack().monitoring().alarmStates(List.of(FAST)).get(FAST);
  }

  Cli status() {
    return Cli.run("slo", "status", "--cloudwatch-endpoint-url", stack.stack().monitoring().endpoint().toString(), "--at", TIMELINE.now().toString());
  }

  @Test
  void redirect5xx_firesTheFastBurnPage_namesItsRunbook_andEndsByItself() throws Exception {
    String token = stack.token("oncall");
    assertThat(stack.post("/links", token, "{\"url\":\"https://example.com/drill\",\"alias\":\"drill-probe\"}").status()).isEqualTo(201);
    catchUp();

    Cli drill = Cli.run("drill", "redirect-5xx", "--share", "0.5", "--for", "10m", "--api-url", stack.api());
    assertThat(drill.exit()).as(drill.err()).isZero();
    assertThat(drill.out()).contains("Drill redirect-5xx started: 50% of the redirect's link lookups fail",
        "Must fire: " + FAST + " (page)", "Runbook:   runbooks/redirect-availability.md");
    int[] during = redirects(200);
    assertThat(during[5]).as("5xx answers").isBetween(60, 140);
    assertThat(during[3] + during[5]).as("every answer a redirect or a 5xx").isEqualTo(200);

    TIMELINE.advance(Duration.ofMinutes(2));
    assertThat(fastState()).isEqualTo("ALARM");
    List<Map<String, String>> log = NotificationLog.read(stack.stack().monitoring().notificationLog());
    assertThat(log).anySatisfy(n -> {
      assertThat(n).containsEntry("alarm", FAST).containsEntry("to", "ALARM");
      assertThat(n.get("topic")).endsWith(":linkpulse-PageTopic");
    });
    Cli statusDuring = status();
    System.out.println("slo status during the drill:\n" + statusDuring.out());
    assertThat(statusDuring.out()).contains("redirect-availability-fast-burn (page)");
    assertThat(Cli.run("drill", "list", "--api-url", stack.api()).out()).contains("redirect-5xx");

    TIMELINE.advance(Duration.ofMinutes(9));
    assertThat(Cli.run("drill", "list", "--api-url", stack.api()).out()).as("ended by itself").contains("No drill is running.");
    catchUp();
    int[] after = redirects(200);
    assertThat(after[3]).as("all redirects again").isEqualTo(200);
    TIMELINE.advance(Duration.ofMinutes(61));
    assertThat(fastState()).isEqualTo("OK");
    assertThat(NotificationLog.read(stack.stack().monitoring().notificationLog()))
        .anySatisfy(n -> assertThat(n).containsEntry("alarm", FAST).containsEntry("to", "OK"));
    Cli statusAfter = status();
    System.out.println("slo status after the drill:\n" + statusAfter.out());
    assertThat(statusAfter.out()).doesNotContain("fast-burn (page)");
  }

  @Test
  void badDrills_areUsageErrors_andChangeNothing() {
    assertThat(Cli.run("drill", "redirect-9xx", "--api-url", stack.api()).exit()).isEqualTo(2);
    assertThat(Cli.run("drill", "redirect-5xx", "--share", "1.5", "--api-url", stack.api()).exit()).isEqualTo(2);
    assertThat(Cli.run("drill", "redirect-5xx", "--for", "2d", "--api-url", stack.api()).exit()).isEqualTo(2);
    assertThat(Cli.run("drill", "list", "--api-url", stack.api()).out()).contains("No drill is running.");
  }
}
