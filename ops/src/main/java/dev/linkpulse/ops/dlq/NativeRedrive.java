package dev.linkpulse.ops.dlq;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

/**
 * A redrive by SQS's own message move task (StartMessageMoveTask), followed to completion. The backup is a
 * snapshot taken just before the task starts: every message is received once, written, and made visible again.
 */
final class NativeRedrive {
  /** How long SQS may take to list a task it has just started. */
  private static final long LISTING_GRACE_NANOS = 30_000_000_000L;
  private static final long POLL_MILLIS = 500;
  /** What {@link #backUp} and {@link #visible} say when there is nothing to start a task for. */
  private static final long NOTHING = -1;

  private final SqsClient sqs;
  private final RedrivePlan plan;
  private final Queues.Queue source;
  private final Rate pace;
  private final PrintWriter out;
  private final PrintWriter err;

  NativeRedrive(SqsClient sqs, RedrivePlan plan, PrintWriter out, PrintWriter err) {
    this.sqs = sqs;
    this.plan = plan;
    this.source = plan.source();
    this.pace = plan.request().selected().pace();
    this.out = out;
    this.err = err;
  }

  void run(Summary summary) throws IOException, InterruptedException {
    String toText = plan.destination() == null ? "each message's source queue" : plan.destination().name();
    out.println("redrive " + source.name() + " -> " + toText + " (SQS message move task" + (pace == null ? "" : ", " + pace) + ")");
    out.flush();
    long expected = plan.backupPath() != null ? backUp(summary) : visible();
    if (expected == NOTHING) return;
    out.flush();
    String handle = start();
    ListMessageMoveTasksResultEntry last = follow(handle, expected, summary);
    if (last != null) report(last, summary);
  }

  /** Snapshots the queue into the backup; returns how many messages it holds, or {@link #NOTHING}. */
  private long backUp(Summary summary) throws IOException {
    List<Item> all = new ArrayList<>();
    boolean complete;
    try (Lease lease = new Lease(sqs, source.url(), 1)) {
      lease.receive(m -> all.add(Item.of(m)), () -> false);
      complete = !lease.stoppedAtLimit();
      if (!all.isEmpty() && complete) {
        BackupFile.writeAll(plan.backupPath(), all, source.arn());
        summary.backupWritten = true;
      }
    } // every message visible again for the move task
    if (!complete) {
      summary.fail("-", "more than " + Lease.MAX_HELD + " messages: too many to back up in one go; nothing was moved. "
          + "Redrive in parts with --limit, or pass --no-backup");
      return NOTHING;
    }
    if (all.isEmpty()) {
      out.println(source.name() + " is empty: nothing to redrive");
      return NOTHING;
    }
    out.println("backup: " + plan.backupPath() + " (" + Show.count(all.size(), "message") + ")");
    return all.size();
  }

  /** Without a backup: the queue's depth as SQS last reported it, or {@link #NOTHING} when it holds nothing at all. */
  private long visible() {
    long expected = source.visible();
    if (expected == 0 && source.inFlight() == 0) {
      out.println(source.name() + " is empty: nothing to redrive");
      return NOTHING;
    }
    return expected;
  }

  private String start() {
    String handle = sqs.startMessageMoveTask(b -> b.sourceArn(source.arn())
        .destinationArn(plan.destination() == null ? null : plan.destination().arn())
        .maxNumberOfMessagesPerSecond(pace == null ? null : pace.wholePerSecond())).taskHandle();
    err.println("move task started (it runs in SQS: interrupting this command does not stop it; "
        + "aws sqs cancel-message-move-task --task-handle " + handle + " does)");
    err.flush();
    return handle;
  }

  /** Polls the task until it is no longer running; returns its last state, or null when SQS never listed it. */
  private ListMessageMoveTasksResultEntry follow(String handle, long expected, Summary summary) throws InterruptedException {
    ListMessageMoveTasksResultEntry last = null;
    try (Progress progress = Progress.start("redrive " + source.name(), expected, err)) {
      long deadline = System.nanoTime() + LISTING_GRACE_NANOS;
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
          return null;
        }
        Thread.sleep(POLL_MILLIS);
      }
    }
    return last;
  }

  private static void report(ListMessageMoveTasksResultEntry last, Summary summary) {
    long moved = last.approximateNumberOfMessagesMoved() == null ? 0 : last.approximateNumberOfMessagesMoved();
    summary.moved = (int) moved;
    String status = String.valueOf(last.status());
    if (status.equals("FAILED")) {
      summary.fail("move-task", "the move task failed after " + moved + " message(s): " + last.failureReason());
    } else if (status.equals("CANCELLED")) {
      summary.notes.add("the move task was cancelled after " + moved + " message(s)");
    }
  }
}
