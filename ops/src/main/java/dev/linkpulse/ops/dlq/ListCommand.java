package dev.linkpulse.ops.dlq;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.ops.aws.AwsOptions;
import dev.linkpulse.ops.Linkpulse;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

@Command(name = "list", mixinStandardHelpOptions = true,
    footerHeading = Linkpulse.EXAMPLES,
    footer = {
        "  ./linkpulse dlq list",
        "  ./linkpulse dlq list --json --no-sample",
        "  ./linkpulse dlq list --prefix linkpulse --region eu-west-1"},
    description = {
        "Every dead-letter queue of the app: each queue named as deadLetterTargetArn in another queue's RedrivePolicy, "
            + "plus the stream mapping's on-failure destination (AggregatorFailures: batch pointers, not clicks).",
        "DEPTH counts visible messages, IN FLIGHT those a consumer holds. OLDEST is the age of the oldest message "
            + "(by SentTimestamp) among up to 100 sampled: each sampled message is received and at once "
            + "made visible again, which adds one to its receive count; \"≥\" when the queue holds more than the sample. "
            + "--no-sample skips it."})
final class ListCommand implements Callable<Integer> {
  static final int SAMPLE = 100;

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin QueueScope scope;

  @Option(names = "--no-sample", description = "Do not receive anything: no OLDEST column")
  boolean noSample;

  @Option(names = "--json", description = "One JSON object per queue (NDJSON) instead of the table")
  boolean json;

  record Row(Queues.Dlq dlq, Duration oldest, boolean atLeast) {}

  @Override
  public Integer call() {
    aws.validate();
    PrintWriter out = spec.commandLine().getOut();
    try (SqsClient sqs = aws.sqs()) {
      Queues queues = scope.queues(sqs);
      List<Row> rows = new ArrayList<>();
      for (Queues.Dlq dlq : queues.discover()) rows.add(sample(sqs, dlq));
      if (json) {
        for (Row r : rows) out.println(Json.write(json(r)));
      } else {
        table(out, rows);
      }
      out.flush();
      return 0;
    } catch (SdkException e) {
      return Commands.awsFailure(spec, e);
    }
  }

  private Row sample(SqsClient sqs, Queues.Dlq dlq) {
    if (noSample || dlq.queue().visible() == 0) return new Row(dlq, null, false);
    AtomicReference<Instant> oldest = new AtomicReference<>();
    AtomicInteger seen = new AtomicInteger();
    try (Lease lease = new Lease(sqs, dlq.queue().url(), 1)) {
      lease.receive(m -> {
        seen.incrementAndGet();
        Instant sent = Item.of(m).sent();
        if (sent != null && (oldest.get() == null || sent.isBefore(oldest.get()))) oldest.set(sent);
      }, () -> seen.get() >= SAMPLE);
    }
    Duration age = oldest.get() == null ? null : Duration.between(oldest.get(), Instant.now());
    return new Row(dlq, age, dlq.queue().visible() > seen.get());
  }

  private static String kind(Queues.Dlq d) {
    return d.onFailure() ? "stream on-failure (batch pointers)" : "dead-letter queue";
  }

  private static void table(PrintWriter out, List<Row> rows) {
    if (rows.isEmpty()) {
      out.println("no dead-letter queues found");
      return;
    }
    String format = "%-" + Math.max(5, rows.stream().mapToInt(r -> r.dlq().queue().name().length()).max().orElse(5)) + "s  %-34s  %-20s  %7s  %9s  %s%n";
    out.printf(format, "QUEUE", "KIND", "FED BY", "DEPTH", "IN FLIGHT", "OLDEST");
    for (Row r : rows) {
      String fedBy = r.dlq().sources().isEmpty() ? "-" : String.join(",", r.dlq().sources());
      String oldest = r.oldest() == null ? "-" : (r.atLeast() ? "≥ " : "") + Show.age(r.oldest());
      out.printf(format, r.dlq().queue().name(), kind(r.dlq()), fedBy, r.dlq().queue().visible(), r.dlq().queue().inFlight(), oldest);
    }
  }

  private static ObjectNode json(Row r) {
    ObjectNode o = Json.object();
    o.put("queue", r.dlq().queue().name()).put("url", r.dlq().queue().url()).put("arn", r.dlq().queue().arn())
        .put("kind", r.dlq().onFailure() ? "stream-on-failure" : "dead-letter-queue");
    ArrayNode from = o.putArray("fedBy");
    r.dlq().sources().forEach(from::add);
    o.put("depth", r.dlq().queue().visible()).put("inFlight", r.dlq().queue().inFlight()).put("delayed", r.dlq().queue().delayed());
    if (r.oldest() != null) {
      o.put("oldestAgeSeconds", r.oldest().getSeconds());
      o.put("oldestIsLowerBound", r.atLeast());
    }
    return o;
  }
}
