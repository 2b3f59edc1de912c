package dev.linkpulse.deploy.hooks;

import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.links.LinkStore;
import java.time.Clock;

/** What the hooks read from their environment (template.yaml): the version under test and the canary link. */
final class HookEnvironment {
  private HookEnvironment() {}

  /** The ARN of the version under test: the hook event names the deployment, not the version. */
  static String newVersion() {
    return Env.require("NEW_VERSION");
  }

  static CanaryLink canaryLink(Clock clock) {
    return new CanaryLink(LinkStore.dynamoDb(AwsClients.dynamoDb(), Env.require("TABLE_NAME")), Env.require("CANARY_LINK_CODE"), clock);
  }
}
