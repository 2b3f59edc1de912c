package dev.linkpulse.pipeline.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.pipeline.TestClicks;
import dev.linkpulse.pipeline.analytics.ClickClassifier;
import dev.linkpulse.pipeline.clicks.InMemoryClickStore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * At least once in, once out: a queue delivers messages in random batches, the same event in several messages
 * (re-published, re-sent, redriven), malformed messages among them, while the store refuses some writes for a few
 * rounds. Each batch fails exactly the malformed messages and those whose click was not written; the queue
 * redelivers those, until the malformed ones reach the dead-letter queue. Afterwards the store holds every
 * distinct valid event once, and nothing else.
 */
class ClickRecorderPropertiesTest {
  static final int MAX_RECEIVES = 5;
  static final String CHROME = ClickRecorderTest.CHROME;

  private record Queued(String messageId, String body, Integer event) {}

  @Test
  void everyDistinctEventIsStoredOnce_andOnlyMalformedMessagesReachTheDlq() {
    ClickClassifier classifier = new ClickClassifier();
    qt().withExamples(200).forAll(
        integers().between(1, 8),
        lists().of(integers().between(0, 8)).ofSizeBetween(1, 30),
        integers().between(1, 10),
        lists().of(lists().of(integers().between(0, 7)).ofSizeBetween(0, 4)).ofSizeBetween(0, 4))
        .checkAssert((events, picks, batchSize, refusals) -> run(classifier, events, picks, batchSize, refusals));
  }

  private static void run(ClickClassifier classifier, int eventCount, List<Integer> picks, int batchSize, List<List<Integer>> refusals) {
    List<ClickEvent> events = new ArrayList<>();
    for (int i = 0; i < eventCount; i++) events.add(ClickRecorderTest.event(i % 3 == 2 ? "HEAD" : "GET", CHROME));
    Deque<Queued> queue = new ArrayDeque<>();
    for (int i = 0; i < picks.size(); i++) {
      int pick = picks.get(i);
      // A pick past the events is a malformed message.
      queue.add(pick < eventCount
          ? new Queued("m" + i, TestClicks.envelope(events.get(pick)), pick)
          : new Queued("m" + i, "{\"detail-type\":\"link.clicked\",\"detail\":" + i + "}", null));
    }
    InMemoryClickStore store = new InMemoryClickStore();
    ClickRecorder recorder = new ClickRecorder(classifier, store, Duration.ofDays(90));
    Map<String, Integer> receives = new HashMap<>();
    List<Queued> deadLetters = new ArrayList<>();
    for (int round = 0; !queue.isEmpty(); round++) {
      Set<String> refused = round >= refusals.size() ? Set.of()
          : refusals.get(round).stream().filter(e -> e < eventCount).map(e -> events.get(e).eventId()).collect(Collectors.toSet());
      store.heal();
      store.failWritesOf(refused);
      Deque<Queued> redeliver = new ArrayDeque<>();
      while (!queue.isEmpty()) {
        List<Queued> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < batchSize) batch.add(queue.poll());
        ClickRecorder.Outcome outcome = recorder.record(batch.stream().map(q -> new ClickRecorder.Message(q.messageId(), q.body())).toList());
        Set<String> expectedFailed = new HashSet<>();
        for (Queued q : batch) if (q.event() == null || refused.contains(events.get(q.event()).eventId())) expectedFailed.add(q.messageId());
        assertThat(outcome.failedMessageIds()).as("failed messages of round %d", round).containsExactlyInAnyOrderElementsOf(expectedFailed);
        for (Queued q : batch) {
          if (!expectedFailed.contains(q.messageId())) continue;
          if (receives.merge(q.messageId(), 1, Integer::sum) >= MAX_RECEIVES) deadLetters.add(q);
          else redeliver.add(q);
        }
      }
      queue.addAll(redeliver);
    }
    Set<String> distinct = picks.stream().filter(p -> p < eventCount).map(p -> events.get(p).eventId()).collect(Collectors.toSet());
    assertThat(store.stored().keySet()).isEqualTo(distinct);
    store.stored().forEach((id, click) -> assertThat(click.event().eventId()).isEqualTo(id));
    assertThat(deadLetters).as("only malformed messages are dead letters").allMatch(q -> q.event() == null);
    assertThat(deadLetters).hasSize((int) picks.stream().filter(p -> p >= eventCount).count());
  }
}
