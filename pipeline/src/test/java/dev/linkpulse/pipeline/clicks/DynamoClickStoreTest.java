package dev.linkpulse.pipeline.clicks;

import dev.linkpulse.core.links.LinkLife;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.Keys;
import dev.linkpulse.pipeline.DynamoDbFixture;
import dev.linkpulse.pipeline.TestClicks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DynamoDB adapter keeps the click store's contract, on a real DynamoDB endpoint; and what only the table shows. */
class DynamoClickStoreTest extends ClickStoreContract {
  @RegisterExtension
  static final DynamoDbFixture db = new DynamoDbFixture();

  @Override
  ClickStore store() {
    return ClickStore.dynamoDb(db.dynamo(), db.table());
  }

  @Test
  void putAll_expiresAClickItsRetentionAfterTheClick_notAfterTheWrite() {
    RawClick click = TestClicks.raw(TestClicks.code("ttl"), T, "visitor-1", "DE", false);
    store().putAll(List.of(click), RETENTION);
    var item = db.dynamo().getItem(r -> r.tableName(db.table()).key(Keys.click(click.event().life(), T, click.event().eventId()))).item();
    assertThat(Long.parseLong(item.get(Keys.TTL).n())).isEqualTo(T.plus(RETENTION).getEpochSecond());
  }

  @Test
  void putAll_moreThanOneRequestHolds_writesThemAll() {
    String code = TestClicks.code("many");
    List<RawClick> clicks = new ArrayList<>();
    for (int i = 0; i < DynamoClickStore.BATCH * 2 + 3; i++) clicks.add(TestClicks.raw(code, T.plusSeconds(i), "visitor-" + i, "DE", false));
    assertThat(store().putAll(clicks, RETENTION)).isEmpty();
    assertThat(store().read(LinkLife.legacy(code), T, T.plusSeconds(3600), null, 1000).clicks()).hasSize(clicks.size());
  }
}
