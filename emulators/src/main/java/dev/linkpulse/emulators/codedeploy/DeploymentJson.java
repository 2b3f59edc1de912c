package dev.linkpulse.emulators.codedeploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsAccount;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Deployments and their Lambda targets as the API answers them ({@code DeploymentInfo}, {@code LambdaTarget}). */
final class DeploymentJson {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> TARGET_STATUSES = List.of("Pending", "InProgress", "Succeeded", "Failed", "Skipped", "Ready");

  private DeploymentJson() {}

  /** The JSON protocol's timestamp: epoch seconds with milliseconds. */
  static BigDecimal time(Instant at) {
    return BigDecimal.valueOf(at.toEpochMilli()).movePointLeft(3);
  }

  static void putTime(ObjectNode node, String field, Instant at) {
    if (at != null) node.put(field, time(at));
  }

  static ObjectNode info(Deployment d) {
    Deployment.Plan plan = d.plan;
    ObjectNode info = JSON.objectNode().put("applicationName", plan.applicationName())
        .put("deploymentGroupName", plan.groupName()).put("deploymentConfigName", plan.config().name())
        .put("deploymentId", d.id).put("status", d.status).put("creator", plan.creator()).put("computePlatform", "Lambda");
    info.set("revision", plan.revision().deepCopy());
    if (plan.description() != null) info.put("description", plan.description());
    if (d.error != null) info.set("errorInformation", JSON.objectNode().put("code", d.error.code()).put("message", d.error.message()));
    putTime(info, "createTime", d.createTime);
    putTime(info, "startTime", d.startTime);
    putTime(info, "completeTime", d.completeTime);
    ObjectNode overview = info.putObject("deploymentOverview");
    TARGET_STATUSES.forEach(s -> overview.put(s, s.equals(d.targetStatus) ? 1 : 0));
    info.set("autoRollbackConfiguration", ResourceJson.autoRollback(plan.autoRollback()));
    if (plan.alarmsOverridden()) info.set("overrideAlarmConfiguration", ResourceJson.alarms(plan.alarms()));
    info.set("deploymentStyle", ResourceJson.deploymentStyle());
    ObjectNode rollback = JSON.objectNode();
    if (d.rollbackDeploymentId != null) rollback.put("rollbackDeploymentId", d.rollbackDeploymentId);
    if (d.rollbackTriggeringDeploymentId != null) rollback.put("rollbackTriggeringDeploymentId", d.rollbackTriggeringDeploymentId);
    if (d.rollbackMessage != null) rollback.put("rollbackMessage", d.rollbackMessage);
    if (!rollback.isEmpty()) info.set("rollbackInfo", rollback);
    return info;
  }

  /** A Lambda deployment's one target is its function's alias. */
  static String targetId(Deployment d) {
    return d.spec().functionName() + ":" + d.spec().alias();
  }

  static ObjectNode target(Deployment d) {
    AppSpec spec = d.spec();
    ObjectNode lambda = JSON.objectNode().put("deploymentId", d.id).put("targetId", targetId(d))
        .put("targetArn", AwsAccount.arn("lambda", "function:" + spec.functionName() + ":" + spec.alias()))
        .put("status", d.targetStatus);
    putTime(lambda, "lastUpdatedAt", lastUpdated(d));
    ArrayNode events = lambda.putArray("lifecycleEvents");
    d.events.values().forEach(e -> events.add(event(e)));
    lambda.putObject("lambdaFunctionInfo").put("functionName", spec.functionName()).put("functionAlias", spec.alias())
        .put("currentVersion", spec.currentVersion()).put("targetVersion", spec.targetVersion())
        .put("targetVersionWeight", d.targetWeight());
    ObjectNode target = JSON.objectNode().put("deploymentTargetType", "LambdaTarget");
    target.set("lambdaTarget", lambda);
    return target;
  }

  private static ObjectNode event(LifecycleEventState e) {
    ObjectNode event = JSON.objectNode().put("lifecycleEventName", e.name.wireName()).put("status", e.status);
    putTime(event, "startTime", e.startTime);
    putTime(event, "endTime", e.endTime);
    if (e.errorCode != null) {
      ObjectNode diagnostics = event.putObject("diagnostics").put("errorCode", e.errorCode).put("message", e.message);
      if (e.hookFunction != null) diagnostics.put("scriptName", e.hookFunction);
    }
    return event;
  }

  private static Instant lastUpdated(Deployment d) {
    return d.events.values().stream().flatMap(e -> Stream.of(e.startTime, e.endTime))
        .filter(t -> t != null).max(Instant::compareTo).orElse(d.createTime);
  }

  /** A revision of type AppSpecContent holding {@code spec} as a JSON AppSpec (what a rollback deployment shows). */
  static ObjectNode revision(AppSpec spec) {
    ObjectNode properties = JSON.objectNode().put("Name", spec.functionName()).put("Alias", spec.alias())
        .put("CurrentVersion", spec.currentVersion()).put("TargetVersion", spec.targetVersion());
    ObjectNode resource = JSON.objectNode().put("Type", "AWS::Lambda::Function");
    resource.set("Properties", properties);
    ObjectNode appSpec = JSON.objectNode().put("version", 0.0);
    appSpec.putArray("Resources").addObject().set(spec.functionName(), resource);
    String content = appSpec.toString();
    ObjectNode revision = JSON.objectNode().put("revisionType", "AppSpecContent");
    revision.putObject("appSpecContent").put("content", content).put("sha256", sha256(content));
    return revision;
  }

  static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
