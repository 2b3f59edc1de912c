package dev.linkpulse.emulators.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SAM's DeploymentPreference Type names ("Traffic Shifting Configurations") and the CodeDeploy configurations they name. */
class SamDeploymentPreferenceTest {
  @ParameterizedTest
  @ValueSource(strings = {"Canary10Percent30Minutes", "Canary10Percent5Minutes", "Canary10Percent10Minutes",
      "Canary10Percent15Minutes", "AllAtOnce", "Linear10PercentEvery10Minutes", "Linear10PercentEvery1Minute",
      "Linear10PercentEvery2Minutes", "Linear10PercentEvery3Minutes"})
  void eachSamTypeIsTheCodeDeployDefaultLambdaConfigurationOfTheSameName(String type) {
    String name = SamDeploymentPreference.deploymentConfigName(type);
    assertThat(name).isEqualTo("CodeDeployDefault.Lambda" + type);
    assertThat(LambdaDeploymentConfig.predefined(name)).isPresent();
  }

  @Test
  void theKnownTypesAreExactlySamsNine() {
    assertThat(SamDeploymentPreference.types()).hasSize(9).contains("Canary10Percent5Minutes", "AllAtOnce");
  }

  @Test
  void aCodeDeployConfigurationNameIsTakenAsIs() {
    assertThat(SamDeploymentPreference.deploymentConfigName("CodeDeployDefault.LambdaLinear10PercentEvery2Minutes"))
        .isEqualTo("CodeDeployDefault.LambdaLinear10PercentEvery2Minutes");
  }

  @Test
  void anUnknownTypeIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> SamDeploymentPreference.deploymentConfigName("Canary50Percent1Minute"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Canary50Percent1Minute")
        .hasMessageContaining("Linear10PercentEvery3Minutes");
  }

  @Test
  void aTypeInTheWrongCaseIsRefusedWithTheRightSpelling() {
    assertThatThrownBy(() -> SamDeploymentPreference.deploymentConfigName("canary10percent5minutes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did you mean Canary10Percent5Minutes?");
  }

  @Test
  void anEmptyTypeIsRefused() {
    assertThatThrownBy(() -> SamDeploymentPreference.deploymentConfigName(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
