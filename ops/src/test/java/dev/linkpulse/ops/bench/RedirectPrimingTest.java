package dev.linkpulse.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.core.Env;
import dev.linkpulse.local.LocalMetrics;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.redirect.RedirectHandler;
import dev.linkpulse.testkit.StackExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SnapStart priming (issue 16) runs the redirect's warm path before the snapshot and must leave no trace: no click on
 * the bus, no item in the table; and the function it primed redirects and counts as before.
 */
class RedirectPrimingTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);

  @Test
  void primingPublishesNoClickAndWritesNoItem_andThePrimedHandlerStillCountsItsClicks() throws Exception {
    LocalStack s = stack.stack();
    RedirectBench.createLink(s, "benchlink");
    assertThat(s.awaitQuiet(Duration.ofMinutes(2))).isTrue();
    RedirectHandler handler = Env.scoped(RedirectBench.environment(s), RedirectHandler::new);
    long eventsBefore = s.eventBridge().received();
    int itemsBefore = s.dynamo().scan(r -> r.tableName(s.tableName("LinkpulseTable"))).count();

    ColdStartProbe.beforeCheckpoint(handler);
    assertThat(s.awaitQuiet(Duration.ofMinutes(2))).isTrue();

    assertThat(s.eventBridge().received()).isEqualTo(eventsBefore);
    assertThat(s.dynamo().scan(r -> r.tableName(s.tableName("LinkpulseTable"))).count()).isEqualTo(itemsBefore);

    long aggregatedBefore = LocalMetrics.sum("aggregator", "ClicksAggregated");
    for (int i = 0; i < 3; i++) assertThat(handler.handleRequest(RedirectBench.request(), null).getStatusCode()).isEqualTo(302);
    assertThat(s.eventBridge().received()).isEqualTo(eventsBefore + 3);
    await().atMost(Duration.ofMinutes(2)).until(() -> LocalMetrics.sum("aggregator", "ClicksAggregated") - aggregatedBefore == 3);
  }
}
