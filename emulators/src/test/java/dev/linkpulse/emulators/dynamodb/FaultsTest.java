package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** Faults on demand: fail, throttle or delay a share of the requests per table and operation; off by default. */
class FaultsTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();

  @AfterEach
  void clear() {
    db.engine.faults().clear();
  }

  @Test
  void aFailureRuleFailsItsTableAndOperationOnly() {
    String t = db.table();
    String other = db.table();
    db.engine.faults().fail(t, "PutItem", 1.0, "InternalServerError");
    assertThatThrownBy(() -> db.dynamo.putItem(r -> r.tableName(t).item(key("a", "1"))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(500);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
        });
    db.dynamo.putItem(r -> r.tableName(other).item(key("a", "1")));
    db.dynamo.getItem(r -> r.tableName(t).key(key("a", "1")));
    assertThat(db.dynamo.scan(r -> r.tableName(t)).count()).as("a failed request changed nothing").isZero();
  }

  @Test
  void aShareFailsAboutThatShareOfRequests() {
    String t = db.table();
    db.engine.faults().throttle("*", "GetItem", 0.25);
    int throttled = 0;
    for (int i = 0; i < 400; i++) {
      try {
        db.dynamo.getItem(r -> r.tableName(t).key(key("a", "1")));
      } catch (ProvisionedThroughputExceededException e) {
        throttled++;
      }
    }
    assertThat(throttled).isBetween(60, 140);
  }

  @Test
  void aDelayHoldsTheRequestUntilTheTimelineMoves() {
    String t = db.table();
    db.engine.faults().delay(t, "*", 1.0, Duration.ofSeconds(5));
    int pendingBefore = db.timeline.pending();
    CompletableFuture<?> put = CompletableFuture.runAsync(() -> db.dynamo.putItem(r -> r.tableName(t).item(key("a", "1"))));
    await().atMost(Duration.ofSeconds(30)).until(() -> db.timeline.pending() > pendingBefore);
    assertThat(put).isNotDone();
    db.timeline.advance(Duration.ofSeconds(5));
    await().atMost(Duration.ofSeconds(30)).until(put::isDone);
    assertThat(put).isCompleted();
  }

  @Test
  void theAdminEndpointSetsListsAndClearsRules() throws Exception {
    String t = db.table();
    HttpClient http = HttpClient.newHttpClient();
    URI faults = db.engine.endpoint().resolve("/_admin/faults");
    var added = http.send(HttpRequest.newBuilder(faults).POST(HttpRequest.BodyPublishers.ofString(
        "{\"table\":\"" + t + "\",\"operation\":\"GetItem\",\"share\":1,\"errorType\":\"ServiceUnavailable\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body()).contains("ServiceUnavailable");
    assertThatThrownBy(() -> db.dynamo.getItem(r -> r.tableName(t).key(key("a", "1"))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    assertThat(http.send(HttpRequest.newBuilder(faults).DELETE().build(), HttpResponse.BodyHandlers.ofString()).body()).contains("\"rules\":[]");
    db.dynamo.getItem(r -> r.tableName(t).key(key("a", "1")));
    var bad = http.send(HttpRequest.newBuilder(faults).POST(HttpRequest.BodyPublishers.ofString("{\"share\":7}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    URI throttling = db.engine.endpoint().resolve("/_admin/throttling");
    assertThat(http.send(HttpRequest.newBuilder(throttling).POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).contains("true");
    assertThat(db.engine.hotPartitionThrottling()).isTrue();
    db.engine.hotPartitionThrottling(false);
  }
}
