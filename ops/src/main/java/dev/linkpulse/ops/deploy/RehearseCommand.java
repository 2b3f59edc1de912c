package dev.linkpulse.ops.deploy;

import dev.linkpulse.emulators.codedeploy.DeploymentEvent;
import dev.linkpulse.emulators.codedeploy.SamDeploymentPreference;
import dev.linkpulse.emulators.time.Timeline;
import dev.linkpulse.local.DeploymentProgress;
import dev.linkpulse.local.LocalDeployments;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.ops.UsageError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code linkpulse deploy FUNCTION}: publishes a new version of a function on a local stack of its own and runs its
 * deployment there as CodeDeploy would, printing each step. The stack is this command's: it starts on free ports and
 * stops when the deployment (and any rollback) has ended.
 */
final class RehearseCommand {
  private RehearseCommand() {}

  static int run(PrintWriter out, String function, Path jar, Map<String, String> env, String type, double speed,
      Map<String, String> alarms) throws Exception {
    if (jar != null && !Files.isRegularFile(jar)) throw new UsageError("--jar " + jar + " is not a file");
    if (type != null) SamDeploymentPreference.deploymentConfigName(type);
    if (speed <= 0 || speed > 10_000) throw new UsageError("--speed must be above 0 and at most 10000, not " + speed);
    CompletableFuture<String> outcome = new CompletableFuture<>();
    try (LocalStack stack = LocalStack.ephemeral(Map.of())) {
      out.println("local stack up at " + stack.apiUrl() + " (" + stack.startupTime().toMillis() + " ms); deploying " + function);
      out.flush();
      DeploymentProgress progress = new DeploymentProgress(line -> {
        out.println(line);
        out.flush();
      });
      String[] id = new String[1];
      LocalDeployments[] holder = new LocalDeployments[1];
      LocalDeployments deployments = stack.deployments(Timeline.scaled(speed), List.of(progress, e -> {
        if (!e.deploymentId().equals(id[0])) return;
        // --alarm NAME=STATE: a drill sets the alarm once the canary share has shifted.
        if (e instanceof DeploymentEvent.TrafficShifted t && t.weights().size() > 1) alarms.forEach(holder[0].alarms()::set);
        if (e instanceof DeploymentEvent.Finished f) outcome.complete(f.status());
      }));
      holder[0] = deployments;
      try {
        id[0] = deployments.deploy(function, new LocalDeployments.Request(jar, env, type));
      } catch (IllegalArgumentException e) {
        throw new UsageError(e.getMessage());
      }
      String status = outcome.get(2, TimeUnit.HOURS);
      // A rollback runs after the stop; give its shift back a moment to print.
      Thread.sleep(500);
      out.println("outcome: " + status);
      out.flush();
      return "Succeeded".equals(status) ? 0 : 1;
    }
  }

  static Map<String, String> pairs(List<String> values, String option) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String v : values == null ? List.<String>of() : values) {
      int eq = v.indexOf('=');
      if (eq <= 0) throw new UsageError(option + " " + v + " is not KEY=VALUE");
      out.put(v.substring(0, eq), v.substring(eq + 1));
    }
    return out;
  }
}
