package dev.linkpulse.deploy.hooks;

import dev.linkpulse.core.Env;
import java.time.Clock;

/** CodeDeployHook_*_recorder_pre: the new recorder version records a batch of canary clicks with no failures. */
public final class RecorderPreTrafficHook extends LifecycleHook {
  public RecorderPreTrafficHook() {
    super(new BatchProbe(AwsPorts.lambda(), HookEnvironment.newVersion(),
        () -> CanaryBatches.recorderBatch(Env.require("CANARY_LINK_CODE"), Clock.systemUTC()), "recorder batch of canary clicks"),
        AwsPorts.codeDeploy());
  }
}
