package dev.linkpulse.ops.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code linkpulse drill recorder-throws} on a local stack: every recorder invocation fails, AWS/Lambda Errors of the
 * recorder rise in each 5-minute period (a click per period, the clock moved, not waited), the ticket alarm the
 * drill names fires with its runbook, the drill ends by itself, and the alarm clears once the errors stop.
 */
class RecorderDrillTest {
  static final DrillRig rig = new DrillRig();
  static final String ALARM = "linkpulse-pipeline-errors";

  @RegisterExtension
  static final StackExtension<LocalStack> stack = rig.stack;

  @Test
  void recorderThrows_firesThePipelineErrorsTicket_namesItsRunbook_andEndsByItself() throws Exception {
    assertThat(stack.post("/links", stack.token("oncall"), "{\"url\":\"https://example.com/recorder\",\"alias\":\"recorder-probe\"}").status())
        .isEqualTo(201);
    Cli drill = rig.drill("drill", "recorder-throws", "--for", "30m");
    assertThat(drill.out()).contains("Drill recorder-throws started: every recorder invocation fails",
        "Must fire: " + ALARM + " (ticket)", "Runbook:   runbooks/pipeline-errors.md");
    // the alarm: Errors >= 1 in 3 of 3 periods of 5 minutes. Its windows slide with the minute and end at the
    // evaluation, so errors at T, T+5 and T+10 fill the three periods evaluated at T+11 whatever minute T is;
    // moving the clock once more before evaluating would leave the newest period to whichever retry came late.
    for (int period = 0; period < 3; period++) {
      if (period > 0) rig.timeline.advance(Duration.ofMinutes(5));
      double before = rig.errors("RecorderFunction");
      rig.click("recorder-probe");
      await().atMost(Duration.ofSeconds(120)).until(() -> rig.errors("RecorderFunction") > before);
    }
    rig.timeline.advance(Duration.ofMinutes(1));
    assertThat(rig.state(ALARM)).isEqualTo("ALARM");
    assertThat(rig.notified(ALARM, "ALARM", "TicketTopic")).as("the ticket queue was told").isTrue();
    Cli during = rig.status();
    System.out.println("slo status during the recorder drill:\n" + during.out());
    assertThat(during.out()).containsPattern(ALARM + " +ticket +runbooks/pipeline-errors.md");

    rig.timeline.advance(Duration.ofMinutes(20));
    assertThat(rig.drill("drill", "list").out()).as("ended by itself").contains("No drill is running.");
    rig.timeline.advance(Duration.ofMinutes(20));
    assertThat(rig.state(ALARM)).isEqualTo("OK");
    assertThat(rig.notified(ALARM, "OK", "TicketTopic")).isTrue();
  }
}
