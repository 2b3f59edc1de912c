package dev.linkpulse.emulators.dynamodb;

import static dev.linkpulse.emulators.dynamodb.EngineExtension.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Developer Guide, "Using time to live (TTL) in DynamoDB": what the sweeper deletes, and how its deletions stream. */
class TimeToLiveTest {
  @RegisterExtension static EngineExtension db = new EngineExtension(b -> b.ttlSweepInterval(Duration.ofSeconds(10)));

  @Test
  void expiredItemsAreDeletedAsServiceDeletions() {
    String t = db.table("SK", b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.OLD_IMAGE)));
    db.dynamo.updateTimeToLive(r -> r.tableName(t).timeToLiveSpecification(s -> s.attributeName("expires").enabled(true)));
    long now = db.timeline.now().getEpochSecond();
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("soon"), "SK", s("1"), "expires", n("" + (now + 5)))));
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("later"), "SK", s("1"), "expires", n("" + (now + 3600)))));
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("text"), "SK", s("1"), "expires", s("" + (now - 10)))));
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("ancient"), "SK", s("1"), "expires", n("" + (now - 6L * 365 * 24 * 3600)))));
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("none"), "SK", s("1"))));
    db.timeline.advance(Duration.ofSeconds(20));
    List<String> left = db.dynamo.scan(r -> r.tableName(t)).items().stream().map(i -> i.get("PK").s()).sorted().toList();
    assertThat(left).containsExactly("ancient", "later", "none", "text");
    String arn = db.dynamo.describeTable(r -> r.tableName(t)).table().latestStreamArn();
    List<Record> removes = StreamReader.all(db.streams, arn).stream().filter(r -> r.eventName() == OperationType.REMOVE).toList();
    assertThat(removes).singleElement().satisfies(r -> {
      assertThat(r.dynamodb().keys().get("PK").s()).isEqualTo("soon");
      assertThat(r.userIdentity().type()).isEqualTo("Service");
      assertThat(r.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
      assertThat(r.dynamodb().oldImage()).containsKey("expires");
    });
    db.timeline.advance(Duration.ofHours(1));
    assertThat(db.dynamo.scan(r -> r.tableName(t)).items()).extracting(i -> i.get("PK").s()).doesNotContain("later");
  }

  @Test
  void aTableWithoutTtlKeepsItsItems() {
    String t = db.table();
    db.dynamo.putItem(r -> r.tableName(t).item(Map.of("PK", s("a"), "SK", s("1"), "expires", n("1"))));
    db.timeline.advance(Duration.ofMinutes(5));
    assertThat(db.dynamo.scan(r -> r.tableName(t)).count()).isEqualTo(1);
  }
}
