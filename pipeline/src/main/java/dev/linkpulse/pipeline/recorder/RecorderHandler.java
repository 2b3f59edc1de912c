package dev.linkpulse.pipeline.recorder;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.pipeline.analytics.ClickClassifier;
import dev.linkpulse.pipeline.clicks.ClickStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Clicks queue → raw click log. Reports partial batch failures, so one bad message never fails its neighbours. */
public final class RecorderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final ClickRecorder recorder;
  private final Metrics metrics;

  public RecorderHandler() {
    this(new ClickRecorder(new ClickClassifier(), ClickStore.dynamoDb(AwsClients.dynamoDb(), Env.require("TABLE_NAME")),
        Duration.ofDays(Env.requireInt("CLICK_RETENTION_DAYS"))), new Metrics("recorder"));
  }

  RecorderHandler(ClickRecorder recorder, Metrics metrics) {
    this.recorder = recorder;
    this.metrics = metrics;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<ClickRecorder.Message> messages = event.getRecords().stream()
        .map(m -> new ClickRecorder.Message(m.getMessageId(), m.getBody())).toList();
    ClickRecorder.Outcome outcome = recorder.record(messages);
    metrics.count(Map.of("ClicksRecorded", outcome.recorded(), "ClicksInvalid", outcome.invalid(),
        "ClicksFailed", outcome.failedMessageIds().size() - outcome.invalid(), "BotClicks", outcome.bots(),
        "DuplicateDeliveries", outcome.duplicatesInBatch()), Map.of("batchSize", messages.size()));
    return SQSBatchResponse.builder().withBatchItemFailures(outcome.failedMessageIds().stream()
        .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build()).toList()).build();
  }
}
