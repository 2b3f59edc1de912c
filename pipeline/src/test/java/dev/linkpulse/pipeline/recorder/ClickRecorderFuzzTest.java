package dev.linkpulse.pipeline.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.linkpulse.core.Keys;
import dev.linkpulse.pipeline.analytics.ClickClassifier;
import dev.linkpulse.pipeline.clicks.InMemoryClickStore;
import dev.linkpulse.pipeline.clicks.RawClick;
import dev.linkpulse.testing.FuzzInput;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Coverage-guided fuzzing of the click event as the recorder receives it (an SQS body holding the EventBridge
 * envelope): a body is recorded as exactly one valid click, or fails alone with nothing stored.
 */
class ClickRecorderFuzzTest {
  /**
   * Every refused body logs its reason; at thousands of inputs a second that log is the whole run. Held here: the
   * logging framework keeps loggers weakly, and a collected one comes back at the default level.
   */
  private static final Logger RECORDER_LOG = Logger.getLogger(ClickRecorder.class.getName());

  static {
    RECORDER_LOG.setLevel(Level.OFF);
  }

  private final ClickClassifier classifier = new ClickClassifier();

  @FuzzTest
  void clickEvent(byte[] input) {
    InMemoryClickStore store = new InMemoryClickStore();
    ClickRecorder recorder = new ClickRecorder(classifier, store, Duration.ofDays(90));
    ClickRecorder.Outcome outcome = recorder.record(List.of(new ClickRecorder.Message("m1", FuzzInput.text(input))));
    if (outcome.invalid() == 1) {
      assertThat(outcome.failedMessageIds()).containsExactly("m1");
      assertThat(store.stored()).isEmpty();
      return;
    }
    assertThat(outcome.failedMessageIds()).isEmpty();
    assertThat(store.stored()).hasSize(1);
    RawClick click = store.stored().values().iterator().next();
    assertThat(Keys.spellable(click.event().time())).isTrue();
    assertThat(click.event().method()).isIn("GET", "HEAD");
  }
}
