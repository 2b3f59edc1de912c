package dev.linkpulse.emulators.eventbridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What an online compaction of the outbox costs, and what appends wait meanwhile: for each share of events left
 * pending, a journal is filled past the threshold (batches of 1,000 click-sized events, so that filling takes one
 * force per batch), then single-event appends (a redirect's PutEvents) run until the background compaction is
 * done, each timed. A main, not a test:
 * {@code java -cp emulators/target/classes:emulators/target/test-classes dev.linkpulse.emulators.eventbridge.OutboxCompactionBench [MiB] [dir]}.
 */
final class OutboxCompactionBench {
  private static final String QUEUE = "http://127.0.0.1:9324/000000000000/LinkpulseClicks";
  /** About a redirect's click envelope. */
  private static final String PADDING = "x".repeat(520);

  public static void main(String[] args) throws Exception {
    long threshold = (args.length > 0 ? Long.parseLong(args[0]) : 64) << 20;
    Path dir = Files.createTempDirectory(args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir")), "outbox-bench");
    System.out.printf("%-9s %8s %11s %11s %7s %14s %9s %11s %11s %8s%n", "pending", "events", "file before", "file after",
        "kept", "compaction ms", "held ms", "alone ms", "during ms", "during");
    System.out.println("(alone/during: one-event appends, p50/max ms, with no compaction running / while one ran)");
    for (int pendingEvery : new int[] {1000, 100, 10, 3}) run(dir.resolve("outbox-" + pendingEvery + ".log"), threshold, pendingEvery);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private static void run(Path file, long threshold, int pendingEvery) throws Exception {
    OutboxJournal journal = OutboxJournal.open(file, OutboxCompaction.background(threshold));
    long events = 0;
    List<Long> alone = new ArrayList<>();
    while (alone.size() < 200) events = timedAppend(journal, events, alone);
    while (journal.compactions() == 0 && journal.fileBytes() < threshold) {
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < 1000; i++) batch.add(body(events++));
      journal.accept(Map.of(QUEUE, batch));
      journal.delivered(QUEUE, batch.stream().filter(b -> !owed(b, pendingEvery)).toList());
    }
    List<Long> appends = new ArrayList<>();
    do {
      events = timedAppend(journal, events, appends);
    } while (journal.compactions() == 0);
    OutboxJournal.Compacted c = journal.lastCompaction();
    journal.close();
    System.out.printf("%-9s %8d %11s %11s %7d %14.1f %9.1f %11s %11s %8d%n", "1/" + pendingEvery, events, mib(c.bytesBefore()),
        mib(c.bytesAfter()), c.pending(), c.nanos() / 1e6, c.blockingNanos() / 1e6, p50AndMax(alone), p50AndMax(appends), appends.size());
  }

  /** One event accepted alone, as a redirect's PutEvents, timed, then delivered; the next event number. */
  private static long timedAppend(OutboxJournal journal, long events, List<Long> nanos) throws Exception {
    String one = body(events);
    long t0 = System.nanoTime();
    journal.accept(Map.of(QUEUE, List.of(one)));
    nanos.add(System.nanoTime() - t0);
    journal.delivered(QUEUE, List.of(one));
    return events + 1;
  }

  private static String p50AndMax(List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    return String.format("%.1f/%.1f", sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
  }

  private static boolean owed(String body, int pendingEvery) {
    return Long.parseLong(body.substring(7, body.indexOf('"', 7))) % pendingEvery == 0;
  }

  private static String body(long n) {
    return "{\"id\":\"" + n + "\",\"detail-type\":\"link.clicked\",\"source\":\"linkpulse.redirect\",\"detail\":{\"pad\":\"" + PADDING + "\"}}";
  }

  private static String mib(long bytes) {
    return String.format("%.2f MiB", bytes / 1048576.0);
  }
}
