package dev.linkpulse.emulators.eventbridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.eventbridge.EventBridgeEndpoint.EventRule;
import dev.linkpulse.emulators.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import software.amazon.event.ruler.Machine;

/** The rules of every bus, compiled for Event Ruler, and which target queues an event goes to. */
final class BusRules {
  private static final Logger LOG = Logger.getLogger(BusRules.class.getName());

  private final Map<String, Machine> machines = new LinkedHashMap<>();
  private final Map<String, Map<String, EventRule>> rulesByBus = new LinkedHashMap<>();
  private final Set<String> warnedBuses = ConcurrentHashMap.newKeySet();
  private final AtomicLong matched = new AtomicLong();

  /** Compiles every pattern now: an invalid pattern, or a rule defined twice on a bus, fails here. */
  BusRules(List<EventRule> rules) {
    for (EventRule rule : rules) {
      String bus = EventBridgeEndpoint.busName(rule.busName());
      Map<String, EventRule> byName = rulesByBus.computeIfAbsent(bus, b -> new LinkedHashMap<>());
      if (byName.putIfAbsent(rule.name(), rule) != null) {
        throw new IllegalArgumentException("rule " + rule.name() + " is defined twice on bus " + bus);
      }
      try {
        machines.computeIfAbsent(bus, b -> new Machine()).addRule(rule.name(), rule.eventPatternJson());
      } catch (Exception e) {
        throw new IllegalArgumentException("rule " + rule.name() + ": invalid event pattern " + rule.eventPatternJson() + ": " + e.getMessage(), e);
      }
    }
  }

  Set<String> buses() {
    return rulesByBus.keySet();
  }

  /** (event, rule) matches so far. */
  long matched() {
    return matched.get();
  }

  /** Adds the envelope's JSON to {@code bodiesByQueue} once for every target of every rule it matches on {@code bus}. */
  void route(String bus, ObjectNode envelope, Map<String, List<String>> bodiesByQueue) {
    Machine machine = machines.get(bus);
    if (machine == null) {
      if (!bus.equals(EventBridgeEndpoint.DEFAULT_BUS) && warnedBuses.add(bus)) {
        LOG.warning("PutEvents to bus " + bus + ", which has no rules: events are accepted and dropped, as on AWS");
      }
      return;
    }
    List<String> names = machine.rulesForJSONEvent(envelope);
    if (names.isEmpty()) return;
    String body = Json.write(envelope);
    // report matches in rule-definition order, so delivery order does not depend on the matcher's internals
    for (EventRule rule : rulesByBus.get(bus).values()) {
      if (!names.contains(rule.name())) continue;
      matched.incrementAndGet();
      for (String queueUrl : rule.targetQueueUrls()) bodiesByQueue.computeIfAbsent(queueUrl, q -> new ArrayList<>()).add(body);
    }
  }
}
