package dev.linkpulse.local.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.cloudwatch.LocalCloudWatch;
import dev.linkpulse.emulators.time.ManualTimeline;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** EventBridge's FailedInvocations as EventBridge sends it: the failures of each minute, and nothing in a minute without any. */
class ServiceMetricsTest {
  @Test
  void failedInvocations_publishesEachMinutesNewFailures_underTheBusAndTheRule() throws Exception {
    ManualTimeline timeline = new ManualTimeline(Instant.parse("2025-01-06T00:00:00Z"));
    try (LocalCloudWatch cw = LocalCloudWatch.builder().timeline(timeline).start();
         var client = StackAlarmsTest.client(cw.endpoint())) {
      AtomicLong failed = new AtomicLong(5);
      Runnable poll = ServiceMetrics.failedInvocations(cw, failed::get, "linkpulse-clicks", "ClickRule");
      poll.run();
      failed.addAndGet(3);
      poll.run();
      poll.run();
      var stats = client.getMetricStatistics(r -> r.namespace("AWS/Events").metricName("FailedInvocations")
          .dimensions(d -> d.name("EventBusName").value("linkpulse-clicks"), d -> d.name("RuleName").value("ClickRule"))
          .statistics(software.amazon.awssdk.services.cloudwatch.model.Statistic.SUM, software.amazon.awssdk.services.cloudwatch.model.Statistic.SAMPLE_COUNT)
          .period(60).startTime(timeline.now().minusSeconds(60)).endTime(timeline.now().plusSeconds(60)));
      assertThat(stats.datapoints()).singleElement().satisfies(d -> {
        assertThat(d.sum()).as("the 3 new failures, not the 5 from before").isEqualTo(3.0);
        assertThat(d.sampleCount()).as("no zero datapoints").isEqualTo(1.0);
      });
    }
  }
}
