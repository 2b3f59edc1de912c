package dev.linkpulse.emulators.stepfunctions;

import static dev.linkpulse.emulators.stepfunctions.SfnHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The optimized integrations: lambda:invoke's {Payload, StatusCode, ...} result, DynamoDB's API request and
 * response with errors named {@code DynamoDB.<exception>}, EventBridge PutEvents with the execution and machine
 * ARNs added to Resources and {@code EventBridge.FailedEntry} when an entry fails.
 */
class ServiceIntegrationConformanceTest {
  private static FakeServices services;
  private static SfnHarness h;

  @BeforeAll
  static void start() {
    services = new FakeServices();
    h = new SfnHarness(b -> b.endpoint("dynamodb", services.dynamodb()).endpoint("events", services.events()));
    h.lambda.on("screen", p -> LambdaInvoker.Result.success("{\"verdict\":\"safe\",\"url\":" + Json.write(p.get("url")) + "}"));
  }

  @AfterAll
  static void stop() {
    h.close();
    services.close();
  }

  private static DescribeExecutionResponse task(String resource, String parameters, String extra, String input) {
    return h.run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + resource + "\",\"Parameters\":" + parameters
        + extra + ",\"End\":true},\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}", input);
  }

  @Test
  void lambdaInvokeResultHasPayloadAndStatusCode() {
    DescribeExecutionResponse d = task("arn:aws:states:::lambda:invoke", "{\"FunctionName\":\"screen\",\"Payload\":{\"url.$\":\"$.url\"}}", "", "{\"url\":\"https://x\"}");
    JsonNode out = json(d.output());
    assertThat(out.get("Payload")).isEqualTo(json("{\"verdict\":\"safe\",\"url\":\"https://x\"}"));
    assertThat(out.get("StatusCode").asInt()).isEqualTo(200);
    assertThat(out.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
    assertThat(out.has("SdkHttpMetadata")).isTrue();
    assertThat(out.get("SdkResponseMetadata").has("RequestId")).isTrue();
  }

  @Test
  void aBareFunctionArnReturnsThePayloadItself() {
    DescribeExecutionResponse d = h.run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:screen\","
        + "\"End\":true}}}", "{\"url\":\"https://y\"}");
    assertThat(json(d.output())).isEqualTo(json("{\"verdict\":\"safe\",\"url\":\"https://y\"}"));
  }

  @Test
  void dynamodbTasksSendTheApiRequestAndReturnItsResponse() {
    task("arn:aws:states:::dynamodb:putItem", "{\"TableName\":\"links\",\"Item\":{\"pk\":{\"S\":\"link#abc\"},\"status\":{\"S.$\":\"$.status\"}}}", "", "{\"status\":\"pending\"}");
    assertThat(services.requests).anySatisfy(r -> assertThat(r.get("TableName").asText()).isEqualTo("links"));
    DescribeExecutionResponse d = task("arn:aws:states:::dynamodb:getItem", "{\"TableName\":\"links\",\"Key\":{\"pk\":{\"S\":\"link#abc\"}}}",
        ",\"ResultSelector\":{\"status.$\":\"$.Item.status.S\"}", "{}");
    assertThat(json(d.output())).isEqualTo(json("{\"status\":\"pending\"}"));
  }

  @Test
  void aFailedDynamodbConditionIsDynamoDbConditionalCheckFailedException() {
    services.items.put("link#taken", Json.object());
    DescribeExecutionResponse d = task("arn:aws:states:::dynamodb:updateItem", "{\"TableName\":\"links\",\"Key\":{\"pk\":{\"S\":\"link#taken\"}},"
        + "\"UpdateExpression\":\"SET #s = :s\",\"ConditionExpression\":\"attribute_not_exists(pk)\"}",
        ",\"Catch\":[{\"ErrorEquals\":[\"DynamoDB.ConditionalCheckFailedException\"],\"ResultPath\":\"$.error\",\"Next\":\"Caught\"}]", "{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json(d.output()).get("error").get("Error").asText()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
    assertThat(json(d.output()).get("error").get("Cause").asText()).contains("The conditional request failed");
  }

  @Test
  void putEventsAddsTheExecutionAndMachineArnsAndSendsDetailAsText() {
    DescribeExecutionResponse d = task("arn:aws:states:::events:putEvents", "{\"Entries\":[{\"Source\":\"linkpulse.moderation\",\"DetailType\":\"link.activated\","
        + "\"Detail\":{\"code.$\":\"$.code\"},\"EventBusName\":\"bus\"}]}", "", "{\"code\":\"abc\"}");
    assertThat(json(d.output()).get("FailedEntryCount").asInt()).isZero();
    JsonNode sent = services.events.get(services.events.size() - 1);
    assertThat(json(sent.get("Detail").asText())).isEqualTo(json("{\"code\":\"abc\"}"));
    assertThat(sent.get("Resources")).extracting(JsonNode::asText).contains(d.executionArn(), d.stateMachineArn());
  }

  @Test
  void aFailedEntryFailsTheTaskWithEventBridgeFailedEntry() {
    DescribeExecutionResponse d = task("arn:aws:states:::events:putEvents", "{\"Entries\":[{\"Source\":\"refuse\",\"DetailType\":\"x\",\"Detail\":{}}]}", "", "{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("EventBridge.FailedEntry");
  }

  @Test
  void anUnreachableEndpointIsAnSdkClientErrorThatRetriersCanMatch() throws Exception {
    try (SfnHarness down = new SfnHarness(b -> b.endpoint("dynamodb", java.net.URI.create("http://127.0.0.1:1")))) {
      DescribeExecutionResponse d = down.run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:getItem\","
          + "\"Parameters\":{\"TableName\":\"t\",\"Key\":{}},\"End\":true}}}", "{}");
      assertThat(d.error()).isEqualTo("DynamoDB.SdkClientException");
    }
  }
}
