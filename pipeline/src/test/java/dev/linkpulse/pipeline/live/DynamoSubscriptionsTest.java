package dev.linkpulse.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.Keys;
import dev.linkpulse.pipeline.DynamoDbFixture;
import dev.linkpulse.pipeline.TestClicks;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DynamoDB adapter keeps the subscriptions' contract, on a real DynamoDB endpoint; and what only the table shows. */
class DynamoSubscriptionsTest extends SubscriptionsContract {
  @RegisterExtension
  static final DynamoDbFixture db = new DynamoDbFixture();

  @Override
  Subscriptions subscriptions() {
    return Subscriptions.dynamoDb(db.dynamo(), db.table(), clock);
  }

  @Test
  void subscribe_writesBothItemsWithTheTableTtl_soDynamoDbDeletesThemEventually() {
    String code = TestClicks.code("ttl");
    var expires = clock.instant().plus(Duration.ofHours(2));
    subscriptions().subscribe(code, new Subscriber("c1", "alice", "", expires), expires);
    var forward = db.dynamo().getItem(r -> r.tableName(db.table()).key(Keys.subscription(code, "c1"))).item();
    var reverse = db.dynamo().getItem(r -> r.tableName(db.table()).key(Keys.connectionSubscription("c1", code))).item();
    assertThat(forward.get(Keys.TTL).n()).isEqualTo(Long.toString(expires.getEpochSecond()));
    assertThat(reverse.get(Keys.TTL).n()).isEqualTo(Long.toString(expires.getEpochSecond()));
    assertThat(forward.get("owner").s()).isEqualTo("alice");
  }
}
