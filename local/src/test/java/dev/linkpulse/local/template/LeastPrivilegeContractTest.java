package dev.linkpulse.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** template.yaml grants least privilege: scoped IAM statements, and queue policies that admit only their sender. */
class LeastPrivilegeContractTest {
  static final Template template = ProjectTemplate.TEMPLATE;

  @Test
  void noPolicyStatementGrantsWildcardActionsOrResources() {
    List<String> problems = new ArrayList<>();
    for (FunctionSpec fn : template.functions()) {
      // No Policies at all is allowed (the basic execution role only); anything declared must be scoped.
      List<Object> policies = Template.list(fn.properties().get("Policies"));
      for (Object policy : policies) {
        if (policy instanceof String managed) {
          problems.add(fn.logicalId() + ": managed policy " + managed + " (write a scoped statement)");
          continue;
        }
        Map<String, Object> p = Template.map(policy);
        if (!p.containsKey("Statement")) {
          problems.add(fn.logicalId() + ": SAM policy template " + p.keySet() + " (write a scoped statement)");
          continue;
        }
        for (Object s : Template.list(p.get("Statement"))) {
          Map<String, Object> statement = Template.map(s);
          for (Object action : Template.list(statement.get("Action"))) {
            String a = String.valueOf(action);
            if (a.equals("*") || a.endsWith(":*")) problems.add(fn.logicalId() + ": Action " + a);
          }
          for (Object resource : Template.list(statement.get("Resource"))) {
            if ("*".equals(String.valueOf(resource))) problems.add(fn.logicalId() + ": Resource *");
          }
          if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) problems.add(fn.logicalId() + ": NotAction/NotResource");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theReviewSweepMayOnlyQueryTheSparseReviewQueueIndex_whichProjectsKeysOnly() {
    FunctionSpec sweep = ProjectTemplate.function("ReviewQueueSweepFunction");
    List<Object> statements = Template.list(Template.map(Template.list(sweep.properties().get("Policies")).get(0)).get("Statement"));
    assertThat(statements).hasSize(1);
    Map<String, Object> only = Template.map(statements.get(0));
    assertThat(Template.list(only.get("Action"))).containsExactly("dynamodb:Query");
    assertThat(only.get("Resource")).isEqualTo(Map.of("Fn::Sub", "${LinkpulseTable.Arn}/index/" + dev.linkpulse.core.Keys.REVIEW_INDEX));
    Map<String, Object> table = template.resourcesOfType("AWS::DynamoDB::Table").get("LinkpulseTable");
    Map<String, Object> index = Template.list(table.get("GlobalSecondaryIndexes")).stream().map(Template::map)
        .filter(i -> dev.linkpulse.core.Keys.REVIEW_INDEX.equals(i.get("IndexName"))).findFirst().orElseThrow();
    assertThat(Template.map(index.get("Projection"))).containsEntry("ProjectionType", "KEYS_ONLY");
    assertThat(Template.list(index.get("KeySchema")).stream().map(k -> Template.map(k).get("AttributeName")))
        .containsExactly(dev.linkpulse.core.Keys.REVIEW_PK, dev.linkpulse.core.Keys.REVIEW_SK);
  }

  @Test
  void theClicksQueueAdmitsOnlyTheClickRule() {
    Map<String, Object> policy = template.resourcesOfType("AWS::SQS::QueuePolicy").get("ClicksQueuePolicy");
    assertThat(Resolver.references(policy.get("Queues"))).containsExactly("ClicksQueue");
    List<Object> statements = Template.list(Template.map(policy.get("PolicyDocument")).get("Statement"));
    assertThat(statements).hasSize(1);
    Map<String, Object> st = Template.map(statements.get(0));
    assertThat(st.get("Effect")).isEqualTo("Allow");
    assertThat(Template.map(st.get("Principal")).get("Service")).isEqualTo("events.amazonaws.com");
    assertThat(st.get("Action")).isEqualTo("sqs:SendMessage");
    assertThat(Resolver.references(Template.map(Template.map(st.get("Condition")).get("ArnEquals")).get("aws:SourceArn"))).containsExactly("ClickRule");
  }
}
