package dev.linkpulse.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.codedeploy.SamDeploymentPreference;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary deploys in template.yaml: every function that serves requests or consumes events shifts through its alias,
 * every route and mapping follows the alias (a bare function would keep all traffic on the old code), its alarms
 * exist, and its hooks may do exactly their job.
 */
class CanaryContractTest {
  /** The moderation saga's starter (it consumes LinkCreatedQueue) and its steps (the state machine's tasks). */
  static final List<String> SAGA = List.of("SagaStarterFunction", "ReserveQuotaFunction", "ScreenFunction", "EnterReviewFunction",
      "ActivateFunction", "RejectFunction", "ReleaseQuotaFunction", "MarkFailedFunction");
  static final Path root = ProjectTemplate.ROOT;
  static final Template template = ProjectTemplate.TEMPLATE;

  @Test
  void everyFunctionThatServesOrConsumesIsPublishedThroughAnAliasWithADeploymentPreference() {
    Set<String> served = AliasTargets.servingFunctions(template);
    assertThat(served).contains("RedirectFunction", "CreateLinkFunction", "RecorderFunction", "AggregatorFunction",
        "WsAuthorizerFunction", "WsRoutesFunction", "StatsFunction").containsAll(SAGA);
    Map<String, Map<String, Object>> functions = template.resourcesOfType("AWS::Serverless::Function");
    for (String id : served) {
      Map<String, Object> fn = functions.get(id);
      assertThat(fn).as(id).containsKeys("AutoPublishAlias", "DeploymentPreference");
      String parameter = Resolver.references(Template.map(fn.get("DeploymentPreference")).get("Type")).get(0);
      Map<String, Object> spec = Template.map(template.parameters().get(parameter));
      assertThat(Template.list(spec.get("AllowedValues")).stream().map(String::valueOf))
          .as(id + ": " + parameter + " offers only types CodeDeploy has").allMatch(SamDeploymentPreference.types()::contains);
    }
  }

  @Test
  void theRedirectTakesACanaryAndTheLinksApiAndPipelineShiftLinearly() {
    assertThat(defaultType("RedirectFunction")).startsWith("Canary");
    for (String id : List.of("CreateLinkFunction", "ListLinksFunction", "GetLinkFunction", "DeleteLinkFunction",
        "RecorderFunction", "AggregatorFunction")) {
      assertThat(defaultType(id)).as(id).startsWith("Linear");
    }
  }

  @Test
  void noRouteMappingPermissionOrAuthorizerTargetsABareFunction() {
    assertThat(AliasTargets.bareTargets(template)).isEmpty();
  }

  @Test
  void aRouteToABareFunctionIsCaught(@TempDir Path dir) throws IOException {
    Template t = ProjectTemplate.edited(dir, yaml -> yaml
        .replace("${WsRoutesFunction.Alias}/invocations", "${WsRoutesFunction.Arn}/invocations")
        .replace("FunctionName: !Ref WsAuthorizerFunction.Alias", "FunctionName: !Ref WsAuthorizerFunction")
        .replace("ScreenFunctionArn: !Ref ScreenFunction.Alias", "ScreenFunctionArn: !GetAtt ScreenFunction.Arn")
        .replaceFirst("      AutoPublishAlias: live\n", ""));
    assertThat(AliasTargets.bareTargets(t)).hasSize(4)
        .anyMatch(p -> p.startsWith("WsRoutesIntegration")).anyMatch(p -> p.startsWith("WsAuthorizerPermission"))
        .anyMatch(p -> p.startsWith("ModerationStateMachine: targets ScreenFunction.Arn")).anyMatch(p -> p.contains("no AutoPublishAlias"));
  }

  @Test
  void everyDeploymentIsWatchedByItsFunctionsErrorAlarmAndAFastBurnAlarmWhereItHasAnSlo() throws IOException {
    String alarmsYaml = Files.readString(root.resolve("alarms/alarms.yaml"));
    Map<String, Map<String, Object>> functions = template.resourcesOfType("AWS::Serverless::Function");
    for (String id : AliasTargets.servingFunctions(template)) {
      List<String> alarms = alarms(functions.get(id));
      assertThat(alarms).as(id + " alarms").isNotEmpty();
      for (String alarm : alarms) {
        assertThat(alarm).startsWith("${AWS::StackName}-");
        assertThat(alarmsYaml).as(id + ": alarm " + alarm + " exists in alarms/alarms.yaml")
            .contains("AlarmName: !Sub '${AlarmNamePrefix}-" + alarm.substring("${AWS::StackName}-".length()) + "'");
      }
    }
    assertThat(alarms(functions.get("RedirectFunction"))).contains("${AWS::StackName}-redirect-availability-fast-burn",
        "${AWS::StackName}-redirect-errors");
    for (String id : List.of("RecorderFunction", "AggregatorFunction")) {
      assertThat(alarms(functions.get(id))).contains("${AWS::StackName}-click-freshness-fast-burn", "${AWS::StackName}-pipeline-errors");
    }
    assertThat(alarms(functions.get("CreateLinkFunction"))).contains("${AWS::StackName}-api-errors");
    for (String id : SAGA) {
      assertThat(alarms(functions.get(id))).as(id).contains("${AWS::StackName}-moderation-errors", "${AWS::StackName}-moderation-executions-failed");
    }
  }

  @Test
  void theSagasStarterAndStepsShiftByTheirOwnParameter_andTheStateMachineInvokesTheAliases() {
    for (String id : SAGA) assertThat(defaultType(id)).as(id).startsWith("Linear");
    Map<String, Object> machine = template.resourcesOfType("AWS::Serverless::StateMachine").get("ModerationStateMachine");
    Map<String, Object> substitutions = Template.map(machine.get("DefinitionSubstitutions"));
    for (String id : SAGA.subList(1, SAGA.size())) {
      assertThat(substitutions.get(id + "Arn")).as(id).isEqualTo(Map.of("Ref", id + ".Alias"));
    }
  }

  @Test
  void theDeployDrillsOfAFaultyVersionAreNeverSetByTheTemplate() {
    List<String> set = new ArrayList<>();
    template.walk((key, value) -> {
      if (dev.linkpulse.core.DeployDrills.ALL.contains(key)) set.add(key);
    });
    assertThat(set).isEmpty();
  }

  @Test
  void theRedirectRecorderAggregatorAndAuthorizerHaveTheirHooks() {
    assertThat(hooks("RedirectFunction")).containsOnlyKeys("PreTraffic", "PostTraffic");
    assertThat(hooks("RecorderFunction")).containsOnlyKeys("PreTraffic", "PostTraffic");
    assertThat(hooks("AggregatorFunction")).containsOnlyKeys("PreTraffic", "PostTraffic");
    assertThat(hooks("WsAuthorizerFunction")).containsKey("PreTraffic");
  }

  @Test
  void everyHookIsNamedForCodeDeploysRoleAndMayOnlyReportOnItsGroupAndInvokeTheNewVersion() {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> functions = template.resourcesOfType("AWS::Serverless::Function");
    for (String target : AliasTargets.servingFunctions(template)) {
      for (Object ref : hooks(target).values()) {
        String hookId = Resolver.references(ref).get(0);
        problems.addAll(HookPolicy.problems(hookId, functions.get(hookId), target));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aHookThatMayInvokeEveryVersionOrReportOnEveryGroupIsCaught() {
    Map<String, Object> hook = Map.of("FunctionName", Map.of("Fn::Sub", "CodeDeployHook_${AWS::StackName}_x"),
        "Environment", Map.of("Variables", Map.of("NEW_VERSION", Map.of("Ref", "RedirectFunction.Version"))),
        "Policies", List.of(Map.of("Statement", List.of(
            Map.of("Effect", "Allow", "Action", List.of("codedeploy:PutLifecycleEventHookExecutionStatus"),
                "Resource", Map.of("Fn::Sub", "arn:aws:codedeploy:r:a:deploymentgroup:${ServerlessDeploymentApplication}/*")),
            Map.of("Effect", "Allow", "Action", List.of("lambda:InvokeFunction"), "Resource", Map.of("Fn::GetAtt", List.of("RedirectFunction", "Arn")))))));
    assertThat(HookPolicy.problems("Hook", hook, "RedirectFunction")).hasSize(2);
  }

  private static String defaultType(String id) {
    Map<String, Object> fn = template.resourcesOfType("AWS::Serverless::Function").get(id);
    String parameter = Resolver.references(Template.map(fn.get("DeploymentPreference")).get("Type")).get(0);
    return String.valueOf(Template.map(template.parameters().get(parameter)).get("Default"));
  }

  private static List<String> alarms(Map<String, Object> fn) {
    List<String> names = new ArrayList<>();
    for (Object a : Template.list(Template.map(fn.get("DeploymentPreference")).get("Alarms"))) {
      names.add(String.valueOf(Template.map(a).getOrDefault("Fn::Sub", a)));
    }
    return names;
  }

  private static Map<String, Object> hooks(String id) {
    Map<String, Object> fn = template.resourcesOfType("AWS::Serverless::Function").get(id);
    return Template.map(Template.map(fn.get("DeploymentPreference")).get("Hooks"));
  }
}
