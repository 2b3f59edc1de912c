package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.DeploymentJson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsJsonServer.Operation;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deployment targets of a Lambda deployment (one: the function's alias) with their lifecycle events: what a
 * {@code deploy status} command shows. A deployment that has not left {@code Created} has no targets yet
 * ({@code DeploymentNotStartedException}).
 */
final class TargetOperations {
  static final int MAX_BATCH = 25;
  private static final Set<String> TARGET_STATUSES = Set.of("Failed", "InProgress", "Pending", "Ready", "Skipped", "Succeeded", "Unknown");

  private final DeploymentEngine engine;

  TargetOperations(DeploymentEngine engine) {
    this.engine = engine;
  }

  Map<String, Operation> operations() {
    return Map.of("ListDeploymentTargets", this::listTargets, "GetDeploymentTarget", this::getTarget,
        "BatchGetDeploymentTargets", this::batchGetTargets);
  }

  private JsonNode listTargets(JsonNode in) {
    String id = WireInput.deploymentId(in);
    JsonNode filters = in.path("targetFilters");
    for (Iterator<String> names = filters.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("TargetStatus") && !name.equals("ServerInstanceLabel")) {
        throw AwsServiceException.client("InvalidTargetFilterNameException",
            "'" + name + "' is not a target filter; use TargetStatus or ServerInstanceLabel");
      }
    }
    List<String> statuses = WireInput.texts(filters, "TargetStatus");
    statuses.stream().filter(s -> !TARGET_STATUSES.contains(s)).findFirst().ifPresent(s -> {
      throw AwsServiceException.client("InvalidInstanceStatusException", "'" + s + "' is not a target status; use " + TARGET_STATUSES);
    });
    boolean labelled = !WireInput.texts(filters, "ServerInstanceLabel").isEmpty();
    String token = WireInput.text(in, "nextToken");
    return engine.locked(() -> {
      Deployment d = started(id);
      boolean matches = !labelled && (statuses.isEmpty() || statuses.contains(d.targetStatus));
      List<String> ids = matches ? List.of(DeploymentJson.targetId(d)) : List.of();
      return Pages.json("targetIds", Pages.of(ids, t -> t, token));
    });
  }

  private JsonNode getTarget(JsonNode in) {
    String id = WireInput.deploymentId(in);
    String targetId = WireInput.text(in, "targetId");
    if (targetId == null || targetId.isEmpty()) {
      throw AwsServiceException.client("DeploymentTargetIdRequiredException", "A deployment target ID is required");
    }
    return engine.locked(() -> JSON.objectNode().set("deploymentTarget", target(started(id), targetId)));
  }

  private JsonNode batchGetTargets(JsonNode in) {
    String id = WireInput.deploymentId(in);
    List<String> targetIds = WireInput.texts(in, "targetIds");
    if (targetIds.isEmpty()) throw AwsServiceException.client("DeploymentTargetIdRequiredException", "At least one target ID is required");
    if (targetIds.size() > MAX_BATCH) {
      throw AwsServiceException.client("DeploymentTargetListSizeExceededException",
          "At most " + MAX_BATCH + " target IDs, not " + targetIds.size());
    }
    return engine.locked(() -> {
      Deployment d = started(id);
      ObjectNode out = JSON.objectNode();
      ArrayNode targets = out.putArray("deploymentTargets");
      targetIds.forEach(t -> targets.add(target(d, t)));
      return out;
    });
  }

  private Deployment started(String id) {
    Deployment d = engine.state.deployment(id);
    if (!d.started()) throw AwsServiceException.client("DeploymentNotStartedException", "Deployment " + id + " has not started");
    return d;
  }

  private static ObjectNode target(Deployment d, String targetId) {
    if (!targetId.equals(DeploymentJson.targetId(d))) {
      throw AwsServiceException.client("DeploymentTargetDoesNotExistException", "Target " + targetId
          + " does not belong to deployment " + d.id);
    }
    return DeploymentJson.target(d);
  }
}
