package dev.linkpulse.ops.dlq;

import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Among which queues the dlq commands look for a name and for the application's dead-letter queues. */
final class QueueScope {
  @Option(names = "--prefix", paramLabel = "PREFIX",
      description = "Only queues whose name starts with PREFIX (e.g. the stack name), for discovery and name lookup")
  String prefix;

  Queues queues(SqsClient sqs) {
    return new Queues(sqs, prefix);
  }
}
