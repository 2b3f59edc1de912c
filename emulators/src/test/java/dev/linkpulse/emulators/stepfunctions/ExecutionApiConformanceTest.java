package dev.linkpulse.emulators.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/** The API reference's rules for machines and executions, through the real SfnClient. */
class ExecutionApiConformanceTest {
  private static final String WAIT = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":100,\"End\":true}}}";
  private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
  @AutoClose private static final SfnHarness h = new SfnHarness();

  @Test
  void startExecutionWithTheSameNameAndInputWhileOpenReturnsTheSameExecution() {
    String machine = h.machine(WAIT);
    StartExecutionResponse first = h.client.startExecution(r -> r.stateMachineArn(machine).name("link-abc").input("{\"code\":\"abc\"}"));
    StartExecutionResponse again = h.client.startExecution(r -> r.stateMachineArn(machine).name("link-abc").input("{\"code\": \"abc\"}"));
    assertThat(again.executionArn()).isEqualTo(first.executionArn());
    assertThat(again.startDate()).isEqualTo(first.startDate());
    assertThat(h.client.listExecutions(r -> r.stateMachineArn(machine)).executions()).hasSize(1);
  }

  @Test
  void theSameNameWithADifferentInputIsExecutionAlreadyExists() {
    String machine = h.machine(WAIT);
    h.client.startExecution(r -> r.stateMachineArn(machine).name("link-abc").input("{\"code\":\"abc\"}"));
    assertThatThrownBy(() -> h.client.startExecution(r -> r.stateMachineArn(machine).name("link-abc").input("{\"code\":\"xyz\"}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
  }

  @Test
  void theSameNameAfterTheExecutionClosedIsExecutionAlreadyExistsWhateverTheInput() {
    String machine = h.machine(PASS);
    String arn = h.client.startExecution(r -> r.stateMachineArn(machine).name("once").input("{}")).executionArn();
    h.awaitDone(arn);
    assertThatThrownBy(() -> h.client.startExecution(r -> r.stateMachineArn(machine).name("once").input("{}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "a<b", "curly{", "wild*", "what?", "quote\"", "hash#", "per%cent", "back\\slash", "ca^ret",
      "pi|pe", "til~de", "back`tick", "dol$lar", "amp&", "com,ma", "semi;", "co:lon", "sl/ash", "tab\t", "nul\u0001"})
  void executionNamesRefuseTheForbiddenCharacters(String name) {
    String machine = h.machine(PASS);
    assertThatThrownBy(() -> h.client.startExecution(r -> r.stateMachineArn(machine).name(name))).isInstanceOf(InvalidNameException.class);
  }

  @Test
  void executionNamesHaveAtMost80Characters() {
    String machine = h.machine(PASS);
    assertThat(h.client.startExecution(r -> r.stateMachineArn(machine).name("n".repeat(80))).executionArn()).endsWith(":" + "n".repeat(80));
    assertThatThrownBy(() -> h.client.startExecution(r -> r.stateMachineArn(machine).name("n".repeat(81)))).isInstanceOf(InvalidNameException.class);
  }

  @Test
  void anExecutionWithoutANameGetsAUuidAndWithoutInputGetsAnEmptyObject() {
    String machine = h.machine(PASS);
    String arn = h.client.startExecution(r -> r.stateMachineArn(machine)).executionArn();
    assertThat(arn.substring(arn.lastIndexOf(':') + 1)).matches("[0-9a-f-]{36}");
    assertThat(h.awaitDone(arn).input()).isEqualTo("{}");
  }

  @Test
  void inputThatIsNotJsonIsInvalidExecutionInput() {
    String machine = h.machine(PASS);
    assertThatThrownBy(() -> h.client.startExecution(r -> r.stateMachineArn(machine).input("{oops"))).isInstanceOf(InvalidExecutionInputException.class);
    assertThat(h.client.listExecutions(r -> r.stateMachineArn(machine)).executions()).isEmpty();
  }

  @Test
  void unknownAndMalformedArnsHaveTheirOwnErrors() {
    assertThatThrownBy(() -> h.client.startExecution(r -> r.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:ghost")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(() -> h.client.describeExecution(r -> r.executionArn("arn:aws:states:us-east-1:000000000000:execution:ghost:x")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> h.client.describeExecution(r -> r.executionArn("not-an-arn"))).isInstanceOf(InvalidArnException.class);
  }

  @Test
  void listExecutionsFiltersByStatusAndPagesNewestFirst() {
    String machine = h.machine("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.wait\",\"BooleanEquals\":true,\"Next\":\"W\"}],"
        + "\"Default\":\"P\"},\"W\":{\"Type\":\"Wait\",\"Seconds\":100,\"End\":true},\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
    for (int i = 0; i < 5; i++) {
      int n = i;
      h.client.startExecution(r -> r.stateMachineArn(machine).name("e" + n).input("{\"wait\":" + (n % 2 == 0) + "}"));
      h.advance(java.time.Duration.ofSeconds(1));
    }
    List<String> all = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      var page = h.client.listExecutions(r -> r.stateMachineArn(machine).maxResults(2).nextToken(t));
      page.executions().forEach(e -> all.add(e.name()));
      token = page.nextToken();
    } while (token != null);
    assertThat(all).containsExactly("e4", "e3", "e2", "e1", "e0");
    assertThat(h.client.listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING)).executions())
        .extracting(ExecutionListItem::name).containsExactly("e4", "e2", "e0");
    assertThatThrownBy(() -> h.client.listExecutions(r -> r.stateMachineArn(machine).nextToken("garbage"))).isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void stopExecutionAbortsWithTheGivenErrorAndCause() {
    String machine = h.machine(WAIT);
    String arn = h.start(machine, "{}");
    h.client.stopExecution(r -> r.executionArn(arn).error("Operator").cause("no longer needed"));
    var d = h.describe(arn);
    assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(d.stopDate()).isNotNull();
    assertThat(h.history(arn).get(h.history(arn).size() - 1).executionAbortedEventDetails().cause()).isEqualTo("no longer needed");
  }

  @Test
  void createStateMachineIsIdempotentForTheSameDefinitionAndRefusesAnother() {
    String first = h.client.createStateMachine(r -> r.name("same").definition(PASS).roleArn("arn:aws:iam::000000000000:role/r")).stateMachineArn();
    String again = h.client.createStateMachine(r -> r.name("same").definition(PASS).roleArn("arn:aws:iam::000000000000:role/r")).stateMachineArn();
    assertThat(again).isEqualTo(first);
    assertThatThrownBy(() -> h.client.createStateMachine(r -> r.name("same").definition(WAIT).roleArn("arn:aws:iam::000000000000:role/r")))
        .isInstanceOf(StateMachineAlreadyExistsException.class);
  }

  @Test
  void describeAndListStateMachines() {
    String arn = h.client.createStateMachine(r -> r.name("described").definition(PASS).roleArn("arn:aws:iam::000000000000:role/r")).stateMachineArn();
    DescribeStateMachineResponse d = h.client.describeStateMachine(r -> r.stateMachineArn(arn));
    assertThat(d.name()).isEqualTo("described");
    assertThat(d.definition()).isEqualTo(PASS);
    assertThat(d.type()).isEqualTo(StateMachineType.STANDARD);
    assertThat(d.roleArn()).isEqualTo("arn:aws:iam::000000000000:role/r");
    assertThat(h.client.listStateMachinesPaginator(r -> r.maxResults(1)).stateMachines()).anyMatch(m -> m.stateMachineArn().equals(arn));
  }

  @Test
  void anInvalidDefinitionIsInvalidDefinitionWithThePathOfTheFault() {
    assertThatThrownBy(() -> h.client.createStateMachine(r -> r.name("bad").roleArn("arn:aws:iam::000000000000:role/r")
        .definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\",\"End\":true}}}")))
        .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("/States/A/Resource");
    assertThatThrownBy(() -> h.client.describeStateMachine(r -> r.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:bad")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void validateStateMachineDefinitionReportsEachProblemWithItsLocation() {
    var bad = h.client.validateStateMachineDefinition(r -> r.definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Z\"}}}"));
    assertThat(bad.resultAsString()).isEqualTo("FAIL");
    assertThat(bad.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.location()).isEqualTo("/States/A/Next");
      assertThat(d.message()).contains("MISSING_TRANSITION_TARGET");
    });
    assertThat(h.client.validateStateMachineDefinition(r -> r.definition(PASS)).resultAsString()).isEqualTo("OK");
  }
}
