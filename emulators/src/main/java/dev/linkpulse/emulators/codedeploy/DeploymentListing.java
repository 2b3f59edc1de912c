package dev.linkpulse.emulators.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * ListDeployments, newest first, with its filters: a deployment group ("If applicationName is specified, then
 * deploymentGroupName must be specified", and the other way round), {@code includeOnlyStatuses},
 * {@code createTimeRange} (inclusive) and {@code externalId}.
 */
final class DeploymentListing {
  static final Set<String> STATUSES = Set.of("Created", "Queued", "InProgress", "Baking", "Succeeded", "Failed", "Stopped", "Ready");

  private final DeploymentEngine engine;

  DeploymentListing(DeploymentEngine engine) {
    this.engine = engine;
  }

  JsonNode list(JsonNode in) {
    boolean byApplication = WireInput.text(in, "applicationName") != null;
    boolean byGroup = WireInput.text(in, "deploymentGroupName") != null;
    if (byApplication && !byGroup) {
      throw AwsServiceException.client("DeploymentGroupNameRequiredException", "deploymentGroupName is required with applicationName");
    }
    if (byGroup && !byApplication) {
      throw AwsServiceException.client("ApplicationNameRequiredException", "applicationName is required with deploymentGroupName");
    }
    String appName = byApplication ? WireInput.applicationName(in) : null;
    String groupName = byGroup ? WireInput.groupName(in) : null;
    List<String> statuses = WireInput.texts(in, "includeOnlyStatuses");
    statuses.stream().filter(s -> !STATUSES.contains(s)).findFirst().ifPresent(s -> {
      throw AwsServiceException.client("InvalidDeploymentStatusException", "'" + s + "' is not a deployment status; use " + STATUSES);
    });
    JsonNode range = in.path("createTimeRange");
    Instant start = WireInput.instant(range.get("start"));
    Instant end = WireInput.instant(range.get("end"));
    if (start != null && end != null && start.isAfter(end)) {
      throw AwsServiceException.client("InvalidTimeRangeException", "The time range starts after it ends");
    }
    String externalId = WireInput.text(in, "externalId");
    return engine.locked(() -> {
      List<Deployment> all = appName == null ? engine.state.newestFirst() : inGroup(appName, groupName);
      List<String> ids = all.stream()
          .filter(d -> statuses.isEmpty() || statuses.contains(d.status))
          .filter(d -> (start == null || !d.createTime.isBefore(start)) && (end == null || !d.createTime.isAfter(end)))
          .filter(d -> externalId == null) // no deployment here is linked to an external resource
          .map(d -> d.id).toList();
      return Pages.json("deployments", Pages.of(ids, id -> id, WireInput.text(in, "nextToken")));
    });
  }

  private List<Deployment> inGroup(String appName, String groupName) {
    engine.state.group(appName, groupName);
    return engine.state.inGroup(appName, groupName);
  }
}
