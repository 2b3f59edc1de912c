package dev.linkpulse.ops.dlq;

import dev.linkpulse.core.Env;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

@Command(name = "redrive", mixinStandardHelpOptions = true, sortOptions = false,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse dlq redrive ClicksDLQ --dry-run",
        "  ./linkpulse dlq redrive ClicksDLQ --grep hello --rate 50/s",
        "  ./linkpulse dlq redrive AggregatorFailures"},
    description = {
        "Move the messages of dead-letter queue QUEUE back to where they can be processed.",
        "Default destination: the queue whose RedrivePolicy dead-letters into QUEUE. With no --filter, --grep, --limit "
            + "or --copy (and a standard queue) it starts SQS's own message move task (StartMessageMoveTask) and follows "
            + "it to completion; otherwise it moves message by message: receive (held invisible), back up, send with the "
            + "same body, message attributes and FIFO group/deduplication ids, and delete from QUEUE only once the send is "
            + "confirmed. Whatever is not moved is made visible again.",
        "Before moving anything it writes every message it will move to an NDJSON backup (default "
            + "./dlq-backup-<queue>-<time>.ndjson) and syncs it to disk; `linkpulse dlq restore` re-sends a backup. With "
            + "the move task the backup is a snapshot taken just before the task starts.",
        "The stream on-failure destination (AggregatorFailures) holds batch pointers (shard, sequence range), not clicks: "
            + "redriving it reads those records from the table's stream again and folds the raw clicks into the counters "
            + "with the aggregator's own code, exactly once (the counters' watermarks skip clicks already counted), then "
            + "deletes each pointer. Pointers older than the stream's 24 h retention cannot be replayed: they fail with "
            + "that reason and stay.",
        "Prints a progress bar, a summary (moved, skipped = did not match, failed with reasons) and an audit line on stderr."})
final class RedriveCommand implements Callable<Integer> {
  /** SQS's move task takes 1..500 messages per second. */
  static final int NATIVE_MAX_RATE = 500;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUEUE", description = "the dead-letter queue: name, URL or ARN")
  String queue;

  @Option(names = "--to", paramLabel = "QUEUE", description = "Destination queue (default: the queue that dead-letters into QUEUE)")
  String to;

  @Option(names = "--dry-run", description = "Show what would be moved; change nothing (messages are received and made visible again)")
  boolean dryRun;

  @Option(names = "--copy", description = "Send copies and leave the originals in QUEUE")
  boolean copy;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  BackupChoice backup;

  static final class BackupChoice {
    @Option(names = "--backup", paramLabel = "FILE", description = "Write the backup to FILE (must not exist)")
    Path file;

    @Option(names = "--no-backup", description = "Move without a backup")
    boolean none;
  }

  @Option(names = "--table", paramLabel = "TABLE",
      description = "For a stream on-failure destination: the table whose counters to repair (default: $LINKPULSE_TABLE, else the table named by each pointer's stream ARN); pointers from another table's stream fail")
  String table;

  @Mixin Selection selection;

  /** The selection options, resolved once {@link #call} has checked them. */
  private Selection.Resolved selected;
  private Integer limit;

  @Mixin AwsOptions aws;

  enum Mode { NATIVE, MESSAGES, REPLAY }

  private PrintWriter out;
  private PrintWriter err;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    aws.validate();
    selected = selection.resolve();
    Rate pace = selected.pace();
    Selector selector = selected.selector();
    limit = selected.limit();
    boolean wantBackup = !dryRun && (backup == null || !backup.none);
    if (backup != null && backup.file != null) BackupFile.checkWritable(backup.file);
    try (SqsClient sqs = aws.sqs()) {
      Queues queues = new Queues(sqs, aws.prefix());
      Queues.Queue source = queues.resolve(queue, "QUEUE");
      Queues.Queue destination = null;
      Mode mode;
      List<Queues.Queue> sources = List.of();
      if (to != null) {
        destination = queues.resolve(to, "--to");
        if (destination.arn() != null && destination.arn().equals(source.arn())) throw new UsageError("--to is QUEUE itself");
        mode = Mode.MESSAGES;
      } else {
        sources = queues.sourcesOf(source);
        if (sources.size() == 1) {
          destination = sources.get(0);
          mode = Mode.MESSAGES;
        } else if (sources.size() > 1) {
          mode = Mode.MESSAGES;
        } else if (queues.isOnFailureDestination(source)) {
          mode = Mode.REPLAY;
        } else {
          throw new UsageError(source.name() + " is no queue's dead-letter queue and no stream on-failure destination; pass --to QUEUE");
        }
      }
      boolean nativeEligible = selector.selectsAll() && limit == null && !copy && !source.fifo()
          && (pace == null || (pace.wholePerSecond() >= 1 && pace.wholePerSecond() <= NATIVE_MAX_RATE));
      if (mode == Mode.MESSAGES && nativeEligible && !dryRun) mode = Mode.NATIVE;
      if (mode == Mode.MESSAGES && destination == null) {
        throw new UsageError(source.name() + " is the dead-letter queue of " + sources.size() + " queues ("
            + String.join(", ", sources.stream().map(Queues.Queue::name).toList()) + "): pass --to, or redrive without "
            + "--filter/--grep/--limit/--copy/--dry-run to send each message back to its own source");
      }
      if (mode == Mode.REPLAY && copy) throw new UsageError("--copy does not apply to " + source.name() + ": its pointers are replayed into the counters, not copied");
      if (mode != Mode.REPLAY && table != null) throw new UsageError("--table applies only to a stream on-failure destination, not to " + source.name());
      Path backupPath = wantBackup ? (backup != null && backup.file != null ? backup.file.toAbsolutePath() : BackupFile.defaultPath(source.name(), Instant.now())) : null;
      if (backupPath != null) BackupFile.checkWritable(backupPath);

      Summary summary = new Summary();
      summary.details.put("mode", (dryRun && mode == Mode.MESSAGES && nativeEligible ? Mode.NATIVE : mode).name().toLowerCase(java.util.Locale.ROOT));
      selected.describeInto(summary.details);
      if (copy) summary.details.put("copy", "true");
      if (dryRun) summary.details.put("dry-run", "true");
      String toLabel;
      String word;
      String tableName = table != null ? table : Env.find("LINKPULSE_TABLE").orElse(null);
      switch (mode) {
        case NATIVE -> {
          toLabel = destination == null ? "(each message's source queue)" : destination.name();
          word = "moved";
        }
        case MESSAGES -> {
          toLabel = destination.name();
          word = copy ? "copied" : "moved";
        }
        default -> {
          toLabel = "counters" + (tableName == null ? "" : ":" + tableName);
          word = "replayed";
          if (tableName != null) summary.details.put("table", tableName);
        }
      }
      try {
        switch (mode) {
          case NATIVE -> runNative(sqs, source, destination, pace, backupPath, summary);
          case MESSAGES -> runMessages(sqs, source, destination, selector, pace, backupPath, summary, nativeEligible);
          default -> runReplay(sqs, source, selector, pace, backupPath, tableName, summary);
        }
      } catch (SdkException e) {
        // AWS failed half-way: what was done is done (and in the backup); everything held is visible again.
        summary.fail("-", "aborted: " + Selector.oneLine(e.getMessage()));
      } catch (IOException e) {
        // the backup is written before anything of its round moves: what it could not hold was not moved
        summary.fail("-", "aborted: cannot write the backup " + backupPath + ": " + e.getClass().getSimpleName() + " " + Selector.oneLine(e.getMessage()));
      }
      summary.print(out, word, dryRun);
      summary.audit(err, dryRun ? "redrive-dry-run" : "redrive", source.name(), toLabel, summary.backupWritten ? backupPath : null);
      return summary.failed() > 0 ? Commands.FAILED : 0;
    } catch (SdkException e) {
      return Commands.awsFailure(spec, e);
    }
  }

  // ------------------------------------------------------------------ message by message

  private void runMessages(SqsClient sqs, Queues.Queue source, Queues.Queue destination, Selector selector, Rate pace, Path backupPath,
      Summary summary, boolean nativeEligible) throws IOException, InterruptedException {
    out.println((dryRun ? "dry run: " : "") + "redrive " + source.name() + " -> " + destination.name() + " ("
        + (dryRun && nativeEligible ? "would use SQS's message move task" : copy ? "copy, message by message" : "message by message")
        + (selector.selectsAll() ? "" : ", " + selector.describe()) + (limit == null ? "" : ", limit " + limit)
        + (pace == null ? "" : ", " + pace) + ")");
    out.flush();
    Sender sender = new Sender(sqs, destination);
    BackupFile backupFile = null;
    Progress progress = null;
    int matchedTotal = 0;
    try (Lease lease = new Lease(sqs, source.url(), 1)) {
      try {
        while (true) {
          List<Item> matched = new ArrayList<>();
          int before = matchedTotal;
          lease.receive(m -> {
            if (selector.matches(m.body())) matched.add(Item.of(m));
            else summary.skipped++;
          }, () -> selected.reached(before + matched.size()));
          if (matched.isEmpty()) break;
          matchedTotal += matched.size();
          if (dryRun) {
            matched.forEach(i -> out.println("would " + (copy ? "copy " : "move ") + Show.brief(i)));
            summary.moved += matched.size();
            break;
          }
          if (backupPath != null) {
            if (backupFile == null) backupFile = BackupFile.create(backupPath);
            backupFile.append(matched, source.arn());
            summary.backupWritten = true;
          }
          if (progress == null) progress = Progress.start("redrive " + source.name(), matched.size(), err);
          else progress.max(matchedTotal);
          move(sqs, source, sender, lease, matched, pace, summary, progress);
          // A standard queue gave everything visible in the first round. In a FIFO queue a message group shows its
          // next messages only once the earlier ones are gone: go round again for them (each round backed up first).
          if (!source.fifo() || copy || selected.reached(matchedTotal)) break;
        }
        if (lease.stoppedAtLimit()) summary.notes.add("stopped at " + Lease.MAX_HELD + " messages held at once: run again for the rest");
      } finally {
        if (progress != null) progress.close();
        if (backupFile != null) backupFile.close();
      }
    }
    if (summary.backupWritten) out.println("backup: " + backupPath + " (" + backupFile.lines() + " message" + (backupFile.lines() == 1 ? "" : "s") + ")");
  }

  private void move(SqsClient sqs, Queues.Queue source, Sender sender, Lease lease, List<Item> items, Rate pace, Summary summary,
      Progress progress) throws InterruptedException {
    for (List<Item> chunk : Sender.chunks(items, pace == null ? 10 : pace.chunk(10))) {
      if (pace != null) pace.acquire(chunk.size());
      Map<String, String> failed = sender.send(chunk);
      failed.forEach(summary::fail);
      List<Item> sent = chunk.stream().filter(i -> !failed.containsKey(i.messageId())).toList();
      if (copy) {
        summary.moved += sent.size();
      } else {
        Map<String, String> undeleted = delete(sqs, source, lease, sent);
        for (Item item : sent) {
          String reason = undeleted.get(item.messageId());
          if (reason == null) {
            summary.moved++;
            lease.forget(item.messageId());
          } else {
            summary.fail(item.messageId(), "sent to " + sender.destination().name() + ", but not deleted from " + source.name() + " (" + reason
                + "): it is now in both queues");
          }
        }
      }
      progress.step(chunk.size());
    }
  }

  /** Deletes sent messages from the source; returns the reason for each that was not deleted. */
  private static Map<String, String> delete(SqsClient sqs, Queues.Queue source, Lease lease, List<Item> items) {
    Map<String, String> undeleted = new LinkedHashMap<>();
    if (items.isEmpty()) return undeleted;
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(lease.receipt(items.get(i).messageId())).build());
    }
    try {
      var response = sqs.deleteMessageBatch(b -> b.queueUrl(source.url()).entries(entries));
      response.failed().forEach(f -> undeleted.put(items.get(Integer.parseInt(f.id())).messageId(), f.code() + " " + Selector.oneLine(f.message())));
    } catch (SdkException e) {
      items.forEach(i -> undeleted.put(i.messageId(), Selector.oneLine(e.getMessage())));
    }
    return undeleted;
  }

  // ------------------------------------------------------------------ SQS's move task

  private void runNative(SqsClient sqs, Queues.Queue source, Queues.Queue destination, Rate pace, Path backupPath, Summary summary)
      throws IOException, InterruptedException {
    String toText = destination == null ? "each message's source queue" : destination.name();
    out.println("redrive " + source.name() + " -> " + toText + " (SQS message move task" + (pace == null ? "" : ", " + pace) + ")");
    out.flush();
    long expected;
    if (backupPath != null) {
      List<Item> all = new ArrayList<>();
      boolean complete;
      try (Lease lease = new Lease(sqs, source.url(), 1)) {
        lease.receive(m -> all.add(Item.of(m)), () -> false);
        complete = !lease.stoppedAtLimit();
        if (!all.isEmpty() && complete) {
          try (BackupFile file = BackupFile.create(backupPath)) {
            file.append(all, source.arn());
          }
          summary.backupWritten = true;
        }
      } // every message visible again for the move task
      if (!complete) {
        summary.fail("-", "more than " + Lease.MAX_HELD + " messages: too many to back up in one go; nothing was moved. "
            + "Redrive in parts with --limit, or pass --no-backup");
        return;
      }
      if (all.isEmpty()) {
        out.println(source.name() + " is empty: nothing to redrive");
        return;
      }
      out.println("backup: " + backupPath + " (" + all.size() + " message" + (all.size() == 1 ? "" : "s") + ")");
      expected = all.size();
    } else {
      expected = source.visible();
      if (expected == 0 && source.inFlight() == 0) {
        out.println(source.name() + " is empty: nothing to redrive");
        return;
      }
    }
    out.flush();
    String handle = sqs.startMessageMoveTask(b -> b.sourceArn(source.arn()).destinationArn(destination == null ? null : destination.arn())
        .maxNumberOfMessagesPerSecond(pace == null ? null : pace.wholePerSecond())).taskHandle();
    err.println("move task started (it runs in SQS: interrupting this command does not stop it; "
        + "aws sqs cancel-message-move-task --task-handle " + handle + " does)");
    err.flush();
    ListMessageMoveTasksResultEntry last = null;
    try (Progress progress = Progress.start("redrive " + source.name(), expected, err)) {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (true) {
        List<ListMessageMoveTasksResultEntry> tasks = sqs.listMessageMoveTasks(b -> b.sourceArn(source.arn()).maxResults(10)).results();
        ListMessageMoveTasksResultEntry task = tasks.stream().filter(t -> handle.equals(t.taskHandle())).findFirst()
            .orElse(tasks.isEmpty() ? null : tasks.get(0));
        if (task != null) {
          last = task;
          if (task.approximateNumberOfMessagesToMove() != null) progress.max(Math.max(task.approximateNumberOfMessagesToMove(), 0));
          if (task.approximateNumberOfMessagesMoved() != null) progress.stepTo(task.approximateNumberOfMessagesMoved());
          String status = String.valueOf(task.status());
          if (!status.equals("RUNNING") && !status.equals("CANCELLING")) break;
        } else if (System.nanoTime() > deadline) {
          summary.fail("move-task", "SQS lists no move task for " + source.name() + " after it started one");
          return;
        }
        Thread.sleep(500);
      }
    }
    long moved = last.approximateNumberOfMessagesMoved() == null ? 0 : last.approximateNumberOfMessagesMoved();
    summary.moved = (int) moved;
    String status = String.valueOf(last.status());
    if (status.equals("FAILED")) {
      summary.fail("move-task", "the move task failed after " + moved + " message(s): " + last.failureReason());
    } else if (status.equals("CANCELLED")) {
      summary.notes.add("the move task was cancelled after " + moved + " message(s)");
    }
  }

  // ------------------------------------------------------------------ stream pointers

  private record Pending(Item item, StreamReplay.Pointer pointer) {}

  private void runReplay(SqsClient sqs, Queues.Queue source, Selector selector, Rate pace, Path backupPath, String tableName, Summary summary)
      throws IOException, InterruptedException {
    try (DynamoDbClient dynamo = aws.dynamo(); DynamoDbStreamsClient streams = aws.streams()) {
      if (tableName != null) {
        try {
          dynamo.describeTable(b -> b.tableName(tableName));
        } catch (ResourceNotFoundException e) {
          throw new UsageError("no table " + tableName + (table != null ? " (--table)" : " ($LINKPULSE_TABLE)"));
        }
      }
      out.println((dryRun ? "dry run: " : "") + "redrive " + source.name() + " (stream on-failure destination): replay the referenced "
          + "stream records into the counters" + (tableName == null ? "" : " of " + tableName)
          + (selector.selectsAll() ? "" : ", " + selector.describe()) + (limit == null ? "" : ", limit " + limit) + (pace == null ? "" : ", " + pace));
      out.flush();
      StreamReplay replay = new StreamReplay(streams, dynamo, tableName);
      try (Lease lease = new Lease(sqs, source.url(), 1)) {
        List<Item> matched = new ArrayList<>();
        lease.receive(m -> {
          if (selector.matches(m.body())) matched.add(Item.of(m));
          else summary.skipped++;
        }, () -> selected.reached(matched.size()));
        if (matched.isEmpty()) {
          out.println(source.name() + ": nothing to replay");
          return;
        }
        if (backupPath != null) {
          try (BackupFile file = BackupFile.create(backupPath)) {
            file.append(matched, source.arn());
          }
          summary.backupWritten = true;
          out.println("backup: " + backupPath + " (" + matched.size() + " pointer" + (matched.size() == 1 ? "" : "s") + ")");
        }
        // Oldest first: per raw-click partition the counters must see earlier records before later ones.
        List<Pending> pending = new ArrayList<>();
        for (Item item : matched) {
          try {
            pending.add(new Pending(item, StreamReplay.Pointer.parse(item.body())));
          } catch (StreamReplay.ReplayException e) {
            summary.fail(item.messageId(), e.getMessage());
          }
        }
        pending.sort(Comparator.comparing((Pending p) -> p.pointer().start()).thenComparing(p -> p.pointer().shardId()));
        long clicks = 0;
        long folded = 0;
        long already = 0;
        String blockedBy = null;
        try (Progress progress = pending.isEmpty() ? null : Progress.start("replay " + source.name(), pending.size(), err)) {
          for (Pending p : pending) {
            if (blockedBy != null) {
              summary.fail(p.item().messageId(), "not replayed: pointer " + blockedBy + " failed first, and replaying a later one before it could "
                  + "lift a counter's watermark over clicks it still has to add");
              progress.step(1);
              continue;
            }
            if (pace != null) pace.acquire(1);
            try {
              StreamReplay.Outcome o = replay.replay(p.pointer(), dryRun);
              clicks += o.clicks();
              folded += o.folded();
              already += o.alreadyCounted();
              if (p.pointer().batchSize() >= 0 && p.pointer().batchSize() != o.clicks()) {
                summary.notes.add("note: pointer " + p.item().messageId() + " (" + p.pointer().describe() + ") named " + p.pointer().batchSize()
                    + " record(s); the stream holds " + o.clicks() + " raw-click insert(s) in that range");
              }
              if (dryRun) {
                out.println("would replay " + p.pointer().describe() + ": " + o.clicks() + " click(s)");
                summary.moved++;
              } else {
                String undeleted = delete(sqs, source, lease, List.of(p.item())).get(p.item().messageId());
                if (undeleted == null) {
                  summary.moved++;
                  lease.forget(p.item().messageId());
                } else {
                  summary.fail(p.item().messageId(), "replayed, but the pointer could not be deleted (" + undeleted
                      + "); redriving it again is harmless: the counters skip what they counted");
                }
              }
            } catch (StreamReplay.ReplayException e) {
              summary.fail(p.item().messageId(), e.getMessage());
              if (e.blocking) blockedBy = p.item().messageId();
            }
            progress.step(1);
          }
        }
        summary.notes.add(dryRun ? "clicks: " + clicks + " referenced (nothing written)"
            : "clicks: " + clicks + " referenced, " + folded + " counted now, " + already + " already counted before");
      }
    }
  }
}
