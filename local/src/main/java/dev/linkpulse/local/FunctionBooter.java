package dev.linkpulse.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The template's functions, each run from its deployment artifact in a class loader of its own. */
final class FunctionBooter implements Booter {
  @Override
  public Set<String> types() {
    return Set.of("AWS::Serverless::Function");
  }

  @Override
  public void name(Boot boot) {
    boot.template.resourcesOfType("AWS::Serverless::Function").keySet().forEach(id -> boot.resources.functions.put(id, id));
  }

  @Override
  public void start(Boot boot) {
    // What Lambda gives every function besides its own variables: its region and role credentials; plus, here,
    // where the services are. The SDK reads X-Ray's and Powertools' switches from the environment too.
    Map<String, String> runtimeEnv = new LinkedHashMap<>(boot.clientEnvironment);
    runtimeEnv.put("AWS_ACCESS_KEY_ID", "local");
    runtimeEnv.put("AWS_SECRET_ACCESS_KEY", "local");
    runtimeEnv.put("AWS_XRAY_CONTEXT_MISSING", "IGNORE_ERROR");
    runtimeEnv.put("POWERTOOLS_TRACE_DISABLED", "true");
    boot.functions.putAll(Functions.fromTemplate(boot.template, boot.config.template().getParent(), boot.resolver, runtimeEnv,
        boot.config.lambdaReports()));
    boot.functions.values().forEach(boot::closing);
  }
}
