package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static dev.linkpulse.emulators.dynamodb.ItemOperationsTest.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** API Reference, CreateTable / DescribeTable / DeleteTable / ListTables / UpdateTimeToLive / DescribeTimeToLive. */
class TableOperationsTest {
  @RegisterExtension static EngineExtension db = new EngineExtension();

  @Test
  void createTableDescribesTheTableAsDefined() {
    String t = db.table("SK", b -> b.attributeDefinitions(def("PK", ScalarAttributeType.S), def("SK", ScalarAttributeType.S), def("G", ScalarAttributeType.N))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(key("G", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("x")).build())
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "G", n("1"))));
    var d = db.dynamo.describeTable(r -> r.tableName(t)).table();
    assertThat(d.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(d.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + t);
    assertThat(d.keySchema()).containsExactly(key("PK", KeyType.HASH), key("SK", KeyType.RANGE));
    assertThat(d.itemCount()).isEqualTo(1);
    assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(d.globalSecondaryIndexes()).singleElement().satisfies(g -> {
      assertThat(g.indexName()).isEqualTo("byG");
      assertThat(g.projection().nonKeyAttributes()).containsExactly("x");
      assertThat(g.itemCount()).isEqualTo(1);
    });
    assertThat(d.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
    assertThat(d.latestStreamArn()).startsWith(d.tableArn() + "/stream/").endsWith(d.latestStreamLabel());
  }

  static Stream<Arguments> invalidTableDefinitions() {
    return Stream.of(
        Arguments.of((Consumer<CreateTableRequest.Builder>) b -> b.tableName("ab"), "Member must have length greater than or equal to 3"),
        Arguments.of((Consumer<CreateTableRequest.Builder>) b -> b.tableName("bad name!"), "Member must satisfy regular expression pattern"),
        Arguments.of((Consumer<CreateTableRequest.Builder>) b -> b.attributeDefinitions(def("PK", ScalarAttributeType.S), def("X", ScalarAttributeType.S)),
            "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"),
        Arguments.of((Consumer<CreateTableRequest.Builder>) b -> b.attributeDefinitions(def("X", ScalarAttributeType.S)),
            "Some index key attributes are not defined in AttributeDefinitions"),
        Arguments.of((Consumer<CreateTableRequest.Builder>) b -> b.keySchema(key("PK", KeyType.RANGE)), "The first KeySchemaElement is not a HASH key type"),
        Arguments.of((Consumer<CreateTableRequest.Builder>) b -> b.billingMode(BillingMode.PROVISIONED),
            "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"),
        Arguments.of((Consumer<CreateTableRequest.Builder>) b -> b.provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)),
            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"),
        Arguments.of((Consumer<CreateTableRequest.Builder>) b -> b.streamSpecification(s -> s.streamEnabled(true)),
            "StreamViewType is required when StreamEnabled is true"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource
  void invalidTableDefinitions(Consumer<CreateTableRequest.Builder> change, String message) {
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName("valid-name").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(def("PK", ScalarAttributeType.S)).keySchema(key("PK", KeyType.HASH));
    change.accept(b);
    assertValidation(() -> db.dynamo.createTable(b.build()), message);
    assertThat(db.dynamo.listTables().tableNames()).doesNotContain("valid-name");
  }

  @Test
  void aTableNameIsTakenOnce() {
    String t = db.table();
    assertThatThrownBy(() -> db.table(null, b -> b.tableName(t))).isInstanceOf(ResourceInUseException.class).hasMessageContaining("Table already exists: " + t);
  }

  @Test
  void deleteTableRemovesItAndItsItems() {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(key("a", "1")));
    assertThat(db.dynamo.deleteTable(r -> r.tableName(t)).tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThatThrownBy(() -> db.dynamo.describeTable(r -> r.tableName(t))).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> db.dynamo.deleteTable(r -> r.tableName(t))).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void listTablesPagesInNameOrder() {
    for (int i = 0; i < 5; i++) db.table();
    List<String> all = db.dynamo.listTables().tableNames();
    List<String> paged = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      var page = db.dynamo.listTables(r -> r.limit(2).exclusiveStartTableName(from));
      paged.addAll(page.tableNames());
      start = page.lastEvaluatedTableName();
    } while (start != null);
    assertThat(paged).isEqualTo(all).isSorted();
    assertThat(db.dynamo.listTablesPaginator(r -> r.limit(3)).tableNames()).containsExactlyElementsOf(all);
  }

  @Test
  void timeToLiveIsEnabledOnceAndDescribed() {
    String t = db.table();
    assertThat(db.dynamo.describeTimeToLive(r -> r.tableName(t)).timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
    db.dynamo.updateTimeToLive(r -> r.tableName(t).timeToLiveSpecification(s -> s.attributeName("expires").enabled(true)));
    var d = db.dynamo.describeTimeToLive(r -> r.tableName(t)).timeToLiveDescription();
    assertThat(d.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(d.attributeName()).isEqualTo("expires");
    assertValidation(() -> db.dynamo.updateTimeToLive(r -> r.tableName(t).timeToLiveSpecification(s -> s.attributeName("other").enabled(true))),
        "TimeToLive is already enabled");
    db.dynamo.updateTimeToLive(r -> r.tableName(t).timeToLiveSpecification(s -> s.attributeName("expires").enabled(false)));
    assertThat(db.dynamo.describeTimeToLive(r -> r.tableName(t)).timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
  }

  @Test
  void theSdkWaiterSeesANewTableActive() {
    String t = db.table();
    assertThat(db.dynamo.waiter().waitUntilTableExists(r -> r.tableName(t)).matched().response()).isPresent();
  }
}
