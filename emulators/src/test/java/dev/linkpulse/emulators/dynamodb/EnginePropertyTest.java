package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Random sequences of writes (conditional puts, updates, deletes) and reads (paginated queries both ways, with and
 * without a sort-key condition) against the engine agree with {@link TableModel}, a plain model of DynamoDB's
 * semantics. Each operation is decoded from one generated integer, so QuickTheories shrinks a failure to a short
 * sequence of simple operations.
 */
class EnginePropertyTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();
  private static final String[] PARTITIONS = {"a", "b", "c"};
  private static final String[] SORT_KEYS = {"0", "1", "10", "2", "20", "9", "A", "a", "b"};

  @Test
  void randomOperationSequencesAgreeWithTheModel() {
    qt().withExamples(60).withShrinkCycles(200).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60))
        .checkAssert(this::run);
  }

  private void run(List<Integer> codes) {
    String t = db.table();
    TableModel model = new TableModel();
    for (int code : codes) step(t, model, code);
    for (String pk : PARTITIONS) {
      assertThat(queryAll(t, pk, null, true, 3)).as("final contents of %s", pk).isEqualTo(expected(model, pk, null, true));
    }
  }

  private void step(String t, TableModel model, int code) {
    String pk = PARTITIONS[code % PARTITIONS.length];
    String sk = SORT_KEYS[(code / 3) % SORT_KEYS.length];
    int arg = (code / 27) % 7 - 3;
    BigDecimal number = BigDecimal.valueOf(arg).movePointLeft((code / 189) % 3);
    TableModel.Item before = model.get(pk, sk);
    switch ((code / 567) % 6) {
      case 0 -> put(t, pk, sk, number, "attribute_not_exists(PK)", Map.of(), before == null, () -> model.put(pk, sk, new TableModel.Item(number)));
      case 1 -> put(t, pk, sk, number, null, Map.of(), true, () -> model.put(pk, sk, new TableModel.Item(number)));
      case 2 -> {
        boolean holds = before != null && before.n() != null && before.n().compareTo(number) < 0;
        put(t, pk, sk, number, "n < :x", Map.of(":x", n(number.toPlainString())), holds, () -> model.put(pk, sk, new TableModel.Item(number)));
      }
      case 3 -> {
        db.dynamo.updateItem(r -> r.tableName(t).key(key(pk, sk)).updateExpression("ADD n :d").expressionAttributeValues(Map.of(":d", n(number.toPlainString()))));
        model.add(pk, sk, number);
      }
      case 4 -> {
        boolean holds = before != null;
        try {
          db.dynamo.deleteItem(r -> r.tableName(t).key(key(pk, sk)).conditionExpression("attribute_exists(PK)"));
          assertThat(holds).as("delete of %s/%s succeeded", pk, sk).isTrue();
          model.delete(pk, sk);
        } catch (ConditionalCheckFailedException e) {
          assertThat(holds).as("delete of %s/%s refused", pk, sk).isFalse();
        }
      }
      default -> {
        boolean forward = arg >= 0;
        String above = arg % 2 == 0 ? null : sk;
        int limit = 1 + Math.abs(arg);
        assertThat(queryAll(t, pk, above, forward, limit)).as("query %s after %s forward %s limit %s", pk, above, forward, limit)
            .isEqualTo(expected(model, pk, above, forward));
      }
    }
  }

  private static void put(String t, String pk, String sk, BigDecimal number, String condition, Map<String, AttributeValue> values, boolean holds,
      Runnable apply) {
    Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
    item.put("n", n(number.toPlainString()));
    try {
      db.dynamo.putItem(r -> r.tableName(t).item(item).conditionExpression(condition).expressionAttributeValues(values.isEmpty() ? null : values));
      assertThat(holds).as("put %s/%s if %s succeeded", pk, sk, condition).isTrue();
      apply.run();
    } catch (ConditionalCheckFailedException e) {
      assertThat(holds).as("put %s/%s if %s refused", pk, sk, condition).isFalse();
    }
  }

  /** The query through every page; a sort-key condition {@code SK > above} (or {@code <} when backwards). */
  private static List<String> queryAll(String t, String pk, String above, boolean forward, int limit) {
    List<String> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", s(pk)));
      if (above != null) values.put(":sk", s(above));
      String condition = above == null ? "PK = :p" : forward ? "PK = :p AND SK > :sk" : "PK = :p AND SK < :sk";
      var page = db.dynamo.query(QueryRequest.builder().tableName(t).keyConditionExpression(condition).expressionAttributeValues(values)
          .scanIndexForward(forward).limit(limit).exclusiveStartKey(start).build());
      assertThat(page.count()).isLessThanOrEqualTo(limit);
      page.items().forEach(i -> out.add(i.get("SK").s() + "=" + new BigDecimal(i.get("n").n()).stripTrailingZeros().toPlainString()));
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && ++pages < 100);
    return out;
  }

  private static List<String> expected(TableModel model, String pk, String above, boolean forward) {
    return model.query(pk, above, forward).stream()
        .map(e -> e.getKey() + "=" + e.getValue().n().stripTrailingZeros().toPlainString()).toList();
  }
}
