package dev.linkpulse.emulators.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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

  @Test
  void compactionKeepsExactlyThePendingEvents(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outbox.log");
    OutboxJournal journal = OutboxJournal.open(file, OutboxCompaction.inline(4096, OutboxCompaction.Steps.NONE));
    List<String> owed = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      journal.accept(Map.of(QUEUE, List.of(body(i))));
      if (i % 7 == 3) owed.add(body(i));
      else journal.delivered(QUEUE, List.of(body(i)));
    }
    assertThat(journal.compactions()).as("compactions of a 4 KiB journal over 300 events").isGreaterThan(3);
    // no close: the process died here
    assertThat(OutboxJournal.open(file).recovered()).extracting(OutboxJournal.Entry::body).containsExactlyElementsOf(owed);
  }

  /** Every line is one event and one mark; without online compaction these 2,000 events leave a file of about 280 KB. */
  @Test
  void theFileStaysBoundedUnderSteadyDelivery(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outbox.log");
    int threshold = 8192;
    OutboxJournal journal = OutboxJournal.open(file, OutboxCompaction.inline(threshold, OutboxCompaction.Steps.NONE));
    long largest = 0;
    for (int i = 0; i < 2000; i++) {
      journal.accept(Map.of(QUEUE, List.of(body(i))));
      // delivery runs a few events behind, as the senders do under load
      if (i >= 5) journal.delivered(QUEUE, List.of(body(i - 5)));
      largest = Math.max(largest, Files.size(file));
    }
    int line = OutboxRecords.accepted(new OutboxJournal.Entry(2000, QUEUE, body(2000))).length();
    assertThat(largest).as("largest file seen").isLessThanOrEqualTo(threshold + line);
    assertThat(Files.size(file)).isEqualTo(journal.fileBytes());
    assertThat(OutboxJournal.open(file).recovered()).extracting(OutboxJournal.Entry::body)
        .containsExactlyElementsOf(IntStream.range(1995, 2000).mapToObj(OutboxJournalTest::body).toList());
  }

  /** The same body twice (two events alike) is two events: one delivery marks the older one only. */
  @Test
  void aBodyAcceptedTwiceIsOwedUntilDeliveredTwice(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outbox.log");
    OutboxJournal journal = OutboxJournal.open(file);
    journal.accept(Map.of(QUEUE, List.of("same", "same")));
    journal.delivered(QUEUE, List.of("same"));
    assertThat(OutboxJournal.open(file).recovered()).extracting(OutboxJournal.Entry::seq).containsExactly(1L);
  }

  @Test
  void aCompactionThresholdOfZeroOrLessIsRefused() {
    assertThatThrownBy(() -> OutboxCompaction.background(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 0");
    assertThatThrownBy(() -> OutboxCompaction.inline(-1, OutboxCompaction.Steps.NONE)).isInstanceOf(IllegalArgumentException.class);
  }

  static String body(int i) {
    return "{\"id\":\"event-" + i + "\",\"detail\":{\"code\":\"abc123\",\"country\":\"DE\"}}";
  }
}
