package dev.linkpulse.local;

import java.util.Set;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The functions' SQS and DynamoDB Streams events: one event-source mapping each. A function's property, no resource. */
final class EventSourceBooter implements Booter {
  @Override
  public Set<String> types() {
    return Set.of();
  }

  @Override
  public void start(Boot boot) {
    boot.streams = boot.closing(Boot.client(DynamoDbStreamsClient.builder(), "DYNAMODB", boot.emulators.dynamoEndpoint()));
    boot.mappings = EventSources.mappings(boot.template, boot.resolver, boot.resources, boot.functions, boot.sqs, boot.streams);
    boot.mappings.forEach(boot::closing);
  }
}
