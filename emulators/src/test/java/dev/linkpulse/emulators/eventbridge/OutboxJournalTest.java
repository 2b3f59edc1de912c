package dev.linkpulse.emulators.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on disk: "a successful PutEvents means the events were accepted" holds across a crash of this JVM. */
class OutboxJournalTest {
  private static final String QUEUE = "http://127.0.0.1:9324/000000000000/clicks";

  @Test
  void anAcceptedEventNotYetDeliveredIsRecoveredOnOpen(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outbox.log");
    OutboxJournal crashed = OutboxJournal.open(file);
    crashed.accept(Map.of(QUEUE, List.of("{\"id\":\"a\"}", "{\"id\":\"b\"}\nwith a newline")));
    crashed.delivered(QUEUE, List.of("{\"id\":\"a\"}"));
    // no close: the process died here

    OutboxJournal reopened = OutboxJournal.open(file);
    assertThat(reopened.recovered()).extracting(OutboxJournal.Entry::body).containsExactly("{\"id\":\"b\"}\nwith a newline");
    assertThat(reopened.recovered()).extracting(OutboxJournal.Entry::queueUrl).containsExactly(QUEUE);
  }

  @Test
  void openingCompactsTheFileToWhatIsStillOwedAndNumbersGoOn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outbox.log");
    OutboxJournal first = OutboxJournal.open(file);
    first.accept(Map.of(QUEUE, List.of("x", "y")));
    first.delivered(QUEUE, List.of("x", "y"));
    first.close();
    OutboxJournal second = OutboxJournal.open(file);
    assertThat(second.recovered()).isEmpty();
    assertThat(Files.size(file)).isZero();
    second.accept(Map.of(QUEUE, List.of("z")));
    second.close();
    assertThat(OutboxJournal.open(file).recovered()).extracting(OutboxJournal.Entry::seq).containsExactly(2L);
  }

  /** A line the killed process was half-way through writing was never acknowledged: it is skipped, the rest is kept. */
  @Test
  void aTornLastLineIsSkipped(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outbox.log");
    OutboxJournal journal = OutboxJournal.open(file);
    journal.accept(Map.of(QUEUE, List.of("kept")));
    Files.writeString(file, "A 7 " + QUEUE + " !!not-base64", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertThat(OutboxJournal.open(file).recovered()).extracting(OutboxJournal.Entry::body).containsExactly("kept");
  }
}
