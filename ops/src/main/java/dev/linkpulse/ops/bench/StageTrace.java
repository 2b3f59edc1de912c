package dev.linkpulse.ops.bench;

import dev.linkpulse.local.LocalMetrics;
import dev.linkpulse.local.LocalStack;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One line a second of how far clicks have got through each stage of the pipeline. Where the counts part, clicks
 * queue: that stage is the one to tune. Stage counts come from the functions' own EMF metrics, as in CloudWatch.
 */
final class StageTrace {
  private final PrintStream out;
  private final LocalStack stack;
  private final AtomicInteger sent;
  private final AtomicInteger pushes;
  private final String clicksQueue;
  private final long redirectedBefore;
  private final long recordedBefore;
  private final long aggregatedBefore;
  private final long started = System.nanoTime();
  private boolean headerPrinted;

  StageTrace(PrintStream out, LocalStack stack, AtomicInteger sent, AtomicInteger pushes) {
    this.out = out;
    this.stack = stack;
    this.sent = sent;
    this.pushes = pushes;
    this.clicksQueue = stack.queueUrl("ClicksQueue");
    this.redirectedBefore = LocalMetrics.sum("redirect", "Requests");
    this.recordedBefore = LocalMetrics.sum("recorder", "ClicksRecorded");
    this.aggregatedBefore = LocalMetrics.sum("aggregator", "ClicksAggregated");
  }

  void print() {
    try {
      if (!headerPrinted) {
        out.printf("%6s %8s %10s %12s %10s %11s %8s%n", "t s", "sent", "redirected", "in SQS", "recorded", "aggregated", "pushes");
        headerPrinted = true;
      }
      var attributes = stack.sqs().getQueueAttributes(b -> b.queueUrl(clicksQueue)
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
          .attributes();
      long inSqs = Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
          + Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
      out.printf("%6.1f %8d %10d %12d %10d %11d %8d%n", (System.nanoTime() - started) / 1e9, sent.get(),
          LocalMetrics.sum("redirect", "Requests") - redirectedBefore, inSqs,
          LocalMetrics.sum("recorder", "ClicksRecorded") - recordedBefore,
          LocalMetrics.sum("aggregator", "ClicksAggregated") - aggregatedBefore, pushes.get());
    } catch (RuntimeException e) {
      out.println("  (trace: " + e.getMessage() + ")");
    }
  }
}
