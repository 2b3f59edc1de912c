package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.APP;
import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.GROUP;
import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.AlarmsLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.ApplicationAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.ApplicationDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.ApplicationInfo;
import software.amazon.awssdk.services.codedeploy.model.ApplicationNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentType;
import software.amazon.awssdk.services.codedeploy.model.InvalidAlarmConfigException;
import software.amazon.awssdk.services.codedeploy.model.InvalidApplicationNameException;
import software.amazon.awssdk.services.codedeploy.model.InvalidAutoRollbackConfigException;
import software.amazon.awssdk.services.codedeploy.model.InvalidComputePlatformException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentStyleException;
import software.amazon.awssdk.services.codedeploy.model.InvalidRoleException;
import software.amazon.awssdk.services.codedeploy.model.RoleRequiredException;

/** Applications and deployment groups of the Lambda compute platform: what CreateDeploymentGroup takes and GetDeploymentGroup shows. */
class ApplicationsAndGroupsConformanceTest {
  private final CodeDeployFixture cd = new CodeDeployFixture();

  @AfterEach
  void stop() {
    cd.close();
  }

  @Test
  void aLambdaApplicationIsCreatedOnceAndReadBack() {
    String id = cd.client.createApplication(r -> r.applicationName(APP).computePlatform(ComputePlatform.LAMBDA)).applicationId();
    ApplicationInfo info = cd.client.getApplication(r -> r.applicationName(APP)).application();
    assertThat(info.applicationId()).isEqualTo(id);
    assertThat(info.computePlatform()).isEqualTo(ComputePlatform.LAMBDA);
    assertThat(info.createTime()).isEqualTo(CodeDeployFixture.T0);
    assertThatThrownBy(() -> cd.createApplication()).isInstanceOf(ApplicationAlreadyExistsException.class);
    assertThat(cd.client.listApplications().applications()).containsExactly(APP);
  }

  @Test
  void onlyTheLambdaComputePlatformIsServed() {
    assertThatThrownBy(() -> cd.client.createApplication(r -> r.applicationName("servers").computePlatform(ComputePlatform.SERVER)))
        .isInstanceOf(InvalidComputePlatformException.class);
    assertThatThrownBy(() -> cd.client.createApplication(r -> r.applicationName("default")))
        .isInstanceOf(InvalidComputePlatformException.class);
    assertThat(cd.client.listApplications().applications()).isEmpty();
  }

  /** applicationName: "Minimum length of 1. Maximum length of 100." */
  @Test
  void applicationNamesAreRequiredAndAtMostOneHundredCharacters() {
    assertThatThrownBy(() -> cd.client.createApplication(r -> r.computePlatform(ComputePlatform.LAMBDA)))
        .isInstanceOf(ApplicationNameRequiredException.class);
    assertThatThrownBy(() -> cd.client.createApplication(r -> r.applicationName("a".repeat(101)).computePlatform(ComputePlatform.LAMBDA)))
        .isInstanceOf(InvalidApplicationNameException.class);
    cd.client.createApplication(r -> r.applicationName("a".repeat(100)).computePlatform(ComputePlatform.LAMBDA));
  }

  @Test
  void aDeploymentGroupKeepsItsAlarmsRollbackAndConfigAndIsAlwaysBlueGreenWithTrafficControl() {
    cd.createGroup("CodeDeployDefault.LambdaLinear10PercentEvery1Minute", r -> r
        .alarmConfiguration(a -> a.enabled(true).alarms(x -> x.name("fast-burn"), x -> x.name("errors")))
        .autoRollbackConfiguration(a -> a.enabled(true).eventsWithStrings("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM")));
    DeploymentGroupInfo info = group();
    assertThat(info.deploymentConfigName()).isEqualTo("CodeDeployDefault.LambdaLinear10PercentEvery1Minute");
    assertThat(info.serviceRoleArn()).isEqualTo(ROLE);
    assertThat(info.computePlatform()).isEqualTo(ComputePlatform.LAMBDA);
    assertThat(info.alarmConfiguration().enabled()).isTrue();
    assertThat(info.alarmConfiguration().alarms()).extracting(a -> a.name()).containsExactly("fast-burn", "errors");
    assertThat(info.autoRollbackConfiguration().eventsAsStrings()).containsExactlyInAnyOrder("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM");
    assertThat(info.deploymentStyle().deploymentType()).isEqualTo(DeploymentType.BLUE_GREEN);
    assertThat(info.deploymentStyle().deploymentOption()).isEqualTo(DeploymentOption.WITH_TRAFFIC_CONTROL);
    assertThat(cd.client.listDeploymentGroups(r -> r.applicationName(APP)).deploymentGroups()).containsExactly(GROUP);
  }

  @Test
  void aGroupReportsItsLastAttemptedAndLastSuccessfulDeployments() {
    cd.createGroup("CodeDeployDefault.LambdaAllAtOnce");
    String good = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    String bad = cd.deploy(CodeDeployFixture.appSpec(CodeDeployFixture.PRE_TRAFFIC, null));
    cd.report(cd.lastInvocation(), software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus.FAILED);
    DeploymentGroupInfo info = group();
    assertThat(info.lastSuccessfulDeployment().deploymentId()).isEqualTo(good);
    assertThat(info.lastAttemptedDeployment().deploymentId()).isEqualTo(bad);
    assertThat(info.lastAttemptedDeployment().status()).isEqualTo(DeploymentStatus.FAILED);
  }

  @Test
  void aGroupNeedsAnExistingApplicationAndAUniqueName() {
    assertThatThrownBy(() -> createGroup(r -> {})).isInstanceOf(ApplicationDoesNotExistException.class);
    cd.createApplication();
    createGroup(r -> {});
    assertThatThrownBy(() -> createGroup(r -> {})).isInstanceOf(DeploymentGroupAlreadyExistsException.class);
    assertThatThrownBy(() -> cd.client.getDeploymentGroup(r -> r.applicationName(APP).deploymentGroupName("other")))
        .isInstanceOf(DeploymentGroupDoesNotExistException.class);
  }

  /** serviceRoleArn: "Required: Yes". */
  @Test
  void aGroupNeedsAServiceRoleArn() {
    cd.createApplication();
    assertThatThrownBy(() -> cd.client.createDeploymentGroup(r -> r.applicationName(APP).deploymentGroupName(GROUP)))
        .isInstanceOf(RoleRequiredException.class);
    assertThatThrownBy(() -> createGroup(r -> r.serviceRoleArn("CodeDeployServiceRole"))).isInstanceOf(InvalidRoleException.class);
  }

  @Test
  void aGroupsConfigMustBeAPredefinedLambdaConfig() {
    cd.createApplication();
    assertThatThrownBy(() -> createGroup(r -> r.deploymentConfigName("CodeDeployDefault.OneAtATime")))
        .isInstanceOf(DeploymentConfigDoesNotExistException.class);
    assertThatThrownBy(() -> cd.client.getDeploymentConfig(r -> r.deploymentConfigName("CodeDeployDefault.LambdaCanary50Percent1Minute")))
        .isInstanceOf(DeploymentConfigDoesNotExistException.class);
  }

  /** "You can associate up to ten CloudWatch alarms with an AWS CodeDeploy deployment group." */
  @Test
  void aGroupWatchesAtMostTenAlarms() {
    cd.createApplication();
    String[] eleven = IntStream.range(0, 11).mapToObj(i -> "alarm-" + i).toArray(String[]::new);
    assertThatThrownBy(() -> createGroup(r -> r.alarmConfiguration(a -> a.enabled(true).alarms(
        java.util.Arrays.stream(eleven).map(n -> software.amazon.awssdk.services.codedeploy.model.Alarm.builder().name(n).build()).toList()))))
        .isInstanceOf(AlarmsLimitExceededException.class);
  }

  /** InvalidAlarmConfigException: an empty or over-long name, a name given twice, or enabled with no alarms. */
  @Test
  void anInvalidAlarmConfigurationIsRefused() {
    cd.createApplication();
    assertThatThrownBy(() -> createGroup(r -> r.alarmConfiguration(a -> a.enabled(true)))).isInstanceOf(InvalidAlarmConfigException.class);
    assertThatThrownBy(() -> createGroup(r -> r.alarmConfiguration(a -> a.enabled(true).alarms(x -> x.name("e"), x -> x.name("e")))))
        .isInstanceOf(InvalidAlarmConfigException.class);
    assertThatThrownBy(() -> createGroup(r -> r.alarmConfiguration(a -> a.enabled(true).alarms(x -> x.name("x".repeat(256))))))
        .isInstanceOf(InvalidAlarmConfigException.class);
    assertThat(cd.client.listDeploymentGroups(r -> r.applicationName(APP)).deploymentGroups()).isEmpty();
  }

  /** InvalidAutoRollbackConfigException: "automatic rollback is enabled, but an invalid triggering event type or no event types were listed". */
  @Test
  void anInvalidAutoRollbackConfigurationIsRefused() {
    cd.createApplication();
    assertThatThrownBy(() -> createGroup(r -> r.autoRollbackConfiguration(a -> a.enabled(true))))
        .isInstanceOf(InvalidAutoRollbackConfigException.class);
    assertThatThrownBy(() -> createGroup(r -> r.autoRollbackConfiguration(a -> a.enabled(true).eventsWithStrings("DEPLOYMENT_SLOW"))))
        .isInstanceOf(InvalidAutoRollbackConfigException.class);
  }

  @Test
  void aLambdaGroupCannotBeInPlace() {
    cd.createApplication();
    assertThatThrownBy(() -> createGroup(r -> r.deploymentStyle(s -> s.deploymentType(DeploymentType.IN_PLACE))))
        .isInstanceOf(InvalidDeploymentStyleException.class);
  }

  private void createGroup(Consumer<CreateDeploymentGroupRequest.Builder> settings) {
    cd.client.createDeploymentGroup(r -> {
      r.applicationName(APP).deploymentGroupName(GROUP).serviceRoleArn(ROLE);
      settings.accept(r);
    });
  }

  private DeploymentGroupInfo group() {
    return cd.client.getDeploymentGroup(r -> r.applicationName(APP).deploymentGroupName(GROUP)).deploymentGroupInfo();
  }
}
