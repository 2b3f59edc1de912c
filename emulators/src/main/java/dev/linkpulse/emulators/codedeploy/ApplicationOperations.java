package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.DeploymentJson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkpulse.emulators.protocol.AwsJsonServer.Operation;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Applications, deployment groups and deployment configurations: the setup a deployment needs. */
final class ApplicationOperations {
  private final DeploymentEngine engine;
  /** Predefined configurations exist from the start: they carry the emulator's start time. */
  private final Instant configsCreated;

  ApplicationOperations(DeploymentEngine engine) {
    this.engine = engine;
    this.configsCreated = engine.now();
  }

  Map<String, Operation> operations() {
    return Map.of("CreateApplication", this::createApplication, "GetApplication", this::getApplication,
        "ListApplications", this::listApplications, "CreateDeploymentGroup", this::createDeploymentGroup,
        "GetDeploymentGroup", this::getDeploymentGroup, "ListDeploymentGroups", this::listDeploymentGroups,
        "GetDeploymentConfig", this::getDeploymentConfig);
  }

  private JsonNode createApplication(JsonNode in) {
    String name = WireInput.applicationName(in);
    String platform = WireInput.text(in, "computePlatform");
    if (!"Lambda".equals(platform)) {
      throw AwsServiceException.client("InvalidComputePlatformException", "The compute platform must be Lambda here, not "
          + (platform == null ? "the default Server" : platform) + ": this emulator deploys Lambda functions only");
    }
    return engine.locked(() -> {
      if (engine.state.findApplication(name).isPresent()) {
        throw AwsServiceException.client("ApplicationAlreadyExistsException", "An application with the name " + name + " already exists");
      }
      Application app = new Application(Ids.uuid(), name, platform, engine.now());
      engine.state.add(app);
      return JSON.objectNode().put("applicationId", app.id());
    });
  }

  private JsonNode getApplication(JsonNode in) {
    String name = WireInput.applicationName(in);
    return engine.locked(() -> JSON.objectNode().set("application", ResourceJson.application(engine.state.application(name))));
  }

  private JsonNode listApplications(JsonNode in) {
    return engine.locked(() -> {
      List<String> names = engine.state.applications().stream().map(Application::name).toList();
      return Pages.json("applications", Pages.of(names, n -> n, WireInput.text(in, "nextToken")));
    });
  }

  private JsonNode createDeploymentGroup(JsonNode in) {
    String appName = WireInput.applicationName(in);
    String groupName = WireInput.groupName(in);
    String role = SettingsInput.serviceRole(WireInput.text(in, "serviceRoleArn"));
    LambdaDeploymentConfig config = SettingsInput.config(WireInput.text(in, "deploymentConfigName"));
    AlarmConfiguration alarms = SettingsInput.alarms(in.get("alarmConfiguration"));
    AutoRollbackConfiguration rollback = SettingsInput.autoRollback(in.get("autoRollbackConfiguration"));
    SettingsInput.deploymentStyle(in.get("deploymentStyle"));
    return engine.locked(() -> {
      engine.state.application(appName);
      if (engine.state.findGroup(appName, groupName).isPresent()) {
        throw AwsServiceException.client("DeploymentGroupAlreadyExistsException", "A deployment group with the name "
            + groupName + " already exists for application " + appName);
      }
      DeploymentGroup group = new DeploymentGroup(Ids.uuid(), appName, groupName, role, config.name(), alarms, rollback);
      engine.state.add(group);
      return JSON.objectNode().put("deploymentGroupId", group.id());
    });
  }

  private JsonNode getDeploymentGroup(JsonNode in) {
    String appName = WireInput.applicationName(in);
    String groupName = WireInput.groupName(in);
    return engine.locked(() -> {
      DeploymentGroup group = engine.state.group(appName, groupName);
      List<Deployment> deployments = engine.state.inGroup(appName, groupName);
      ObjectNode info = ResourceJson.group(group, deployments.stream().findFirst(),
          deployments.stream().filter(d -> d.status.equals(Deployment.SUCCEEDED)).findFirst());
      return JSON.objectNode().set("deploymentGroupInfo", info);
    });
  }

  private JsonNode listDeploymentGroups(JsonNode in) {
    String appName = WireInput.applicationName(in);
    return engine.locked(() -> {
      engine.state.application(appName);
      List<String> names = engine.state.groupsOf(appName).stream().map(DeploymentGroup::name).toList();
      return Pages.json("deploymentGroups", Pages.of(names, n -> n, WireInput.text(in, "nextToken"))).put("applicationName", appName);
    });
  }

  private JsonNode getDeploymentConfig(JsonNode in) {
    String name = WireInput.text(in, "deploymentConfigName");
    if (name == null || name.isEmpty()) {
      throw AwsServiceException.client("DeploymentConfigNameRequiredException", "The deployment configuration name is required");
    }
    return JSON.objectNode().set("deploymentConfigInfo", ResourceJson.config(SettingsInput.config(name), configsCreated));
  }

}
