package dev.linkpulse.local;

import dev.linkpulse.local.alarms.LocalMonitoring;
import dev.linkpulse.local.drills.DrillRoutes;
import dev.linkpulse.local.drills.Drills;
import java.util.Set;

/**
 * CloudWatch with the template's alarms (the nested stack's), fed the functions' EMF, the queues', functions', API's
 * and rule's AWS metrics; and the failure drills. Last: it listens to what the other booters started.
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
        boot.config.template().getParent(), boot.resolver, LocalMetrics::subscribe));
    boot.monitoring = monitoring;
    monitoring.publishQueueMetrics(boot.sqs, boot.resources.queueUrls);
    boot.functions.values().forEach(f -> f.onInvocation(monitoring.lambdaMetrics()));
    // The alarm watches the click rule. The endpoint counts failed deliveries over all rules, so link.created's
    // (the saga's, a trickle beside the clicks) count against it too: an over-count, never a miss.
    String busAndRule = boot.resources.rules.get("ClickRule");
    if (busAndRule != null) {
      monitoring.publishFailedInvocations(boot.events::failed, busAndRule.substring(0, busAndRule.indexOf('/')),
          busAndRule.substring(busAndRule.indexOf('/') + 1));
    }
    boot.resources.apis.values().stream().findFirst().ifPresent(apiId -> boot.gateway.onRequest(monitoring.apiMetrics(apiId)));
    // Failure drills (./linkpulse drill), ended on the stack's timeline.
    boot.gateway.serve(DrillRoutes.PATH, new DrillRoutes(new Drills(boot.timeline, boot.emulators.dynamoFaults(),
        boot.resources.ref("LinkpulseTable"), boot.functions.get("RecorderFunction"))));
  }
}
