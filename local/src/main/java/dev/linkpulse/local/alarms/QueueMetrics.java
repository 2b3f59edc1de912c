package dev.linkpulse.local.alarms;

import dev.linkpulse.emulators.cloudwatch.LocalCloudWatch;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What SQS publishes for every queue once a minute, read from ElasticMQ: {@code AWS/SQS}
 * {@code ApproximateNumberOfMessagesVisible} (dimension {@code QueueName}). ElasticMQ has no age of the oldest
 * message, and sampling one would add to its receive count, so {@code ApproximateAgeOfOldestMessage} is not published.
 */
final class QueueMetrics implements Runnable {
  private final SqsClient sqs;
  private final Map<String, String> queueUrls;
  private final LocalCloudWatch cloudWatch;

  QueueMetrics(SqsClient sqs, Map<String, String> queueUrls, LocalCloudWatch cloudWatch) {
    this.sqs = sqs;
    this.queueUrls = queueUrls;
    this.cloudWatch = cloudWatch;
  }

  @Override
  public void run() {
    for (String url : queueUrls.values()) {
      String name = url.substring(url.lastIndexOf('/') + 1);
      String visible = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
          .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
      cloudWatch.putMetric("AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of("QueueName", name), Double.parseDouble(visible), "Count");
    }
  }
}
