package dev.linkpulse.ops.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code linkpulse drill dynamodb-throttles} on a local stack: the DynamoDB engine throttles the recorder's
 * BatchWriteItem, the click's batch fails receive after receive and lands in the clicks DLQ, SQS's
 * ApproximateNumberOfMessagesVisible of the DLQ reaches the ticket alarm the drill names, and it stays in ALARM
 * after the drill ends: the parked click waits for a redrive, as the runbook says. The local SQS mapping makes a
 * failed message visible again at once (not after AWS's 180 s), but each of the five invocations is in the SDK's
 * throttling backoff until the recorder's 30 s Timeout stops it (Sandbox.Timedout), as on AWS: this test takes about
 * three minutes of wall time.
 */
class DynamoDbThrottleDrillTest {
  static final DrillRig rig = new DrillRig();
  static final String ALARM = "linkpulse-clicks-dlq-not-empty";

  @RegisterExtension
  static final StackExtension<LocalStack> stack = rig.stack;

  long dlqDepth() {
    return Long.parseLong(stack.stack().sqs().getQueueAttributes(r -> r.queueUrl(stack.stack().queueUrl("ClicksDLQ"))
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  @Test
  void dynamodbThrottles_parksTheClickInTheDlq_andFiresTheDlqTicket_namingItsRunbook() throws Exception {
    assertThat(stack.post("/links", stack.token("oncall"), "{\"url\":\"https://example.com/throttled\",\"alias\":\"throttle-probe\"}").status())
        .isEqualTo(201);
    Cli drill = rig.drill("drill", "dynamodb-throttles", "--for", "30m");
    assertThat(drill.out()).contains("Drill dynamodb-throttles started: 100% of the recorder's writes (BatchWriteItem) are throttled",
        "Must fire: " + ALARM + " (ticket)", "Runbook:   runbooks/clicks-dlq-not-empty.md");
    assertThat(rig.state(ALARM)).isNotEqualTo("ALARM");
    rig.click("throttle-probe");
    await().atMost(Duration.ofSeconds(720)).pollInterval(Duration.ofSeconds(2)).until(() -> dlqDepth() == 1);
    // the queue metrics are read each minute; the alarm is Maximum >= 1 in 1 of 1 periods of 5 minutes
    rig.timeline.advance(Duration.ofMinutes(6));
    assertThat(rig.state(ALARM)).isEqualTo("ALARM");
    assertThat(rig.notified(ALARM, "ALARM", "TicketTopic")).isTrue();
    Cli during = rig.status();
    System.out.println("slo status during the throttle drill:\n" + during.out());
    assertThat(during.out()).containsPattern(ALARM + " +ticket +runbooks/clicks-dlq-not-empty.md");

    assertThat(rig.drill("drill", "stop").out()).contains("No drill is running.");
    rig.timeline.advance(Duration.ofMinutes(10));
    assertThat(dlqDepth()).as("the click waits for a redrive").isEqualTo(1);
    assertThat(rig.state(ALARM)).isEqualTo("ALARM");
  }
}
