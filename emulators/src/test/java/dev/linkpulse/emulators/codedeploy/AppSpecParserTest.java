package dev.linkpulse.emulators.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.emulators.protocol.AwsServiceException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Lambda AppSpec of the user guide's "AppSpec File example for an AWS Lambda deployment" and its sections. */
class AppSpecParserTest {
  /** The user guide's YAML example for a Lambda deployment. */
  static final String GUIDE_YAML = """
      version: 0.0
      Resources:
        - myLambdaFunction:
            Type: AWS::Lambda::Function
            Properties:
              Name: "myLambdaFunction"
              Alias: "myLambdaFunctionAlias"
              CurrentVersion: "1"
              TargetVersion: "2"
      Hooks:
        - BeforeAllowTraffic: "LambdaFunctionToValidateBeforeTrafficShift"
        - AfterAllowTraffic: "LambdaFunctionToValidateAfterTrafficShift"
      """;

  @Test
  void theUserGuidesYamlExampleReadsAsOneFunctionWithTwoHooks() {
    assertThat(AppSpecParser.parse(GUIDE_YAML)).isEqualTo(new AppSpec("myLambdaFunction", "myLambdaFunctionAlias", "1", "2",
        Map.of(LifecycleEventName.BEFORE_ALLOW_TRAFFIC, "LambdaFunctionToValidateBeforeTrafficShift",
            LifecycleEventName.AFTER_ALLOW_TRAFFIC, "LambdaFunctionToValidateAfterTrafficShift")));
  }

  /** The 'resources' section spells its keys in lower case; JSON with tabs, as in the guide's 'hooks' JSON example. */
  @Test
  void theResourcesSectionsLowerCaseJsonFormReadsTheSame() {
    String json = "{\n\t\"version\": 0.0,\n\t\"resources\": [{\"fn\": {\"type\": \"AWS::Lambda::Function\", \"properties\": {\n"
        + "\t\t\"name\": \"fn\", \"alias\": \"live\", \"currentversion\": \"3\", \"targetversion\": \"4\"}}}],\n"
        + "\t\"hooks\": [{\"BeforeAllowTraffic\": \"pre\"}, {\"AfterAllowTraffic\": \"post\"}]\n}";
    AppSpec spec = AppSpecParser.parse(json);
    assertThat(spec.functionName()).isEqualTo("fn");
    assertThat(spec.currentVersion()).isEqualTo("3");
    assertThat(spec.hook(LifecycleEventName.AFTER_ALLOW_TRAFFIC)).hasValue("post");
  }

  @Test
  void hooksAreOptionalAndUnquotedVersionsReadAsText() {
    AppSpec spec = AppSpecParser.parse(CodeDeployFixture.appSpecWithoutHooks());
    assertThat(spec.hooks()).isEmpty();
    assertThat(spec.currentVersion()).isEqualTo("1");
    assertThat(spec.targetVersion()).isEqualTo("2");
  }

  /** "Each property is specified with a string": name, alias, currentversion and targetversion are each "Required". */
  @ParameterizedTest
  @ValueSource(strings = {"Name", "Alias", "CurrentVersion", "TargetVersion"})
  void eachResourcePropertyIsRequired(String property) {
    String spec = GUIDE_YAML.lines().filter(l -> !l.trim().startsWith(property + ":")).reduce("", (a, l) -> a + l + "\n");
    assertInvalid(spec, "'" + property + "' is required");
  }

  @Test
  void anAppSpecDeploysExactlyOneFunction() {
    String two = GUIDE_YAML.replace("Hooks:", """
          - other:
              Type: AWS::Lambda::Function
              Properties: {Name: o, Alias: a, CurrentVersion: 1, TargetVersion: 2}
        Hooks:""");
    assertInvalid(two, "exactly one AWS::Lambda::Function");
  }

  @Test
  void aResourceThatIsNotALambdaFunctionIsRefused() {
    assertInvalid(GUIDE_YAML.replace("AWS::Lambda::Function", "AWS::ECS::Service"), "must be AWS::Lambda::Function");
  }

  /** "For AWS Lambda deployments, the available lifecycle hooks are BeforeAllowTraffic and AfterAllowTraffic." */
  @ParameterizedTest
  @ValueSource(strings = {"BeforeInstall", "AllowTraffic", "AfterAllowTestTraffic", "Start"})
  void onlyTheTwoLambdaHooksMayBeScripted(String event) {
    assertInvalid(GUIDE_YAML.replace("BeforeAllowTraffic:", event + ":"), "not a Lambda lifecycle hook");
  }

  /** "Each hook is executed once per deployment." */
  @Test
  void aHookGivenTwiceIsRefused() {
    assertInvalid(GUIDE_YAML + "  - BeforeAllowTraffic: again\n", "given twice");
  }

  @Test
  void theVersionMustBeZeroPointZero() {
    assertInvalid(GUIDE_YAML.replace("version: 0.0", "version: 1.0"), "'version' must be 0.0");
    assertInvalid(GUIDE_YAML.replace("version: 0.0\n", ""), "'version' must be 0.0");
  }

  @Test
  void theSameCurrentAndTargetVersionHasNothingToShift() {
    assertInvalid(GUIDE_YAML.replace("TargetVersion: \"2\"", "TargetVersion: \"1\""), "no traffic to shift");
  }

  @Test
  void contentThatIsNeitherYamlNorJsonIsRefused() {
    assertInvalid("{\"version\": 0.0,", "neither valid YAML nor valid JSON");
    assertInvalid("", "empty");
  }

  private static void assertInvalid(String content, String why) {
    assertThatThrownBy(() -> AppSpecParser.parse(content)).isInstanceOf(AwsServiceException.class)
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(((AwsServiceException) e).errorType()).isEqualTo("InvalidRevisionException"));
  }
}
