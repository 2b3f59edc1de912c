package dev.linkpulse.local;

import dev.linkpulse.emulators.eventsources.StreamEventSource;
import dev.linkpulse.local.alarms.LocalMonitoring;
import dev.linkpulse.local.drills.DrillRoutes;
import dev.linkpulse.local.drills.Drills;
import java.util.Set;

/**
 * CloudWatch with the template's alarms (the nested stack's), fed the functions' EMF, the queues', functions', stream
 * mappings', API's and rules' AWS metrics; and the failure drills. Last: it listens to what the other booters started.
 */
final class MonitoringBooter implements Booter {
  @Override
  public Set<String> types() {
    return Set.of();
  }

  @Override
  public void start(Boot boot) throws Exception {
    int port = Ports.orFree(boot.config.cloudWatchPort());
    Ports.requireFree("CloudWatch", port);
    LocalMonitoring monitoring = boot.closing(LocalMonitoring.start(port, boot.timeline, boot.config.stateDir(), boot.template,
        boot.config.template().getParent(), boot.resolver, reader -> LocalMetrics.subscribe(reader, boot.timeline)));
    boot.monitoring = monitoring;
    monitoring.publishQueueMetrics(boot.sqs, boot.resources.queueUrls, boot.emulators::ageOfOldestMessage);
    boot.functions.values().forEach(f -> f.onInvocation(monitoring.lambdaMetrics()));
    boot.moderation.onExecution(monitoring.stateMachineMetrics());
    for (AutoCloseable mapping : boot.mappings) {
      if (mapping instanceof StreamEventSource stream) stream.onBatch(monitoring.iteratorAge());
    }
    // FailedInvocations of every rule, each its own (the click rule's alarm reads only the click rule's).
    for (String busAndRule : boot.resources.rules.values()) {
      String bus = busAndRule.substring(0, busAndRule.indexOf('/'));
      String rule = busAndRule.substring(busAndRule.indexOf('/') + 1);
      monitoring.publishFailedInvocations(() -> boot.events.failed(bus, rule), bus, rule);
    }
    boot.resources.apis.values().stream().findFirst().ifPresent(apiId -> boot.gateway.onRequest(monitoring.apiMetrics(apiId)));
    // Failure drills (./linkpulse drill), ended on the stack's timeline.
    boot.gateway.serve(DrillRoutes.PATH, new DrillRoutes(new Drills(boot.timeline, boot.emulators.dynamoFaults(),
        boot.resources.ref("LinkpulseTable"), boot.functions.get("RecorderFunction"))));
  }
}
