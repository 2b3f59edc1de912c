package dev.linkpulse.deploy.hooks;

import dev.linkpulse.core.Env;
import java.time.Clock;

/** CodeDeployHook_*_aggregator_pre: the new aggregator version folds a stream batch of canary clicks with no failures. */
public final class AggregatorPreTrafficHook extends LifecycleHook {
  public AggregatorPreTrafficHook() {
    super(new BatchProbe(AwsPorts.lambda(), HookEnvironment.newVersion(),
        () -> CanaryBatches.aggregatorBatch(Env.require("CANARY_LINK_CODE"), Clock.systemUTC()), "stream batch of canary clicks"),
        AwsPorts.codeDeploy());
  }
}
