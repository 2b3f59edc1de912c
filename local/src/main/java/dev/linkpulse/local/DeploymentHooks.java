package dev.linkpulse.local;

import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.emulators.protocol.AwsAccount;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The template's {@code CodeDeployHook_*} functions of a deployment, each built for it from its own artifact: its
 * environment names the new version (on AWS, {@code !Ref Fn.Version} after the stack update that published it) and
 * where CodeDeploy and Lambda answer. CodeDeploy invokes a hook asynchronously, and the hook reports through the
 * CodeDeploy endpoint from its own thread.
 */
final class DeploymentHooks implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DeploymentHooks.class.getName());
  private final Template template;
  private final Map<String, LocalFunction> functions;
  private final Map<String, String> endpoints;
  private final Map<String, LocalFunction> built = new ConcurrentHashMap<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "codedeploy-hook");
    t.setDaemon(true);
    return t;
  });

  /** @param endpoints {@code AWS_ENDPOINT_URL_*} variables of the local CodeDeploy and Lambda */
  DeploymentHooks(Template template, Map<String, LocalFunction> functions, Map<String, String> endpoints) {
    this.template = template;
    this.functions = functions;
    this.endpoints = Map.copyOf(endpoints);
  }

  /** Builds the hooks {@code preference} names for version {@code target} of {@code function}; answers lifecycle event to hook. */
  Map<String, String> prepare(String function, String target, Map<String, Object> preference) {
    Map<String, String> lifecycle = new LinkedHashMap<>();
    Template.map(preference.get("Hooks")).forEach((phase, ref) -> {
      String hookId = Resolver.references(ref).get(0);
      LocalFunction declared = functions.get(hookId);
      Map<String, String> env = new LinkedHashMap<>(declared.environment());
      env.put("NEW_VERSION", AwsAccount.arn("lambda", "function:" + function + ":" + target));
      env.putAll(endpoints);
      LocalFunction previous = built.put(hookId, Functions.build(Functions.spec(template, hookId), declared.artifact().orElseThrow(), env, false));
      closeQuietly(previous);
      lifecycle.put(phase.equals("PreTraffic") ? "BeforeAllowTraffic" : "AfterAllowTraffic", hookId);
    });
    return lifecycle;
  }

  /** CodeDeploy's asynchronous invocation of a hook: a hook that crashes reports nothing, and its timeout fails the event. */
  void invoke(String hookId, String event) {
    threads.submit(() -> {
      LocalFunction hook = built.get(hookId);
      try {
        if (hook == null) throw new IllegalStateException("no hook " + hookId);
        LOG.info(hookId + " answered " + hook.invoke(event));
      } catch (RuntimeException e) {
        LOG.warning(hookId + " failed: " + e);
      }
    });
  }

  /** The hook built for the latest deployment that uses it. */
  LocalFunction hook(String logicalId) {
    LocalFunction hook = built.get(logicalId);
    if (hook == null) throw new IllegalArgumentException("no deployment has used hook " + logicalId + " yet");
    return hook;
  }

  private static void closeQuietly(LocalFunction hook) {
    if (hook == null) return;
    try {
      hook.close();
    } catch (IOException e) {
      LOG.warning("closing " + hook.name() + ": " + e);
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
    built.values().forEach(DeploymentHooks::closeQuietly);
  }
}
