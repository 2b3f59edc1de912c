package dev.linkpulse.local.template;

import dev.linkpulse.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a CodeDeploy hook function may be: named {@code CodeDeployHook_*} (the only functions the role SAM gives
 * CodeDeploy may invoke), told the version under test by its environment, allowed to report on its own deployment
 * group and to invoke that version, and nothing wider.
 */
final class HookPolicy {
  static final String REPORT = "codedeploy:PutLifecycleEventHookExecutionStatus";
  static final String INVOKE = "lambda:InvokeFunction";

  private HookPolicy() {}

  static List<String> problems(String hookId, Map<String, Object> hook, String target) {
    List<String> problems = new ArrayList<>();
    String name = String.valueOf(Template.map(hook.get("FunctionName")).getOrDefault("Fn::Sub", hook.get("FunctionName")));
    if (!name.startsWith("CodeDeployHook_")) problems.add(hookId + ": FunctionName " + name + " does not start with CodeDeployHook_");
    if (hook.containsKey("AutoPublishAlias") || hook.containsKey("Events")) problems.add(hookId + ": a hook takes no traffic and no alias");
    Object version = Template.map(Template.map(hook.get("Environment")).get("Variables")).get("NEW_VERSION");
    if (!Map.of("Ref", target + ".Version").equals(version)) problems.add(hookId + ": NEW_VERSION is not !Ref " + target + ".Version");
    boolean reports = false;
    for (Object policy : Template.list(hook.get("Policies"))) {
      for (Object s : Template.list(Template.map(policy).get("Statement"))) {
        Map<String, Object> statement = Template.map(s);
        List<String> actions = Template.list(statement.get("Action")).stream().map(String::valueOf).toList();
        Object resource = statement.get("Resource");
        if (actions.contains(REPORT)) {
          reports = true;
          String arn = String.valueOf(Template.map(resource).get("Fn::Sub"));
          if (!arn.endsWith(":deploymentgroup:${ServerlessDeploymentApplication}/${" + target + "DeploymentGroup}")) {
            problems.add(hookId + ": " + REPORT + " on " + resource + ", not " + target + "'s deployment group");
          }
        }
        if (actions.contains(INVOKE) && !Map.of("Ref", target + ".Version").equals(resource)) {
          problems.add(hookId + ": " + INVOKE + " on " + resource + ", not !Ref " + target + ".Version");
        }
      }
    }
    if (!reports) problems.add(hookId + ": may not report its status (" + REPORT + ")");
    return problems;
  }
}
