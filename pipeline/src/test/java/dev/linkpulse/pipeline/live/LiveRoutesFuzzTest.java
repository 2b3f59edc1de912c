package dev.linkpulse.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.fixtures.InMemoryLinkStore;
import dev.linkpulse.fixtures.MovableClock;
import dev.linkpulse.testing.FuzzInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Coverage-guided fuzzing of the WebSocket API's frames: whatever the route and body, the answer is one JSON frame (or
 * nothing, for $connect and $disconnect), and a subscription is stored only when the owner subscribes to her link.
 */
class LiveRoutesFuzzTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration TTL = Duration.ofHours(2);
  private final MovableClock clock = new MovableClock(NOW);
  private final InMemoryLinkStore links = new InMemoryLinkStore();

  LiveRoutesFuzzTest() {
    links.putIfAbsent(new Link("alice1", "inc1", "https://example.com", "alice", 302, NOW, null, Link.Status.ACTIVE));
  }

  /** Three lines: the caller (alice, bob, anything else is anonymous), the route key, and the frame's body. */
  @FuzzTest
  void frame(byte[] input) throws Exception {
    List<String> fields = FuzzInput.fields(input, 3);
    LiveRoutes.Caller caller = fields.get(0) == null || !List.of("alice", "bob").contains(fields.get(0))
        ? LiveRoutes.Caller.ANONYMOUS : new LiveRoutes.Caller(fields.get(0), NOW.plus(TTL));
    String route = fields.get(1) == null ? "" : fields.get(1);
    InMemorySubscriptions subscriptions = new InMemorySubscriptions(clock);
    String answer = new LiveRoutes(links, subscriptions, TTL, clock).handle(route, "conn1", caller, fields.get(2));
    if (answer == null) {
      assertThat(route).isIn("$connect", "$disconnect");
    } else {
      JsonNode frame = Json.strictTree(answer);
      assertThat(frame.path("type").asText()).isIn("subscribed", "unsubscribed", "error");
    }
    boolean granted = answer != null && answer.contains("\"subscribed\"");
    assertThat(subscriptions.liveCodes()).isEqualTo(granted ? java.util.Set.of("alice1") : java.util.Set.of());
    if (granted) assertThat(caller.owner()).isEqualTo("alice");
  }
}
