package dev.linkpulse.ops.dlq;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A redrive message by message: receive (held invisible), back up, send with the same body, message attributes and
 * FIFO ids, and delete from the dead-letter queue only once the send is confirmed. A dry run lists what it would move.
 */
final class MessageRedrive {
  private final SqsClient sqs;
  private final RedrivePlan plan;
  private final RedriveRequest request;
  private final Selection.Resolved selected;
  private final Queues.Queue source;
  private final PrintWriter out;
  private final PrintWriter err;

  MessageRedrive(SqsClient sqs, RedrivePlan plan, PrintWriter out, PrintWriter err) {
    this.sqs = sqs;
    this.plan = plan;
    this.request = plan.request();
    this.selected = request.selected();
    this.source = plan.source();
    this.out = out;
    this.err = err;
  }

  void run(Summary summary) throws IOException, InterruptedException {
    announce();
    Sender sender = new Sender(sqs, plan.destination());
    Path backupPath = plan.backupPath();
    BackupFile backupFile = null;
    Progress progress = null;
    int matchedTotal = 0;
    try (Lease lease = new Lease(sqs, source.url(), 1)) {
      try {
        while (true) {
          List<Item> matched = selected.receive(lease, summary, matchedTotal);
          if (matched.isEmpty()) break;
          matchedTotal += matched.size();
          if (request.dryRun()) {
            matched.forEach(i -> out.println("would " + (request.copy() ? "copy " : "move ") + Show.brief(i)));
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
          move(sender, lease, matched, summary, progress);
          // A standard queue gave everything visible in the first round. In a FIFO queue a message group shows its
          // next messages only once the earlier ones are gone: go round again for them (each round backed up first).
          if (!source.fifo() || request.copy() || selected.reached(matchedTotal)) break;
        }
        if (lease.stoppedAtLimit()) summary.notes.add("stopped at " + Lease.MAX_HELD + " messages held at once: run again for the rest");
      } finally {
        if (progress != null) progress.close();
        if (backupFile != null) backupFile.close();
      }
    }
    if (summary.backupWritten) out.println("backup: " + backupPath + " (" + Show.count(backupFile.lines(), "message") + ")");
  }

  private void announce() {
    Rate pace = selected.pace();
    out.println((request.dryRun() ? "dry run: " : "") + "redrive " + source.name() + " -> " + plan.destination().name() + " ("
        + (request.dryRun() && plan.nativeEligible() ? "would use SQS's message move task"
            : request.copy() ? "copy, message by message" : "message by message")
        + (selected.selector().selectsAll() ? "" : ", " + selected.selector().describe())
        + (selected.limit() == null ? "" : ", limit " + selected.limit()) + (pace == null ? "" : ", " + pace) + ")");
    out.flush();
  }

  private void move(Sender sender, Lease lease, List<Item> items, Summary summary, Progress progress) throws InterruptedException {
    sender.sendPaced(items, selected.pace(), (chunk, failed) -> {
      failed.forEach(summary::fail);
      List<Item> sent = chunk.stream().filter(i -> !failed.containsKey(i.messageId())).toList();
      if (request.copy()) {
        summary.moved += sent.size();
      } else {
        Map<String, String> undeleted = lease.delete(sent);
        for (Item item : sent) {
          String reason = undeleted.get(item.messageId());
          if (reason == null) {
            summary.moved++;
          } else {
            summary.fail(item.messageId(), "sent to " + sender.destination().name() + ", but not deleted from " + source.name() + " (" + reason
                + "): it is now in both queues");
          }
        }
      }
      progress.step(chunk.size());
    });
  }
}
