package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static dev.linkpulse.emulators.dynamodb.ItemOperationsTest.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** API Reference, TransactWriteItems and TransactGetItems: all or nothing, reasons per action, idempotency tokens. */
class TransactionsTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();

  private static TransactWriteItem put(String t, String pk) {
    return TransactWriteItem.builder().put(p -> p.tableName(t).item(Map.of("PK", s(pk), "SK", s("1")))).build();
  }

  @Test
  void allActionsApplyTogether() {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("counter"), "SK", s("1"), "n", n("1"))));
    db.dynamo.putItem(r -> r.tableName(t).item(key("old", "1")));
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("guard"), "SK", s("1"), "n", n("1"))));
    db.dynamo.transactWriteItems(r -> r.transactItems(
        put(t, "new"),
        TransactWriteItem.builder().update(u -> u.tableName(t).key(key("counter", "1")).updateExpression("ADD n :one")
            .expressionAttributeValues(Map.of(":one", n("1")))).build(),
        TransactWriteItem.builder().delete(d -> d.tableName(t).key(key("old", "1"))).build(),
        TransactWriteItem.builder().conditionCheck(c -> c.tableName(t).key(key("guard", "1")).conditionExpression("n = :one")
            .expressionAttributeValues(Map.of(":one", n("1")))).build()));
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("counter", "1"))).item().get("n").n()).isEqualTo("2");
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("new", "1"))).hasItem()).isTrue();
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("old", "1"))).hasItem()).isFalse();
  }

  @Test
  void aFailedConditionCancelsEverythingWithAReasonPerAction() {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("taken"), "SK", s("1"), "v", s("x"))));
    assertThatThrownBy(() -> db.dynamo.transactWriteItems(r -> r.transactItems(
        put(t, "fresh"),
        TransactWriteItem.builder().put(p -> p.tableName(t).item(key("taken", "1")).conditionExpression("attribute_not_exists(PK)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
          assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed");
          assertThat(e.cancellationReasons().get(1).item()).isEqualTo(Map.of("PK", s("taken"), "SK", s("1"), "v", s("x")));
          assertThat(e.getMessage()).contains("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
        });
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("fresh", "1"))).hasItem()).as("nothing applied").isFalse();
  }

  @Test
  void anActionThatWouldBreakALimitIsAValidationErrorReason() {
    String t = db.table();
    assertThatThrownBy(() -> db.dynamo.transactWriteItems(r -> r.transactItems(put(t, "a"),
        TransactWriteItem.builder().update(u -> u.tableName(t).key(key("b", "1")).updateExpression("SET big = :big")
            .expressionAttributeValues(Map.of(":big", s("x".repeat(410 * 1024))))).build())))
        .isInstanceOfSatisfying(TransactionCanceledException.class,
            e -> assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ValidationError"));
  }

  @Test
  void twoActionsOnOneItemAreRefused() {
    String t = db.table();
    assertValidation(() -> db.dynamo.transactWriteItems(r -> r.transactItems(put(t, "a"), put(t, "a"))),
        "Transaction request cannot include multiple operations on one item");
  }

  @Test
  void atMost100Actions() {
    String t = db.table();
    var actions = IntStream.range(0, 101).mapToObj(i -> put(t, "k" + i)).toList();
    assertValidation(() -> db.dynamo.transactWriteItems(r -> r.transactItems(actions)), "Member must have length less than or equal to 100");
    var hundred = actions.subList(0, 100);
    db.dynamo.transactWriteItems(r -> r.transactItems(hundred));
    assertThat(db.dynamo.scan(r -> r.tableName(t)).count()).isEqualTo(100);
  }

  @Test
  void aRepeatedClientRequestTokenDoesNotWriteTwice() {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("c"), "SK", s("1"), "n", n("0"))));
    TransactWriteItem add = TransactWriteItem.builder().update(u -> u.tableName(t).key(key("c", "1")).updateExpression("ADD n :one")
        .expressionAttributeValues(Map.of(":one", n("1")))).build();
    db.dynamo.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(add));
    db.dynamo.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(add));
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("c", "1"))).item().get("n").n()).isEqualTo("1");
    assertThatThrownBy(() -> db.dynamo.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(put(t, "other"))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IdempotentParameterMismatchException"));
    db.timeline.advance(Duration.ofMinutes(11));
    db.dynamo.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(add));
    assertThat(db.dynamo.getItem(r -> r.tableName(t).key(key("c", "1"))).item().get("n").n()).as("the token lives 10 minutes").isEqualTo("2");
  }

  @Test
  void transactGetItemsReturnsOneResponsePerActionInOrder() {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "v", s("A"))));
    var responses = db.dynamo.transactGetItems(r -> r.transactItems(g -> g.get(x -> x.tableName(t).key(key("missing", "1"))),
        g -> g.get(x -> x.tableName(t).key(key("a", "1")).projectionExpression("v")))).responses();
    assertThat(responses).hasSize(2);
    assertThat(responses.get(0).item()).isEmpty();
    assertThat(responses.get(1).item()).isEqualTo(Map.of("v", s("A")));
  }
}
