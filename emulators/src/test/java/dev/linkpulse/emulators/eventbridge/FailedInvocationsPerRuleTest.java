package dev.linkpulse.emulators.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.emulators.eventbridge.EventBridgeEndpoint.EventRule;
import dev.linkpulse.emulators.testing.AwsEmulators;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * EventBridge's {@code FailedInvocations} ("invocations that failed permanently", dimension {@code RuleName}) is a
 * rule's own: an event that two rules match and that only one of them fails to deliver counts against that one.
 */
@ExtendWith(AwsEmulators.class)
class FailedInvocationsPerRuleTest {
  static final String BUS = "failures";

  @Test
  void failedInvocations_countAgainstTheRuleWhoseTargetFailed_notEveryRule() throws Exception {
    String live = AwsEmulators.queue("eb-live", 0, null);
    String gone = live.substring(0, live.lastIndexOf('/') + 1) + "eb-no-such-queue";
    String pattern = "{\"source\":[\"linkpulse.redirect\"]}";
    try (EventBridgeEndpoint endpoint = new EventBridgeEndpoint(0, List.of(
            new EventRule("delivers", BUS, pattern, List.of(live)),
            new EventRule("fails", BUS, pattern, List.of(gone)),
            new EventRule("elsewhere", "default", pattern, List.of(live))), AwsEmulators.sqs()).start();
         var client = AwsEmulators.eventBridge(endpoint.endpoint(), false)) {
      for (int i = 0; i < 3; i++) {
        client.putEvents(b -> b.entries(PutEventsRequestEntry.builder().eventBusName(BUS).source("linkpulse.redirect")
            .detailType("link.clicked").detail("{}").build()));
      }
      await().atMost(Duration.ofSeconds(60)).until(endpoint::idle);
      assertThat(endpoint.failed(BUS, "fails")).isEqualTo(3);
      assertThat(endpoint.failed("arn:aws:events:us-east-1:000000000000:event-bus/" + BUS, "fails")).as("by ARN").isEqualTo(3);
      assertThat(endpoint.failed(BUS, "delivers")).isZero();
      assertThat(endpoint.failed("default", "elsewhere")).as("another bus's rule, not published to").isZero();
      assertThat(endpoint.failed()).as("over every rule").isEqualTo(3);
      assertThat(endpoint.delivered()).isEqualTo(3);
    }
  }
}
