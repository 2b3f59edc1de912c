package dev.linkpulse.emulators.codedeploy;

import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applications, deployment groups and deployments. Every access holds this object's monitor (the engine's lock);
 * lookups throw the error AWS returns for a missing resource.
 */
final class CodeDeployState {
  private final Map<String, Application> applications = new TreeMap<>();
  private final Map<String, DeploymentGroup> groups = new TreeMap<>();
  private final Map<String, Deployment> deployments = new LinkedHashMap<>();
  private long sequence;

  Optional<Application> findApplication(String name) {
    return Optional.ofNullable(applications.get(name));
  }

  Application application(String name) {
    return findApplication(name).orElseThrow(() -> AwsServiceException.client("ApplicationDoesNotExistException",
        "No application found for name: " + name));
  }

  void add(Application application) {
    applications.put(application.name(), application);
  }

  List<Application> applications() {
    return List.copyOf(applications.values());
  }

  Optional<DeploymentGroup> findGroup(String applicationName, String groupName) {
    return Optional.ofNullable(groups.get(groupKey(applicationName, groupName)));
  }

  DeploymentGroup group(String applicationName, String groupName) {
    application(applicationName);
    return findGroup(applicationName, groupName).orElseThrow(() -> AwsServiceException.client(
        "DeploymentGroupDoesNotExistException", "No Deployment Group found for name: " + groupName));
  }

  void add(DeploymentGroup group) {
    groups.put(groupKey(group.applicationName(), group.name()), group);
  }

  List<DeploymentGroup> groupsOf(String applicationName) {
    return groups.values().stream().filter(g -> g.applicationName().equals(applicationName)).toList();
  }

  Deployment deployment(String id) {
    Deployment d = deployments.get(id);
    if (d == null) throw AwsServiceException.client("DeploymentDoesNotExistException", "Deployment " + id + " does not exist");
    return d;
  }

  Optional<Deployment> findDeployment(String id) {
    return Optional.ofNullable(deployments.get(id));
  }

  long nextSequence() {
    return ++sequence;
  }

  void add(Deployment deployment) {
    deployments.put(deployment.id, deployment);
  }

  /** Every deployment, newest first (the order ListDeployments answers in). */
  List<Deployment> newestFirst() {
    return deployments.values().stream().sorted(Comparator.comparingLong((Deployment d) -> d.sequence).reversed()).toList();
  }

  List<Deployment> inGroup(String applicationName, String groupName) {
    return newestFirst().stream().filter(d -> d.plan.applicationName().equals(applicationName)
        && d.plan.groupName().equals(groupName)).toList();
  }

  Optional<Deployment> activeIn(String applicationName, String groupName) {
    return inGroup(applicationName, groupName).stream().filter(d -> !d.completed()).findFirst();
  }

  List<Deployment> all() {
    return List.copyOf(deployments.values());
  }

  private static String groupKey(String applicationName, String groupName) {
    return applicationName + "\u0000" + groupName;
  }
}
