package dev.linkpulse.moderation.saga;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.links.LinkCreated;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Starts one saga per {@code link.created}, named after the link's life ({@link SagaLink#executionName}). Step
 * Functions keeps a Standard execution's name for 90 days after it closes and refuses a second StartExecution with
 * it ({@code ExecutionAlreadyExists}), or returns the running one for the same input: either way a redelivered
 * event starts nothing. EventBridge's own Step Functions target cannot name executions, which is why this exists.
 */
public final class SagaStarter {
  public enum Outcome { STARTED, ALREADY_STARTED }

  private final SfnClient sfn;
  private final String stateMachineArn;

  public SagaStarter(SfnClient sfn, String stateMachineArn) {
    this.sfn = sfn;
    this.stateMachineArn = stateMachineArn;
  }

  /** @param eventJson the EventBridge event as the rule delivered it to the queue */
  public Outcome start(String eventJson) {
    SagaLink link = linkOf(eventJson);
    String input = Json.write(Map.of("link", link));
    try {
      // The same name and input while it runs: AWS answers with the running execution, which is as good.
      sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(link.executionName()).input(input));
      return Outcome.STARTED;
    } catch (ExecutionAlreadyExistsException e) {
      return Outcome.ALREADY_STARTED;
    }
  }

  /** @throws IllegalArgumentException for anything but a link.created event */
  static SagaLink linkOf(String eventJson) {
    JsonNode event;
    try {
      event = Json.strictTree(eventJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (event == null || !LinkCreated.DETAIL_TYPE.equals(event.path("detail-type").asText())) {
      throw new IllegalArgumentException("not a " + LinkCreated.DETAIL_TYPE + " event");
    }
    JsonNode d = event.path("detail");
    for (String field : new String[] {"code", "incarnation", "owner", "target", "createdAt"}) {
      if (!d.path(field).isTextual() || d.path(field).asText().isEmpty()) throw new IllegalArgumentException("link.created without " + field);
    }
    return new SagaLink(d.get("code").asText(), d.get("incarnation").asText(), d.get("owner").asText(), d.get("target").asText(),
        d.get("createdAt").asText());
  }
}
