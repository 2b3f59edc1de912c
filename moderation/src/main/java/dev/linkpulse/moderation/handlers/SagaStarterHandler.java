package dev.linkpulse.moderation.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.moderation.saga.SagaStarter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Link-created queue → one saga per link. A message that is not a link.created event, or whose start fails, is
 * reported as a batch item failure: retried, then dead-lettered with its body intact.
 */
public final class SagaStarterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = Logger.getLogger(SagaStarterHandler.class.getName());
  private final SagaStarter starter;

  public SagaStarterHandler() {
    this.starter = new SagaStarter(AwsClients.configure(SfnClient.builder(), "SFN").build(), Env.require("STATE_MACHINE_ARN"));
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        starter.start(message.getBody());
      } catch (RuntimeException e) {
        LOG.warning("message " + message.getMessageId() + " started no saga: " + e);
        failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }
}
