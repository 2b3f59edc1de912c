package dev.linkpulse.emulators.codedeploy;

import static dev.linkpulse.emulators.codedeploy.CodeDeployFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.codedeploy.CodeDeployFixture.Shift;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoutingType;

/** Each predefined Lambda configuration moves the alias on its documented schedule, seen through the real client. */
class PredefinedConfigConformanceTest {
  private CodeDeployFixture cd;

  @BeforeEach
  void start() {
    cd = new CodeDeployFixture();
  }

  @AfterEach
  void stop() {
    cd.close();
  }

  /** Config name, target shares in order, minutes between shifts. */
  static Stream<Arguments> configs() {
    List<Arguments> all = new ArrayList<>();
    all.add(Arguments.of("CodeDeployDefault.LambdaAllAtOnce", List.of(100), 0));
    for (int m : new int[] {5, 10, 15, 30}) all.add(Arguments.of("CodeDeployDefault.LambdaCanary10Percent" + m + "Minutes", List.of(10, 100), m));
    for (String m : new String[] {"1Minute", "2Minutes", "3Minutes", "10Minutes"}) {
      all.add(Arguments.of("CodeDeployDefault.LambdaLinear10PercentEvery" + m, List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100),
          Integer.parseInt(m.replaceAll("\\D", ""))));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void eachPredefinedConfigShiftsTheAliasOnItsDocumentedSchedule(String config, List<Integer> shares, int minutes) {
    cd.createGroup(config);
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    for (int i = 1; i < shares.size(); i++) {
      assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
      cd.advance(Duration.ofMinutes(minutes));
    }
    List<Shift> expected = new ArrayList<>();
    for (int i = 0; i < shares.size(); i++) {
      expected.add(new Shift(T0.plus(Duration.ofMinutes((long) i * minutes)), CodeDeployFixture.FUNCTION, CodeDeployFixture.ALIAS,
          weights(shares.get(i))));
    }
    assertThat(cd.shifts).isEqualTo(expected);
    assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
    assertThat(cd.info(id).completeTime()).isEqualTo(T0.plus(Duration.ofMinutes((long) (shares.size() - 1) * minutes)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void getDeploymentConfigDescribesEachPredefinedConfigsTrafficRouting(String config, List<Integer> shares, int minutes) {
    DeploymentConfigInfo info = cd.client.getDeploymentConfig(r -> r.deploymentConfigName(config)).deploymentConfigInfo();
    assertThat(info.deploymentConfigName()).isEqualTo(config);
    assertThat(info.computePlatformAsString()).isEqualTo("Lambda");
    switch (info.trafficRoutingConfig().type()) {
      case ALL_AT_ONCE -> assertThat(shares).containsExactly(100);
      case TIME_BASED_CANARY -> {
        assertThat(info.trafficRoutingConfig().timeBasedCanary().canaryPercentage()).isEqualTo(shares.get(0));
        assertThat(info.trafficRoutingConfig().timeBasedCanary().canaryInterval()).isEqualTo(minutes);
      }
      case TIME_BASED_LINEAR -> {
        assertThat(info.trafficRoutingConfig().timeBasedLinear().linearPercentage()).isEqualTo(shares.get(0));
        assertThat(info.trafficRoutingConfig().timeBasedLinear().linearInterval()).isEqualTo(minutes);
      }
      default -> throw new AssertionError("unexpected type " + info.trafficRoutingConfig().type());
    }
    assertThat(info.trafficRoutingConfig().type()).isNotEqualTo(TrafficRoutingType.UNKNOWN_TO_SDK_VERSION);
  }

  /** "If specified, the deployment configuration name ... overrides the deployment group's." */
  @Test
  void aDeploymentsConfigNameOverridesTheGroups() {
    cd.createGroup("CodeDeployDefault.LambdaLinear10PercentEvery10Minutes");
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks(),
        r -> r.deploymentConfigName("CodeDeployDefault.LambdaCanary10Percent5Minutes"));
    cd.advance(Duration.ofMinutes(5));
    assertThat(cd.shifts).extracting(Shift::at).containsExactly(T0, T0.plus(Duration.ofMinutes(5)));
    assertThat(cd.info(id).deploymentConfigName()).isEqualTo("CodeDeployDefault.LambdaCanary10Percent5Minutes");
  }

  @Test
  void aGroupWithoutAConfigDeploysAllAtOnce() {
    cd.createGroup(null);
    String id = cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    assertThat(cd.shifts).extracting(Shift::weights).containsExactly(Map.of("2", 1.0));
    assertThat(cd.info(id).deploymentConfigName()).isEqualTo("CodeDeployDefault.LambdaAllAtOnce");
  }

  @Test
  void nothingShiftsBeforeTheIntervalHasPassed() {
    cd.createGroup("CodeDeployDefault.LambdaCanary10Percent30Minutes");
    cd.deploy(CodeDeployFixture.appSpecWithoutHooks());
    cd.advance(Duration.ofMinutes(30).minusMillis(1));
    assertThat(cd.aliasWeights()).isEqualTo(weights(10));
    cd.advance(Duration.ofMillis(1));
    assertThat(cd.aliasWeights()).isEqualTo(weights(100));
  }

  private static Map<String, Double> weights(int targetPercent) {
    return targetPercent == 100 ? Map.of("2", 1.0) : Map.of("1", (100 - targetPercent) / 100.0, "2", targetPercent / 100.0);
  }
}
