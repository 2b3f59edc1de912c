package dev.linkpulse.ops.dlq;

import dev.linkpulse.ops.UsageError;
import dev.linkpulse.ops.aws.AwsOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A redrive of the stream on-failure destination: its messages are batch pointers, not clicks. Each is replayed
 * ({@link StreamReplay}) into the counters, oldest first, and deleted once replayed; after a pointer fails in a way
 * that could leave clicks uncounted, the later ones wait (replaying them first could lift a watermark over those clicks).
 */
final class PointerReplay {
  private final SqsClient sqs;
  private final AwsOptions aws;
  private final RedrivePlan plan;
  private final RedriveRequest request;
  private final Queues.Queue source;
  private final PrintWriter out;
  private final PrintWriter err;

  /** A received pointer, parsed. */
  private record Pending(Item item, StreamPointer pointer) {}

  /** What the replayed pointers referenced, and what became of those clicks. */
  private static final class Tally {
    long clicks;
    long folded;
    long already;
  }

  PointerReplay(SqsClient sqs, AwsOptions aws, RedrivePlan plan, PrintWriter out, PrintWriter err) {
    this.sqs = sqs;
    this.aws = aws;
    this.plan = plan;
    this.request = plan.request();
    this.source = plan.source();
    this.out = out;
    this.err = err;
  }

  void run(Summary summary) throws IOException, InterruptedException {
    try (DynamoDbClient dynamo = aws.dynamo(); DynamoDbStreamsClient streams = aws.streams()) {
      requireTable(dynamo);
      announce();
      StreamReplay replay = new StreamReplay(streams, dynamo, plan.table());
      try (Lease lease = new Lease(sqs, source.url(), 1)) {
        List<Item> matched = request.selected().receive(lease, summary, 0);
        if (matched.isEmpty()) {
          out.println(source.name() + ": nothing to replay");
          return;
        }
        if (plan.backupPath() != null) {
          BackupFile.writeAll(plan.backupPath(), matched, source.arn());
          summary.backupWritten = true;
          out.println("backup: " + plan.backupPath() + " (" + Show.count(matched.size(), "pointer") + ")");
        }
        Tally tally = replayAll(pending(matched, summary), replay, lease, summary);
        summary.notes.add(request.dryRun() ? "clicks: " + tally.clicks + " referenced (nothing written)"
            : "clicks: " + tally.clicks + " referenced, " + tally.folded + " counted now, " + tally.already + " already counted before");
      }
    }
  }

  private void requireTable(DynamoDbClient dynamo) {
    if (plan.table() == null) return;
    try {
      dynamo.describeTable(b -> b.tableName(plan.table()));
    } catch (ResourceNotFoundException e) {
      throw new UsageError("no table " + plan.table() + (request.table() != null ? " (--table)" : " ($LINKPULSE_TABLE)"));
    }
  }

  private void announce() {
    Selection.Resolved selected = request.selected();
    out.println((request.dryRun() ? "dry run: " : "") + "redrive " + source.name() + " (stream on-failure destination): replay the referenced "
        + "stream records into the counters" + (plan.table() == null ? "" : " of " + plan.table())
        + (selected.selector().selectsAll() ? "" : ", " + selected.selector().describe())
        + (selected.limit() == null ? "" : ", limit " + selected.limit()) + (selected.pace() == null ? "" : ", " + selected.pace()));
    out.flush();
  }

  /** The pointers that parse, oldest first: per raw-click partition the counters must see earlier records before later ones. */
  private static List<Pending> pending(List<Item> matched, Summary summary) {
    List<Pending> pending = new ArrayList<>();
    for (Item item : matched) {
      try {
        pending.add(new Pending(item, StreamPointer.parse(item.body())));
      } catch (ReplayException e) {
        summary.fail(item.messageId(), e.getMessage());
      }
    }
    pending.sort(Comparator.comparing((Pending p) -> p.pointer().start()).thenComparing(p -> p.pointer().shardId()));
    return pending;
  }

  private Tally replayAll(List<Pending> pending, StreamReplay replay, Lease lease, Summary summary) throws InterruptedException {
    Tally tally = new Tally();
    Rate pace = request.selected().pace();
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
          replayOne(p, replay, lease, summary, tally);
        } catch (ReplayException e) {
          summary.fail(p.item().messageId(), e.getMessage());
          if (e.blocking) blockedBy = p.item().messageId();
        }
        progress.step(1);
      }
    }
    return tally;
  }

  private void replayOne(Pending p, StreamReplay replay, Lease lease, Summary summary, Tally tally) {
    StreamReplay.Outcome o = replay.replay(p.pointer(), request.dryRun());
    tally.clicks += o.clicks();
    tally.folded += o.folded();
    tally.already += o.alreadyCounted();
    if (p.pointer().batchSize() >= 0 && p.pointer().batchSize() != o.clicks()) {
      summary.notes.add("note: pointer " + p.item().messageId() + " (" + p.pointer().describe() + ") named " + p.pointer().batchSize()
          + " record(s); the stream holds " + o.clicks() + " raw-click insert(s) in that range");
    }
    if (request.dryRun()) {
      out.println("would replay " + p.pointer().describe() + ": " + o.clicks() + " click(s)");
      summary.moved++;
      return;
    }
    String undeleted = lease.delete(List.of(p.item())).get(p.item().messageId());
    if (undeleted == null) {
      summary.moved++;
    } else {
      summary.fail(p.item().messageId(), "replayed, but the pointer could not be deleted (" + undeleted
          + "); redriving it again is harmless: the counters skip what they counted");
    }
  }
}
