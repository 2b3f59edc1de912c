package dev.linkpulse.local;

import java.util.Set;

/** The template's SQS queues, created as declared (dead-letter queues first, with their redrive policies). */
final class QueueBooter implements Booter {
  @Override
  public Set<String> types() {
    return Set.of("AWS::SQS::Queue");
  }

  @Override
  public void name(Boot boot) {
    new Provisioner(boot.template, boot.dynamo, boot.sqs).queues(boot.resolver, boot.resources.queueUrls);
    // Queue policies cannot be enforced by ElasticMQ; LeastPrivilegeContractTest checks what they admit.
    boot.template.resourcesOfType("AWS::SQS::QueuePolicy").keySet().forEach(id -> boot.resources.other.put(id, id));
  }
}
