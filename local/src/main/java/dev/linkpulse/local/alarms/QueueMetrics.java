package dev.linkpulse.local.alarms;

import dev.linkpulse.emulators.cloudwatch.LocalCloudWatch;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What SQS publishes for every queue once a minute (dimension {@code QueueName}): {@code AWS/SQS}
 * {@code ApproximateNumberOfMessagesVisible}, read from ElasticMQ, and {@code ApproximateAgeOfOldestMessage} in
 * whole seconds, which ElasticMQ does not answer (a peek would add to the receive count, and so to redrives): the
 * SQS emulator tracks it from ElasticMQ's own queue events.
 */
final class QueueMetrics implements Runnable {
  private final SqsClient sqs;
  private final Map<String, String> queueUrls;
  private final Function<String, Duration> ages;
  private final LocalCloudWatch cloudWatch;

  QueueMetrics(SqsClient sqs, Map<String, String> queueUrls, Function<String, Duration> ages, LocalCloudWatch cloudWatch) {
    this.sqs = sqs;
    this.queueUrls = queueUrls;
    this.ages = ages;
    this.cloudWatch = cloudWatch;
  }

  @Override
  public void run() {
    for (String url : queueUrls.values()) {
      String name = url.substring(url.lastIndexOf('/') + 1);
      String visible = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
          .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
      cloudWatch.putMetric("AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of("QueueName", name), Double.parseDouble(visible), "Count");
      cloudWatch.putMetric("AWS/SQS", "ApproximateAgeOfOldestMessage", Map.of("QueueName", name), ages.apply(name).toSeconds(), "Seconds");
    }
  }
}
