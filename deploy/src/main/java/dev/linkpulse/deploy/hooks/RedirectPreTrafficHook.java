package dev.linkpulse.deploy.hooks;

import dev.linkpulse.core.Env;
import java.time.Clock;

/** CodeDeployHook_*_redirect_pre: {@link RedirectProbe} on the new redirect version. */
public final class RedirectPreTrafficHook extends LifecycleHook {
  public RedirectPreTrafficHook() {
    super(new RedirectProbe(AwsPorts.lambda(), HookEnvironment.newVersion(), HookEnvironment.canaryLink(Clock.systemUTC()),
        Env.get("EDGE_ORIGIN_SECRET", ""), Clock.systemUTC()), AwsPorts.codeDeploy());
  }
}
