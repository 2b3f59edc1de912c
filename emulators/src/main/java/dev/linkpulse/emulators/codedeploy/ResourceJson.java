package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.DeploymentJson.JSON;
import static dev.linkpulse.emulators.codedeploy.DeploymentJson.putTime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/** Applications, deployment groups and configurations as the API answers them. */
final class ResourceJson {
  private ResourceJson() {}

  static ObjectNode application(Application a) {
    ObjectNode info = JSON.objectNode().put("applicationId", a.id()).put("applicationName", a.name())
        .put("computePlatform", a.computePlatform()).put("linkedToGitHub", false);
    putTime(info, "createTime", a.createTime());
    return info;
  }

  static ObjectNode group(DeploymentGroup g, Optional<Deployment> lastAttempted, Optional<Deployment> lastSucceeded) {
    ObjectNode info = JSON.objectNode().put("applicationName", g.applicationName()).put("deploymentGroupId", g.id())
        .put("deploymentGroupName", g.name()).put("deploymentConfigName", g.deploymentConfigName())
        .put("serviceRoleArn", g.serviceRoleArn()).put("computePlatform", "Lambda");
    info.set("alarmConfiguration", alarms(g.alarms()));
    info.set("autoRollbackConfiguration", autoRollback(g.autoRollback()));
    info.set("deploymentStyle", deploymentStyle());
    lastAttempted.ifPresent(d -> info.set("lastAttemptedDeployment", lastDeployment(d)));
    lastSucceeded.ifPresent(d -> info.set("lastSuccessfulDeployment", lastDeployment(d)));
    return info;
  }

  private static ObjectNode lastDeployment(Deployment d) {
    ObjectNode last = JSON.objectNode().put("deploymentId", d.id).put("status", d.status);
    putTime(last, "createTime", d.createTime);
    putTime(last, "endTime", d.completeTime);
    return last;
  }

  static ObjectNode alarms(AlarmConfiguration config) {
    ObjectNode node = JSON.objectNode().put("enabled", config.enabled()).put("ignorePollAlarmFailure", config.ignorePollAlarmFailure());
    ArrayNode alarms = node.putArray("alarms");
    config.alarms().forEach(name -> alarms.addObject().put("name", name));
    return node;
  }

  static ObjectNode autoRollback(AutoRollbackConfiguration config) {
    ObjectNode node = JSON.objectNode().put("enabled", config.enabled());
    ArrayNode events = node.putArray("events");
    config.events().stream().sorted().forEach(events::add);
    return node;
  }

  /** Lambda deployments are blue/green with traffic control, always. */
  static ObjectNode deploymentStyle() {
    return JSON.objectNode().put("deploymentType", "BLUE_GREEN").put("deploymentOption", "WITH_TRAFFIC_CONTROL");
  }

  static ObjectNode config(LambdaDeploymentConfig c, Instant createTime) {
    ObjectNode info = JSON.objectNode().put("deploymentConfigId", Ids.stableUuid(c.name()))
        .put("deploymentConfigName", c.name()).put("computePlatform", "Lambda");
    putTime(info, "createTime", createTime);
    ObjectNode routing = info.putObject("trafficRoutingConfig").put("type", c.type());
    if (c.type().equals(LambdaDeploymentConfig.CANARY)) {
      routing.putObject("timeBasedCanary").put("canaryPercentage", c.percentage()).put("canaryInterval", c.intervalMinutes());
    } else if (c.type().equals(LambdaDeploymentConfig.LINEAR)) {
      routing.putObject("timeBasedLinear").put("linearPercentage", c.percentage()).put("linearInterval", c.intervalMinutes());
    }
    return info;
  }
}
