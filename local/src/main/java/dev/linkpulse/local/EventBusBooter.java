package dev.linkpulse.local;

import dev.linkpulse.emulators.eventbridge.EventBridgeEndpoint;
import java.util.Set;

/** The template's event buses and rules, on one EventBridge endpoint that delivers to their SQS targets. */
final class EventBusBooter implements Booter {
  /**
   * The size past which the {@code --data} outbox is compacted while the stack runs (EventBridge's default, 64 MiB,
   * when unset): a system property, so a test can force compactions with a tiny one.
   */
  static final String OUTBOX_COMPACT_ABOVE_BYTES = "linkpulse.eventbridge.outboxCompactAboveBytes";

  @Override
  public Set<String> types() {
    return Set.of("AWS::Events::EventBus", "AWS::Events::Rule");
  }

  @Override
  public void name(Boot boot) {
    boot.template.resourcesOfType("AWS::Events::EventBus").forEach((id, props) ->
        boot.resources.buses.put(id, boot.resolver.string(props.getOrDefault("Name", id))));
    boot.template.resourcesOfType("AWS::Events::Rule").forEach((id, props) -> boot.resources.rules.put(id,
        (props.containsKey("EventBusName") ? boot.resolver.string(props.get("EventBusName")) : "default") + "/" + id));
  }

  @Override
  public void start(Boot boot) throws Exception {
    String compactAboveProperty = System.getProperty(OUTBOX_COMPACT_ABOVE_BYTES);
    Long compactAbove = compactAboveProperty == null ? null : bytes(compactAboveProperty);
    EventBridgeEndpoint events = new EventBridgeEndpoint(boot.eventsPort, EventSources.rules(boot.template, boot.resolver, boot.resources), boot.sqs);
    if (boot.config.dataDir() != null && compactAbove != null) events.persistTo(boot.config.dataDir(), compactAbove);
    else if (boot.config.dataDir() != null) events.persistTo(boot.config.dataDir());
    boot.events = boot.closing(events.start());
  }

  private static long bytes(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(OUTBOX_COMPACT_ABOVE_BYTES + " must be a number of bytes, was '" + value + "'", e);
    }
  }
}
