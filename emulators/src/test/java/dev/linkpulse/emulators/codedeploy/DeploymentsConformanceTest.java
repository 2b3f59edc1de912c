package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.APP;
import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.DeploymentCreator;
import software.amazon.awssdk.services.codedeploy.model.DeploymentDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIdRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentIdException;
import software.amazon.awssdk.services.codedeploy.model.InvalidRevisionException;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.codedeploy.model.RevisionRequiredException;

/** CreateDeployment with an AppSpec revision, and GetDeployment / BatchGetDeployments as AWS report a deployment. */
class DeploymentsConformanceTest {
  private static final String CANARY = "CodeDeployDefault.LambdaCanary10Percent5Minutes";
  private CodeDeployFixture cd;

  @BeforeEach
  void start() {
    cd = new CodeDeployFixture();
    cd.createGroup(CANARY);
  }

  @AfterEach
  void stop() {
    cd.close();
  }

  @Test
  void aDeploymentIsCreatedThenStartsOnTheTimeline() {
    String spec = CodeDeployFixture.appSpecWithHooks();
    String id = create(r -> r.revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
        .appSpecContent(c -> c.content(spec).sha256(DeploymentJson.sha256(spec)))).description("canary of v2"));
    assertThat(id).matches("d-[A-Z0-9]{9}");
    DeploymentInfo created = cd.info(id);
    assertThat(created.status()).isEqualTo(DeploymentStatus.CREATED);
    assertThat(created.startTime()).isNull();
    cd.time.runDue();
    DeploymentInfo info = cd.info(id);
    assertThat(info.status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    assertThat(info.applicationName()).isEqualTo(APP);
    assertThat(info.deploymentGroupName()).isEqualTo(GROUP);
    assertThat(info.deploymentConfigName()).isEqualTo(CANARY);
    assertThat(info.creator()).isEqualTo(DeploymentCreator.USER);
    assertThat(info.computePlatform()).isEqualTo(ComputePlatform.LAMBDA);
    assertThat(info.description()).isEqualTo("canary of v2");
    assertThat(info.revision().appSpecContent().content()).isEqualTo(spec);
    assertThat(info.createTime()).isEqualTo(CodeDeployFixture.T0);
    assertThat(info.startTime()).isEqualTo(CodeDeployFixture.T0);
    assertThat(info.deploymentOverview().inProgress()).isEqualTo(1);
    assertThat(info.deploymentOverview().succeeded()).isZero();
  }

  @Test
  void aStringRevisionIsAcceptedLikeAppSpecContent() {
    String id = create(r -> r.revision(rev -> rev.revisionType(RevisionLocationType.STRING)
        .string(s -> s.content(CodeDeployFixture.appSpecWithoutHooks()))));
    cd.time.runDue();
    assertThat(cd.aliasWeights()).containsEntry("2", 0.1);
    assertThat(cd.info(id).revision().revisionType()).isEqualTo(RevisionLocationType.STRING);
  }

  /** "A deployment group ... can have only one active deployment": a second one while the first runs is refused. */
  @Test
  void aGroupRunsOneDeploymentAtATime() {
    String first = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    assertThatThrownBy(() -> cd.deploy(CodeDeployFixture.appSpecWithoutHooks()))
        .isInstanceOf(DeploymentLimitExceededException.class).hasMessageContaining(first);
    cd.client.stopDeployment(r -> r.deploymentId(first).autoRollbackEnabled(true));
    assertThat(cd.deploy(CodeDeployFixture.appSpecWithoutHooks())).isNotEqualTo(first);
  }

  @Test
  void aRevisionIsRequiredAndMustBeALambdaAppSpecInline() {
    assertThatThrownBy(() -> create(r -> {})).isInstanceOf(RevisionRequiredException.class);
    assertThatThrownBy(() -> create(r -> r.revision(rev -> rev.revisionType(RevisionLocationType.S3)
        .s3Location(s -> s.bucket("b").key("k"))))).isInstanceOf(InvalidRevisionException.class).hasMessageContaining("AppSpecContent");
    assertThatThrownBy(() -> create(r -> r.revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
        .appSpecContent(c -> c.content("version: 0.0\nResources: []")))))
        .isInstanceOf(InvalidRevisionException.class).hasMessageContaining("exactly one");
    assertThat(cd.client.listDeployments().deployments()).isEmpty();
  }

  @Test
  void aSha256ThatIsNotTheContentsIsRefused() {
    assertThatThrownBy(() -> create(r -> r.revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
        .appSpecContent(c -> c.content(CodeDeployFixture.appSpecWithoutHooks()).sha256("00".repeat(32))))))
        .isInstanceOf(InvalidRevisionException.class).hasMessageContaining("sha256");
  }

  @Test
  void aDeploymentNeedsAnExistingGroup() {
    assertThatThrownBy(() -> cd.create("nope", CodeDeployFixture.appSpecWithoutHooks(), r -> {}))
        .isInstanceOf(DeploymentGroupDoesNotExistException.class);
  }

  @Test
  void unknownMalformedAndMissingDeploymentIdsAreTheirOwnErrors() {
    assertThatThrownBy(() -> cd.info("d-ZZZZZZZZZ")).isInstanceOf(DeploymentDoesNotExistException.class);
    assertThatThrownBy(() -> cd.info("d-short")).isInstanceOf(InvalidDeploymentIdException.class);
    assertThatThrownBy(() -> cd.client.getDeployment(r -> {})).isInstanceOf(DeploymentIdRequiredException.class);
  }

  @Test
  void batchGetDeploymentsLeavesOutIdsThatDoNotExist() {
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    List<DeploymentInfo> infos = cd.client.batchGetDeployments(r -> r.deploymentIds(id, "d-ZZZZZZZZZ")).deploymentsInfo();
    assertThat(infos).extracting(DeploymentInfo::deploymentId).containsExactly(id);
    assertThatThrownBy(() -> cd.client.batchGetDeployments(r -> r.deploymentIds("bad"))).isInstanceOf(InvalidDeploymentIdException.class);
  }

  private String create(Consumer<CreateDeploymentRequest.Builder> request) {
    return cd.client.createDeployment(r -> {
      r.applicationName(APP).deploymentGroupName(GROUP);
      request.accept(r);
    }).deploymentId();
  }
}
