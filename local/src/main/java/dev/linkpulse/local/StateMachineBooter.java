package dev.linkpulse.local;

import dev.linkpulse.local.moderation.LocalModeration;
import java.util.Set;

/** The template's state machines, on the Step Functions engine that {@link Boot} started before the functions. */
final class StateMachineBooter implements Booter {
  @Override
  public Set<String> types() {
    return Set.of("AWS::Serverless::StateMachine");
  }

  @Override
  public void name(Boot boot) {
    LocalModeration.arns(boot.template).forEach(boot.resources.other::put);
  }

  /** After the functions: a definition names them, and the engine checks every state before it accepts one. */
  @Override
  public void start(Boot boot) throws Exception {
    boot.moderation.deploy(boot.template, boot.config.template().getParent(), boot.resolver);
  }
}
