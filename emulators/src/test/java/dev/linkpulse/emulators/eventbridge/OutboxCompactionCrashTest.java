package dev.linkpulse.emulators.eventbridge;

import static dev.linkpulse.emulators.eventbridge.OutboxJournalTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.emulators.eventbridge.OutboxCompaction.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A kill at any point of an online compaction loses no acknowledged event and brings back none that was delivered:
 * the old file is whole until the rename, the new one from it on. A crash is a compaction stopped at a step (the
 * seam throws) and the journal abandoned unclosed, its directory opened again, as a restart after {@code kill -9}.
 */
class OutboxCompactionCrashTest {
  private static final String QUEUE = "http://127.0.0.1:9324/000000000000/clicks";
  private static final int THRESHOLD = 4096;

  /** Thrown by the seam: the process died at this step. */
  private static final class Killed extends RuntimeException {
    Killed(Step step) {
      super("killed at " + step);
    }
  }

  @ParameterizedTest
  @EnumSource(Step.class)
  void aCrashAtAnyStepOfACompactionRecoversExactlyThePendingEvents(Step crashAt, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("outbox.log");
    OutboxJournal journal = OutboxJournal.open(file, OutboxCompaction.inline(THRESHOLD, step -> {
      if (step == crashAt) throw new Killed(step);
    }));
    List<String> owed = driveUntilKilled(journal);
    assertThat(OutboxJournal.open(file).recovered()).extracting(OutboxJournal.Entry::body).containsExactlyElementsOf(owed);
  }

  /** The event is acknowledged while the snapshot is being written; the kill comes at a later step. */
  @ParameterizedTest
  @EnumSource(value = Step.class, names = {"WRITTEN_ASIDE", "RENAMED"})
  void anAcceptedEventSurvivesACrashDuringCompaction(Step crashAt, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("outbox.log");
    List<OutboxJournal> self = new ArrayList<>();
    OutboxJournal journal = OutboxJournal.open(file, OutboxCompaction.inline(THRESHOLD, step -> {
      if (step == Step.SNAPSHOT_TAKEN) acceptAndDeliver(self.get(0), "accepted-during", "delivered-during");
      if (step == crashAt) throw new Killed(step);
    }));
    self.add(journal);
    List<String> owed = driveUntilKilled(journal);
    owed.add("accepted-during");
    assertThat(OutboxJournal.open(file).recovered()).extracting(OutboxJournal.Entry::body).containsExactlyElementsOf(owed);
  }

  /** Accepted and delivered while the compaction ran, then the compaction switched: the new file has both lines. */
  @Test
  void whatWasAppendedDuringACompactionIsInTheNewFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outbox.log");
    List<OutboxJournal> self = new ArrayList<>();
    OutboxJournal journal = OutboxJournal.open(file, OutboxCompaction.inline(THRESHOLD, step -> {
      if (step == Step.WRITTEN_ASIDE && self.get(0).compactions() == 0) acceptAndDeliver(self.get(0), "accepted-during", "delivered-during");
    }));
    self.add(journal);
    List<String> owed = new ArrayList<>();
    for (int i = 0; journal.compactions() == 0; i++) acceptDeliveringMost(journal, i, owed);
    assertThat(Files.exists(OutboxFiles.aside(file))).as("the file written aside became the journal").isFalse();
    owed.add("accepted-during");
    journal.accept(Map.of(QUEUE, List.of("accepted-after")));
    owed.add("accepted-after");
    // no close: the process died here
    assertThat(OutboxJournal.open(file).recovered()).extracting(OutboxJournal.Entry::body).containsExactlyElementsOf(owed);
  }

  /**
   * A compaction that fails (the disk is full: writing aside throws) leaves the journal whole and appending, and the
   * next one waits until the file has grown by the threshold again, instead of writing the pending set aside once
   * per append; the one after succeeds, and nothing owed is lost.
   */
  @Test
  void afterAFailedCompactionTheNextWaitsForTheFileToGrowByTheThresholdAgain(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outbox.log");
    List<OutboxJournal> self = new ArrayList<>();
    List<Long> attemptsAtBytes = new ArrayList<>();
    OutboxJournal journal = OutboxJournal.open(file, OutboxCompaction.inline(THRESHOLD, step -> {
      if (step == Step.SNAPSHOT_TAKEN) attemptsAtBytes.add(self.get(0).fileBytes());
      if (step == Step.WRITTEN_ASIDE && attemptsAtBytes.size() == 1) throw new UncheckedIOException(new IOException("No space left on device"));
    }));
    self.add(journal);
    List<String> owed = new ArrayList<>();
    for (int i = 0; journal.compactions() == 0; i++) acceptDeliveringMost(journal, i, owed);
    assertThat(attemptsAtBytes).as("the failed try, then the one that compacted").hasSize(2);
    assertThat(attemptsAtBytes.get(1)).isGreaterThan(attemptsAtBytes.get(0) + THRESHOLD);
    assertThat(OutboxJournal.open(file).recovered()).extracting(OutboxJournal.Entry::body).containsExactlyElementsOf(owed);
  }

  /** Four publishers and their deliveries race background compactions; what is owed is exactly what was not delivered. */
  @Test
  void concurrentPublishersLoseNothingToBackgroundCompactions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outbox.log");
    OutboxJournal journal = OutboxJournal.open(file, OutboxCompaction.background(THRESHOLD));
    ExecutorService publishers = Executors.newFixedThreadPool(4);
    List<Future<List<String>>> owedByPublisher = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      int first = p * 100_000;
      owedByPublisher.add(publishers.submit(() -> {
        List<String> owed = new ArrayList<>();
        for (int i = first; i < first + 600; i++) acceptDeliveringMost(journal, i, owed);
        return owed;
      }));
    }
    List<String> owed = new ArrayList<>();
    for (Future<List<String>> f : owedByPublisher) owed.addAll(f.get());
    publishers.shutdown();
    journal.close();
    assertThat(journal.compactions()).as("compactions while publishing").isGreaterThan(5);
    assertThat(OutboxJournal.open(file).recovered()).extracting(OutboxJournal.Entry::body).containsExactlyInAnyOrderElementsOf(owed);
  }

  /** Publishes and delivers until the seam kills a compaction; returns the bodies owed at the kill, in order. */
  private static List<String> driveUntilKilled(OutboxJournal journal) {
    List<String> owed = new ArrayList<>();
    assertThatThrownBy(() -> {
      for (int i = 0; i < 10_000; i++) acceptDeliveringMost(journal, i, owed);
    }).isInstanceOf(Killed.class);
    return owed;
  }

  /**
   * Accepts event {@code i} and delivers it unless {@code i % 5 == 0}, keeping {@code owed}: a kill inside either
   * call comes from the compaction it set off, after its line was written.
   */
  private static void acceptDeliveringMost(OutboxJournal journal, int i, List<String> owed) throws Exception {
    owed.add(body(i));
    journal.accept(Map.of(QUEUE, List.of(body(i))));
    if (i % 5 == 0) return;
    owed.remove(owed.size() - 1);
    journal.delivered(QUEUE, List.of(body(i)));
  }

  private static void acceptAndDeliver(OutboxJournal journal, String owed, String delivered) {
    try {
      journal.accept(Map.of(QUEUE, List.of(owed, delivered)));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    journal.delivered(QUEUE, List.of(delivered));
  }
}
