package dev.linkpulse.local.schedule;

import dev.linkpulse.core.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event a scheduled rule sends its target, in the shape of EventBridge's documented example: source
 * {@code aws.events}, detail-type {@code Scheduled Event}, the rule's ARN in resources, an empty detail, and the
 * tick's time to the second.
 */
final class ScheduledEvent {
  private ScheduledEvent() {}

  static String json(String ruleArn, String account, String region, Instant tick) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("account", account);
    event.put("time", tick.truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("region", region);
    event.put("resources", List.of(ruleArn));
    event.put("detail", Map.of());
    return Json.write(event);
  }
}
