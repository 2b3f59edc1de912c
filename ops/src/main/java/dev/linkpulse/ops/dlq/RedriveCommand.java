package dev.linkpulse.ops.dlq;

import dev.linkpulse.ops.aws.AwsOptions;
import dev.linkpulse.ops.Linkpulse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

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

  @Mixin AwsOptions aws;

  @Mixin QueueScope scope;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    aws.validate();
    RedriveRequest request = new RedriveRequest(queue, to, table, copy, dryRun, backup == null ? null : backup.file,
        backup != null && backup.none, selection.resolve());
    try (SqsClient sqs = aws.sqs()) {
      RedrivePlan plan = RedrivePlan.of(request, scope.queues(sqs));
      Summary summary = plan.summary();
      try {
        switch (plan.mode()) {
          case NATIVE -> new NativeRedrive(sqs, plan, out, err).run(summary);
          case MESSAGES -> new MessageRedrive(sqs, plan, out, err).run(summary);
          case REPLAY -> new PointerReplay(sqs, aws, plan, out, err).run(summary);
        }
      } catch (SdkException e) {
        // AWS failed half-way: what was done is done (and in the backup); everything held is visible again.
        summary.fail("-", "aborted: " + Selector.oneLine(e.getMessage()));
      } catch (IOException e) {
        // the backup is written before anything of its round moves: what it could not hold was not moved
        summary.fail("-", "aborted: cannot write the backup " + plan.backupPath() + ": " + e.getClass().getSimpleName() + " "
            + Selector.oneLine(e.getMessage()));
      }
      summary.print(out, plan.word(), dryRun);
      summary.audit(err, dryRun ? "redrive-dry-run" : "redrive", plan.source().name(), plan.toLabel(),
          summary.backupWritten ? plan.backupPath() : null);
      return summary.failed() > 0 ? Commands.FAILED : 0;
    } catch (SdkException e) {
      return Commands.awsFailure(spec, e);
    }
  }
}
