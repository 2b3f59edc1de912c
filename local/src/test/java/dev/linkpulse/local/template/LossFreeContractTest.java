package dev.linkpulse.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * template.yaml loses no click and counts none twice: every consumer has somewhere for what fails, the clicks
 * queue and the aggregator's mapping are configured as docs/pipeline.md requires, and what is kept outlives every
 * redelivery.
 */
class LossFreeContractTest {
  static final Template template = ProjectTemplate.TEMPLATE;

  @Test
  void everyQueueConsumerHasADeadLetterQueueAndEveryStreamConsumerAnOnFailureDestination() {
    Map<String, Map<String, Object>> queues = template.resourcesOfType("AWS::SQS::Queue");
    for (FunctionSpec fn : template.functions()) {
      fn.events().forEach((name, event) -> {
        Map<String, Object> props = Template.map(event.get("Properties"));
        if ("SQS".equals(event.get("Type"))) {
          String queue = String.valueOf(Template.list(Template.map(props.get("Queue")).get("Fn::GetAtt")).get(0));
          Map<String, Object> redrive = Template.map(queues.get(queue).get("RedrivePolicy"));
          assertThat(redrive).as(fn.logicalId() + " consumes " + queue + ", which needs a RedrivePolicy").containsKeys("deadLetterTargetArn", "maxReceiveCount");
        }
        if ("DynamoDB".equals(event.get("Type")) || "Kinesis".equals(event.get("Type"))) {
          assertThat(Template.map(Template.map(props.get("DestinationConfig")).get("OnFailure")))
              .as(fn.logicalId() + "." + name + " needs an OnFailure destination").containsKey("Destination");
        }
      });
    }
  }

  @Test
  void theClicksQueueIsSizedForTheRecorderAndItsDlqKeepsTwoWeeks() {
    Map<String, Map<String, Object>> queues = template.resourcesOfType("AWS::SQS::Queue");
    FunctionSpec recorder = ProjectTemplate.function("RecorderFunction");
    assertThat(Resolver.references(queues.get("ClicksQueue").get("VisibilityTimeout"))).containsExactly("ClicksVisibilityTimeoutSeconds");
    Map<String, Object> visibility = Template.map(template.parameters().get("ClicksVisibilityTimeoutSeconds"));
    assertThat(Integer.parseInt(String.valueOf(visibility.get("Default")))).as("visibility timeout >= 6x the recorder's timeout")
        .isGreaterThanOrEqualTo(6 * recorder.timeoutSeconds());
    // Lambda refuses an SQS mapping whose queue hides a message for less than the function's timeout.
    assertThat(Integer.parseInt(String.valueOf(visibility.get("MinValue")))).isGreaterThanOrEqualTo(recorder.timeoutSeconds());
    Map<String, Object> redrive = Template.map(queues.get("ClicksQueue").get("RedrivePolicy"));
    assertThat(String.valueOf(redrive.get("maxReceiveCount"))).isEqualTo("5");
    assertThat(Resolver.references(redrive.get("deadLetterTargetArn"))).containsExactly("ClicksDLQ");
    assertThat(String.valueOf(queues.get("ClicksDLQ").get("MessageRetentionPeriod"))).isEqualTo(String.valueOf(14 * 24 * 3600));
  }

  @Test
  void rawClicksOutliveEveryRedeliveryHorizon() {
    // A raw click must still exist when its event is redelivered, or the redelivery is an INSERT and counts twice.
    Map<String, Map<String, Object>> queues = template.resourcesOfType("AWS::SQS::Queue");
    long horizonSeconds = Long.parseLong(String.valueOf(queues.get("ClicksQueue").get("MessageRetentionPeriod")))
        + Long.parseLong(String.valueOf(queues.get("ClicksDLQ").get("MessageRetentionPeriod")));
    Map<String, Object> retention = Template.map(template.parameters().get("ClickRetentionDays"));
    long minDays = Long.parseLong(String.valueOf(retention.get("MinValue")));
    assertThat(minDays * 24 * 3600).as("ClickRetentionDays.MinValue in seconds").isGreaterThan(horizonSeconds);
    assertThat(Long.parseLong(String.valueOf(retention.get("Default")))).isGreaterThanOrEqualTo(minDays);
    assertThat(ProjectTemplate.function("RecorderFunction").environment()).containsKey("CLICK_RETENTION_DAYS");
  }

  @Test
  void theAggregatorReadsOnlyInsertsOfRawClicksWithBisectAndADestination() {
    Map<String, Object> stream = Template.map(ProjectTemplate.function("AggregatorFunction").events().get("Clicks").get("Properties"));
    assertThat(stream.get("BisectBatchOnFunctionError")).isEqualTo(true);
    // Never skip a batch in production: a skipped batch could not be replayed exactly (docs/pipeline.md).
    assertThat(Resolver.references(stream.get("MaximumRetryAttempts"))).containsExactly("AggregatorMaximumRetryAttempts");
    assertThat(String.valueOf(Template.map(template.parameters().get("AggregatorMaximumRetryAttempts")).get("Default"))).isEqualTo("-1");
    assertThat(Template.list(stream.get("FunctionResponseTypes"))).contains("ReportBatchItemFailures");
    List<String> patterns = Template.list(Template.map(stream.get("FilterCriteria")).get("Filters")).stream()
        .map(f -> String.valueOf(Template.map(f).get("Pattern"))).toList();
    // Raw clicks to count, and deleted links whose subscriptions end: nothing else reaches the aggregator.
    assertThat(patterns).containsExactly(
        "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":[{\"prefix\":\"" + dev.linkpulse.core.Keys.CLICK_PREFIX + "\"}]}}}}",
        "{\"eventName\":[\"REMOVE\"],\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":[{\"prefix\":\"" + dev.linkpulse.core.Keys.LINK_PREFIX + "\"}]}}}}");
    Map<String, Object> sqs = Template.map(ProjectTemplate.function("RecorderFunction").events().get("Clicks").get("Properties"));
    assertThat(Template.list(sqs.get("FunctionResponseTypes"))).contains("ReportBatchItemFailures");
  }

  @Test
  void countersOfEveryLinkAgeOutAfterTheStatsRetention_neverBeforeTheirRawClicks() {
    Map<String, Object> stats = Template.map(template.parameters().get("StatsRetentionDays"));
    Map<String, Object> clicks = Template.map(template.parameters().get("ClickRetentionDays"));
    assertThat(Long.parseLong(String.valueOf(stats.get("MinValue")))).isGreaterThanOrEqualTo(Long.parseLong(String.valueOf(clicks.get("Default"))));
    assertThat(Resolver.references(ProjectTemplate.function("AggregatorFunction").environment().get("STATS_RETENTION_DAYS"))).containsExactly("StatsRetentionDays");
  }
}
