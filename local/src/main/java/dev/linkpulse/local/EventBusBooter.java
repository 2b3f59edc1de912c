package dev.linkpulse.local;

import dev.linkpulse.emulators.eventbridge.EventBridgeEndpoint;
import java.util.Set;

/** The template's event buses and rules, on one EventBridge endpoint that delivers to their SQS targets. */
final class EventBusBooter implements Booter {
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
    EventBridgeEndpoint events = new EventBridgeEndpoint(boot.eventsPort, EventSources.rules(boot.template, boot.resolver, boot.resources), boot.sqs);
    if (boot.config.dataDir() != null) events.persistTo(boot.config.dataDir());
    boot.events = boot.closing(events.start());
  }
}
