package dev.linkpulse.emulators.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The JSON protocol as the real SDK reads it: routing by X-Amz-Target and error types mapped to exceptions. */
class AwsJsonServerTest {
  private AwsJsonServer server;
  private DynamoDbClient client;

  @BeforeEach
  void start() throws Exception {
    server = AwsJsonServer.builder().name("test").service("DynamoDB_20120810", "com.amazonaws.dynamodb.v20120810", Map.of(
        "ListTables", input -> JsonNodeFactory.instance.objectNode().set("TableNames",
            JsonNodeFactory.instance.arrayNode().add("seen-limit-" + input.path("Limit").asInt())),
        "DeleteItem", input -> {
          throw AwsServiceException.client("ConditionalCheckFailedException", "The conditional request failed");
        })).start();
    client = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void targetHeaderSelectsTheOperationAndItsInput() {
    assertThat(client.listTables(r -> r.limit(7)).tableNames()).containsExactly("seen-limit-7");
  }

  @Test
  void errorTypeInTheBodyPicksTheSdkExceptionClass() {
    assertThatThrownBy(() -> client.deleteItem(r -> r.tableName("t").key(Map.of())))
        .isInstanceOf(ConditionalCheckFailedException.class)
        .hasMessageContaining("The conditional request failed")
        .satisfies(e -> assertThat(((DynamoDbException) e).statusCode()).isEqualTo(400));
  }

  @Test
  void unknownOperationIsAClientError() {
    assertThatThrownBy(() -> client.describeLimits(r -> {}))
        .isInstanceOf(DynamoDbException.class)
        .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException"));
  }

  @Test
  void malformedJsonIsASerializationException() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables").header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{\"Limit\": ")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("SerializationException");
    assertThat(response.body()).contains("\"__type\":\"com.amazonaws.dynamodb.v20120810#SerializationException\"");
  }

  @Test
  void gzipBodiesAreInflated_andUntargetedPostsGoToTheirHandler_andErrorHeadersAreSent() throws Exception {
    try (AwsJsonServer both = AwsJsonServer.builder().name("both").service("Svc", "ns", Map.of(
            "Echo", input -> input,
            "Fail", input -> {
              AwsServiceException e = AwsServiceException.client("Nope", "no");
              e.headers().put("x-amzn-query-error", "NopeCode;Sender");
              throw e;
            }))
        .untargeted(exchange -> {
          byte[] body = "query".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        }).start()) {
      HttpClient http = HttpClient.newHttpClient();
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
        gz.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
      }
      HttpResponse<String> echo = http.send(HttpRequest.newBuilder(URI.create(both.endpoint() + "/")).header("X-Amz-Target", "Svc.Echo")
          .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(echo.body()).isEqualTo("{\"a\":1}");
      HttpResponse<String> fail = http.send(HttpRequest.newBuilder(URI.create(both.endpoint() + "/")).header("X-Amz-Target", "Svc.Fail")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(fail.headers().firstValue("x-amzn-query-error")).hasValue("NopeCode;Sender");
      HttpResponse<String> query = http.send(HttpRequest.newBuilder(URI.create(both.endpoint() + "/"))
          .POST(HttpRequest.BodyPublishers.ofString("Action=X")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(query.body()).isEqualTo("query");
    }
  }
}
