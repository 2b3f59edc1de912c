package dev.linkpulse.ops.dlq;

import dev.linkpulse.core.Json;
import dev.linkpulse.ops.Linkpulse;
import dev.linkpulse.ops.UsageError;
import dev.linkpulse.ops.aws.AwsOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

@Command(name = "peek", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse dlq peek ClicksDLQ --limit 5",
        "  ./linkpulse dlq peek ClicksDLQ --filter \"detail.code == 'hello'\" --json"},
    description = {
        "Show messages of QUEUE without consuming them: id, receive count, sent time, attributes, message attributes "
            + "and the body (pretty-printed when it is JSON).",
        "SQS has no read-only peek: the messages are received (held invisible while they are shown) and then made "
            + "visible again at once. Receiving adds one to each message's receive count (ApproximateReceiveCount), and "
            + "a consumer polling QUEUE meanwhile does not see them for that moment.",
        "--filter is a JMESPath expression on the body parsed as JSON (e.g. \"detail.code == 'abc'\"); a message "
            + "matches when it is truthy. --grep is a regular expression searched in the raw body. Both: both must match."})
final class PeekCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin QueueScope scope;

  @Parameters(index = "0", paramLabel = "QUEUE", description = "queue name, URL or ARN")
  String queue;

  @Option(names = "--limit", paramLabel = "N", description = "Show at most N matching messages (default ${DEFAULT-VALUE})")
  int limit = 10;

  @Option(names = "--filter", paramLabel = "JMESPATH", description = "Only messages whose JSON body makes this JMESPath expression truthy")
  String filter;

  @Option(names = "--grep", paramLabel = "REGEX", description = "Only messages whose raw body contains a match of REGEX")
  String grep;

  @Option(names = "--json", description = "One JSON object per message (the backup format) instead of the readable form")
  boolean json;

  @Override
  public Integer call() {
    aws.validate();
    if (limit < 1) throw new UsageError("--limit must be at least 1, got " + limit);
    Selector selector = Selector.of(filter, grep);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (SqsClient sqs = aws.sqs()) {
      Queues.Queue q = scope.queues(sqs).resolve(queue, "QUEUE");
      AtomicInteger shown = new AtomicInteger();
      AtomicInteger scanned = new AtomicInteger();
      Instant now = Instant.now();
      try (Lease lease = new Lease(sqs, q.url(), 1)) {
        lease.receive(m -> {
          scanned.incrementAndGet();
          if (!selector.matches(m.body())) return;
          Item item = Item.of(m);
          if (json) out.println(Json.write(item.toJson(q.arn(), null)));
          else Show.message(out, shown.get() + 1, item, now);
          shown.incrementAndGet();
        }, () -> shown.get() >= limit);
        out.flush();
      }
      err.println(q.name() + ": showed " + shown.get() + " of " + scanned.get() + " message(s) received"
          + (selector.selectsAll() ? "" : " (" + selector.describe() + ")") + "; all made visible again (receive counts +1); "
          + "depth " + q.visible() + (q.inFlight() > 0 ? ", " + q.inFlight() + " in flight" : ""));
      err.flush();
      return 0;
    } catch (SdkException e) {
      return Commands.awsFailure(spec, e);
    }
  }
}
