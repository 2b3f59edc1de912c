package dev.linkpulse.pipeline.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.pipeline.TestClicks;
import dev.linkpulse.pipeline.analytics.ClickClassifier;
import dev.linkpulse.pipeline.clicks.InMemoryClickStore;
import dev.linkpulse.pipeline.clicks.RawClick;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Recording a batch of queued click events, on the in-memory model of the click store. */
class ClickRecorderTest {
  static final String CHROME = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
  static final Duration RETENTION = Duration.ofDays(90);

  private final InMemoryClickStore store = new InMemoryClickStore();
  private final ClickRecorder recorder = new ClickRecorder(new ClickClassifier(), store, RETENTION);

  static ClickEvent event(String method, String userAgent) {
    return new ClickEvent(UUID.randomUUID().toString(), Instant.parse("2026-03-01T10:00:00Z"), "abc1234", "", method, null, userAgent,
        "DE", "visitor-1234", false, Map.of());
  }

  static ClickRecorder.Message message(String id, ClickEvent e) {
    return new ClickRecorder.Message(id, TestClicks.envelope(e));
  }

  @Test
  void record_writesOneClassifiedRawClickPerEvent() {
    ClickEvent a = event("GET", CHROME);
    ClickEvent b = event("GET", CHROME);
    ClickRecorder.Outcome outcome = recorder.record(List.of(message("m1", a), message("m2", b)));
    assertThat(outcome.failedMessageIds()).isEmpty();
    assertThat(outcome.recorded()).isEqualTo(2);
    RawClick stored = store.stored().get(a.eventId());
    assertThat(stored.event()).isEqualTo(a);
    assertThat(List.of(stored.browser(), stored.os(), stored.device())).containsExactly("Chrome", "Mac OS X", "desktop");
    assertThat(stored.bot()).isFalse();
    assertThat(store.retentionOf(a.eventId())).isEqualTo(RETENTION);
  }

  @Test
  void record_flagsBotsAndKeepsThem() {
    ClickEvent head = event("HEAD", CHROME);
    ClickRecorder.Outcome outcome = recorder.record(List.of(message("m1", head)));
    assertThat(outcome.bots()).isEqualTo(1);
    assertThat(store.stored().get(head.eventId()).bot()).isTrue();
    assertThat(store.stored().get(head.eventId()).botReason()).isEqualTo("head");
  }

  @Test
  void record_aMalformedMessageFailsAlone() {
    ClickEvent good = event("GET", CHROME);
    String wrongSource = TestClicks.envelope(good).replace(ClickEvent.SOURCE, "someone.else");
    String badDetail = TestClicks.envelope(good).replace(good.eventId(), "not-a-uuid");
    ClickRecorder.Outcome outcome = recorder.record(List.of(new ClickRecorder.Message("junk", "{not json"),
        new ClickRecorder.Message("array", "[1,2]"), new ClickRecorder.Message("source", wrongSource),
        new ClickRecorder.Message("detail", badDetail), message("good", good)));
    assertThat(outcome.failedMessageIds()).containsExactly("junk", "array", "source", "detail");
    assertThat(outcome.invalid()).isEqualTo(4);
    assertThat(outcome.recorded()).isEqualTo(1);
    assertThat(store.stored()).containsOnlyKeys(good.eventId());
  }

  @Test
  void record_twoMessagesOfOneEvent_writeItOnceAndShareItsOutcome() {
    ClickEvent e = event("GET", CHROME);
    ClickRecorder.Outcome ok = recorder.record(List.of(message("m1", e), message("m2", e)));
    assertThat(ok.failedMessageIds()).isEmpty();
    assertThat(ok.duplicatesInBatch()).isEqualTo(1);
    assertThat(ok.recorded()).isEqualTo(1);
    assertThat(store.writes()).isEqualTo(1);

    ClickEvent refused = event("GET", CHROME);
    store.failWritesOf(Set.of(refused.eventId()));
    ClickRecorder.Outcome failed = recorder.record(List.of(message("m3", refused), message("m4", refused)));
    assertThat(failed.failedMessageIds()).containsExactlyInAnyOrder("m3", "m4");
    assertThat(failed.recorded()).isZero();
  }

  @Test
  void record_onlyTheMessagesOfUnwrittenClicksFail() {
    ClickEvent a = event("GET", CHROME);
    ClickEvent b = event("GET", CHROME);
    ClickEvent c = event("GET", CHROME);
    store.failWritesOf(Set.of(b.eventId()));
    ClickRecorder.Outcome outcome = recorder.record(List.of(message("m1", a), message("m2", b), message("m3", c)));
    assertThat(outcome.failedMessageIds()).containsExactly("m2");
    assertThat(outcome.recorded()).isEqualTo(2);
    assertThat(outcome.invalid()).isZero();
    assertThat(store.stored()).containsOnlyKeys(a.eventId(), c.eventId());
  }
}
