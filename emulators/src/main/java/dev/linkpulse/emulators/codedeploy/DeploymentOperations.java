package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.DeploymentJson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsJsonServer.Operation;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.util.List;
import java.util.Map;

/** Deployments: create, read, stop, and the hooks' reports. */
final class DeploymentOperations {
  /** BatchGetDeployments takes at most 25 ids. */
  static final int MAX_BATCH = 25;

  private final DeploymentEngine engine;

  DeploymentOperations(DeploymentEngine engine) {
    this.engine = engine;
  }

  Map<String, Operation> operations() {
    return Map.of("CreateDeployment", this::createDeployment, "GetDeployment", this::getDeployment,
        "BatchGetDeployments", this::batchGetDeployments, "ListDeployments", new DeploymentListing(engine)::list,
        "StopDeployment", this::stopDeployment, "PutLifecycleEventHookExecutionStatus", this::putHookStatus);
  }

  private JsonNode createDeployment(JsonNode in) {
    String appName = WireInput.applicationName(in);
    String groupName = WireInput.groupName(in);
    AppSpec spec = RevisionInput.appSpec(in.get("revision"));
    String configName = WireInput.text(in, "deploymentConfigName");
    JsonNode rollbackNode = in.get("autoRollbackConfiguration");
    AutoRollbackConfiguration rollback = rollbackNode == null || rollbackNode.isNull() ? null : SettingsInput.autoRollback(rollbackNode);
    JsonNode alarmNode = in.get("overrideAlarmConfiguration");
    AlarmConfiguration alarms = alarmNode == null || alarmNode.isNull() ? null : SettingsInput.alarms(alarmNode);
    return engine.locked(() -> {
      DeploymentGroup group = engine.state.group(appName, groupName);
      LambdaDeploymentConfig config = SettingsInput.config(configName != null ? configName : group.deploymentConfigName());
      Deployment d = engine.create(new Deployment.Plan(appName, groupName, config, spec, in.get("revision").deepCopy(),
          WireInput.text(in, "description"), Deployment.BY_USER, alarms != null ? alarms : group.alarms(), alarms != null,
          rollback != null ? rollback : group.autoRollback()));
      return JSON.objectNode().put("deploymentId", d.id);
    });
  }

  private JsonNode getDeployment(JsonNode in) {
    String id = WireInput.deploymentId(in);
    return engine.locked(() -> JSON.objectNode().set("deploymentInfo", DeploymentJson.info(engine.state.deployment(id))));
  }

  /** Ids that do not exist are left out of the answer. */
  private JsonNode batchGetDeployments(JsonNode in) {
    List<String> ids = WireInput.texts(in, "deploymentIds");
    if (ids.isEmpty()) throw AwsServiceException.client("DeploymentIdRequiredException", "At least one deployment ID is required");
    if (ids.size() > MAX_BATCH) {
      throw AwsServiceException.client("BatchLimitExceededException", "At most " + MAX_BATCH + " deployment IDs, not " + ids.size());
    }
    ids.forEach(WireInput::deploymentId);
    return engine.locked(() -> {
      ObjectNode out = JSON.objectNode();
      ArrayNode infos = out.putArray("deploymentsInfo");
      ids.stream().distinct().forEach(id -> engine.state.findDeployment(id).ifPresent(d -> infos.add(DeploymentJson.info(d))));
      return out;
    });
  }

  private JsonNode stopDeployment(JsonNode in) {
    String id = WireInput.deploymentId(in);
    Boolean rollback = WireInput.bool(in, "autoRollbackEnabled");
    return engine.locked(() -> {
      engine.stop(engine.state.deployment(id), rollback);
      return JSON.objectNode().put("status", "Succeeded").put("statusMessage", "Deployment " + id + " has been stopped");
    });
  }

  /** "Lambda validation functions return Succeeded or Failed." */
  private JsonNode putHookStatus(JsonNode in) {
    String id = WireInput.deploymentId(in);
    String status = WireInput.text(in, "status");
    if (!"Succeeded".equals(status) && !"Failed".equals(status)) {
      throw AwsServiceException.client("InvalidLifecycleEventHookExecutionStatusException", "The status of a lifecycle "
          + "event hook must be Succeeded or Failed, not " + status);
    }
    String executionId = WireInput.text(in, "lifecycleEventHookExecutionId");
    if (executionId == null || executionId.isEmpty()) {
      throw AwsServiceException.client("InvalidLifecycleEventHookExecutionIdException",
          "The lifecycle event hook execution ID is required");
    }
    return engine.locked(() -> {
      engine.report(engine.state.deployment(id), executionId, status.equals("Succeeded"));
      return JSON.objectNode().put("lifecycleEventHookExecutionId", executionId);
    });
  }
}
