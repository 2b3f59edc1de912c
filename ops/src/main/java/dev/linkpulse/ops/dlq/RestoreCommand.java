package dev.linkpulse.ops.dlq;

import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import dev.linkpulse.ops.aws.AwsOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse dlq restore dlq-backup-ClicksDLQ-20261201T101500Z.ndjson --to ClicksQueue --dry-run"},
    description = {
        "Re-send the messages of a backup (the NDJSON a redrive wrote) to QUEUE: the same bodies, message attributes, "
            + "and for a FIFO queue the same group and deduplication ids. The whole file is read and checked first; an "
            + "unreadable one sends nothing.",
        "Restoring twice sends twice: the click pipeline absorbs that (a click is keyed by its event id), other consumers "
            + "may not. Prints a progress bar, a summary and an audit line on stderr."})
final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "a backup written by redrive")
  Path file;

  @Option(names = "--to", required = true, paramLabel = "QUEUE", description = "Queue to send the messages to (name, URL or ARN)")
  String to;

  @Option(names = "--dry-run", description = "Show what would be sent; send nothing")
  boolean dryRun;

  @Mixin Selection selection;

  @Mixin AwsOptions aws;

  @Mixin QueueScope scope;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    aws.validate();
    Selection.Resolved choice = selection.resolve();
    Rate pace = choice.pace();
    Selector selector = choice.selector();
    List<Item> items = BackupFile.read(file);
    try (SqsClient sqs = aws.sqs()) {
      Queues.Queue destination = scope.queues(sqs).resolve(to, "--to");
      if (destination.fifo()) {
        long missing = items.stream().filter(i -> i.groupId() == null).count();
        if (missing > 0) throw new UsageError(destination.name() + " is a FIFO queue and " + missing + " message(s) of the backup have no MessageGroupId");
      }
      Summary summary = new Summary();
      List<Item> selected = new ArrayList<>();
      for (Item item : items) {
        if (!choice.reached(selected.size()) && selector.matches(item.body())) selected.add(item);
        else summary.skipped++;
      }
      summary.details.put("mode", "restore");
      choice.describeInto(summary.details);
      if (dryRun) summary.details.put("dry-run", "true");
      out.println((dryRun ? "dry run: " : "") + "restore " + file + " -> " + destination.name() + " (" + selected.size() + " of "
          + Show.count(items.size(), "message") + (pace == null ? "" : ", " + pace) + ")");
      out.flush();
      if (dryRun) {
        selected.forEach(i -> out.println("would send " + Show.brief(i)));
        summary.moved = selected.size();
      } else if (!selected.isEmpty()) {
        Sender sender = new Sender(sqs, destination);
        try (Progress progress = Progress.start("restore", selected.size(), err)) {
          sender.sendPaced(selected, pace, (chunk, failed) -> {
            failed.forEach(summary::fail);
            summary.moved += chunk.size() - failed.size();
            progress.step(chunk.size());
          });
        }
      }
      summary.print(out, "restored", dryRun);
      summary.audit(err, dryRun ? "restore-dry-run" : "restore", file.toAbsolutePath().toString(), destination.name(), null);
      return summary.failed() > 0 ? Commands.FAILED : 0;
    } catch (SdkException e) {
      return Commands.awsFailure(spec, e);
    }
  }
}
