package dev.linkpulse.ops.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkCodes;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.ops.UsageError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * The moderation sagas of one deployment as the commands see them: executions through the Step Functions API, links
 * and their review tokens in the table. An execution is named {@code <code>-<incarnation>} (a retry adds
 * {@code -retry-<n>}), so a code's executions are found by name and checked against their input.
 */
final class Sagas {
  static final int MAX_EXECUTIONS = 1000;
  private final SfnClient sfn;
  private final DynamoDbClient dynamo;
  private final String table;
  private final String machineArn;

  Sagas(SfnClient sfn, DynamoDbClient dynamo, ModerationTarget target) {
    this.sfn = sfn;
    this.dynamo = dynamo;
    this.table = target.table();
    this.machineArn = machine(sfn, target.stateMachine);
  }

  private static String machine(SfnClient sfn, String given) {
    List<StateMachineListItem> machines = sfn.listStateMachinesPaginator(r -> {}).stateMachines().stream().toList();
    List<StateMachineListItem> matches = machines.stream().filter(m -> given == null
        ? m.name().toLowerCase(java.util.Locale.ROOT).contains("moderation")
        : m.stateMachineArn().equals(given) || m.name().equals(given)).toList();
    if (matches.size() == 1) return matches.get(0).stateMachineArn();
    if (given != null) throw new UsageError("no state machine " + given + " (there are " + machines.stream().map(StateMachineListItem::name).toList() + ")");
    throw new UsageError(matches.isEmpty() ? "no moderation state machine found; pass --state-machine"
        : "several moderation state machines " + matches.stream().map(StateMachineListItem::name).toList() + "; pass --state-machine");
  }

  String machineArn() {
    return machineArn;
  }

  static String checkedCode(String code) {
    if (code == null || !LinkCodes.possible(code)) throw new UsageError("'" + code + "' is not a link code ([A-Za-z0-9_-]{3,64})");
    return code;
  }

  /** Recent executions, newest first. */
  List<ExecutionListItem> executions() {
    return sfn.listExecutionsPaginator(r -> r.stateMachineArn(machineArn)).executions().stream().limit(MAX_EXECUTIONS).toList();
  }

  /**
   * The code's executions, newest first; a name match is confirmed by the execution's input.
   *
   * @throws UsageError when the code has none
   */
  List<ExecutionListItem> executionsOf(String code) {
    List<ExecutionListItem> mine = new ArrayList<>();
    for (ExecutionListItem e : executions()) {
      if (e.name().startsWith(code + "-") && code.equals(input(e.executionArn()).path("link").path("code").asText())) mine.add(e);
    }
    if (mine.isEmpty()) throw new UsageError("no moderation execution for " + code);
    mine.sort(Comparator.comparing(ExecutionListItem::startDate).reversed());
    return mine;
  }

  JsonNode input(String executionArn) {
    try {
      return Json.tree(sfn.describeExecution(r -> r.executionArn(executionArn)).input());
    } catch (Exception e) {
      return Json.object();
    }
  }

  Link link(String code) {
    return LinkStore.dynamoDb(dynamo, table).find(code).orElseThrow(() -> new UsageError("no link " + code));
  }

  LinkStore links() {
    return LinkStore.dynamoDb(dynamo, table);
  }

  /** Sends a reviewer's decision for a link in review. */
  void decide(String code, boolean approved, String reason) {
    Link link = link(code);
    if (link.status() != Link.Status.IN_REVIEW) {
      throw new UsageError(code + " is not in review (it is " + link.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    var item = dynamo.getItem(r -> r.tableName(table).key(Keys.link(code)).consistentRead(true)).item();
    if (item == null || !item.containsKey("reviewToken")) throw new UsageError(code + " is in review but carries no task token");
    String token = item.get("reviewToken").s();
    sfn.sendTaskSuccess(r -> r.taskToken(token).output(Json.write(Map.of("approved", approved, "reason", reason))));
  }

  SfnClient sfn() {
    return sfn;
  }
}
