package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.APP;
import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.GROUP;
import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.ApplicationNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentStatusException;
import software.amazon.awssdk.services.codedeploy.model.InvalidNextTokenException;
import software.amazon.awssdk.services.codedeploy.model.InvalidTimeRangeException;

/** ListDeployments and its filters: a deployment group, includeOnlyStatuses, createTimeRange; pages of at most 100. */
class ListDeploymentsConformanceTest {
  private CodeDeployFixture cd;
  private final List<String> ids = new ArrayList<>();

  /** Three deployments a minute apart: Succeeded, Stopped (rolled back: a fourth, Succeeded), InProgress. */
  @BeforeEach
  void start() {
    cd = new CodeDeployFixture();
    cd.createGroup("CodeDeployDefault.LambdaCanary10Percent5Minutes");
    ids.add(cd.deploy(CodeDeployFixture.appSpecWithoutHooks()));
    cd.advance(Duration.ofMinutes(5));
    ids.add(cd.deploy(CodeDeployFixture.appSpecWithoutHooks()));
    cd.client.stopDeployment(r -> r.deploymentId(ids.get(1)).autoRollbackEnabled(true));
    ids.add(cd.info(ids.get(1)).rollbackInfo().rollbackDeploymentId());
    cd.advance(Duration.ofMinutes(1));
    ids.add(cd.deploy(CodeDeployFixture.appSpecWithoutHooks()));
  }

  @AfterEach
  void stop() {
    cd.close();
  }

  @Test
  void deploymentsAreListedNewestFirst() {
    assertThat(cd.client.listDeployments().deployments()).containsExactly(ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    assertThat(cd.client.listDeployments(r -> r.applicationName(APP).deploymentGroupName(GROUP)).deployments()).hasSize(4);
  }

  @Test
  void includeOnlyStatusesKeepsThoseStatuses() {
    assertThat(cd.client.listDeployments(r -> r.includeOnlyStatuses(DeploymentStatus.SUCCEEDED)).deployments())
        .containsExactly(ids.get(2), ids.get(0));
    assertThat(cd.client.listDeployments(r -> r.includeOnlyStatuses(DeploymentStatus.STOPPED, DeploymentStatus.IN_PROGRESS))
        .deployments()).containsExactly(ids.get(3), ids.get(1));
    assertThatThrownBy(() -> cd.client.listDeployments(r -> r.includeOnlyStatusesWithStrings("Done")))
        .isInstanceOf(InvalidDeploymentStatusException.class);
  }

  @Test
  void createTimeRangeKeepsDeploymentsCreatedWithinIt() {
    assertThat(cd.client.listDeployments(r -> r.createTimeRange(t -> t.start(T0.plus(Duration.ofMinutes(5)))
        .end(T0.plus(Duration.ofMinutes(5))))).deployments()).containsExactly(ids.get(2), ids.get(1));
    assertThatThrownBy(() -> cd.client.listDeployments(r -> r.createTimeRange(t -> t.start(T0.plusSeconds(1)).end(T0))))
        .isInstanceOf(InvalidTimeRangeException.class);
  }

  /** "If applicationName is specified, then deploymentGroupName must be specified", and the other way round. */
  @Test
  void anApplicationAndADeploymentGroupAreGivenTogetherOrNotAtAll() {
    assertThatThrownBy(() -> cd.client.listDeployments(r -> r.applicationName(APP)))
        .isInstanceOf(DeploymentGroupNameRequiredException.class);
    assertThatThrownBy(() -> cd.client.listDeployments(r -> r.deploymentGroupName(GROUP)))
        .isInstanceOf(ApplicationNameRequiredException.class);
    assertThatThrownBy(() -> cd.client.listDeployments(r -> r.applicationName(APP).deploymentGroupName("other")))
        .isInstanceOf(DeploymentGroupDoesNotExistException.class);
  }

  @Test
  void aLongListComesInPagesOfAHundredThatTheSdkPaginatorFollows() {
    cd.client.stopDeployment(r -> r.deploymentId(ids.get(3)).autoRollbackEnabled(false));
    cd.client.createDeploymentGroup(r -> r.applicationName(APP).deploymentGroupName("bulk").serviceRoleArn(CodeDeployFixture.ROLE));
    for (int i = 0; i < 100; i++) {
      cd.create("bulk", CodeDeployFixture.appSpecWithoutHooks(), r -> {});
      cd.time.runDue();
    }
    var first = cd.client.listDeployments();
    assertThat(first.deployments()).hasSize(100);
    assertThat(first.nextToken()).isNotNull();
    List<String> all = cd.client.listDeploymentsPaginator(r -> {}).deployments().stream().toList();
    assertThat(all).hasSize(104).doesNotHaveDuplicates().endsWith(ids.get(1), ids.get(0));
    assertThatThrownBy(() -> cd.client.listDeployments(r -> r.nextToken("not-a-token")))
        .isInstanceOf(InvalidNextTokenException.class);
  }
}
