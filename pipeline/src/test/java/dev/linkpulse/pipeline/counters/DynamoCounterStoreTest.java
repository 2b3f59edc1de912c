package dev.linkpulse.pipeline.counters;

import dev.linkpulse.pipeline.DynamoDbFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DynamoDB adapter keeps the store's contract, on a real DynamoDB endpoint. */
class DynamoCounterStoreTest extends CounterStoreContract {
  @RegisterExtension
  static final DynamoDbFixture db = new DynamoDbFixture();

  @Override
  CounterStore store() {
    return CounterStore.dynamoDb(db.dynamo(), db.table());
  }

  /** The viral counter's sketch is what every counter write pays for per KB: stored deflated, under half the dense form. */
  @org.junit.jupiter.api.Test
  void aViralCountersSketchIsStoredDeflated() {
    String code = dev.linkpulse.pipeline.TestClicks.code("deflated");
    CounterState s = store().load(dev.linkpulse.core.links.LinkLife.legacy(code), HOUR);
    s.apply(viralClicks(code));
    org.assertj.core.api.Assertions.assertThat(store().save(s)).isTrue();
    byte[] stored = db.dynamo().getItem(r -> r.tableName(db.table()).key(dev.linkpulse.core.Keys.counter(s.life(), HOUR)))
        .item().get("uniques").b().asByteArray();
    org.assertj.core.api.Assertions.assertThat(stored[0]).isEqualTo((byte) 3);
    org.assertj.core.api.Assertions.assertThat(stored.length).isLessThan(12_289 / 2);
  }
}
