package dev.linkpulse.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The click pipeline's writes, straight to a {@link Store}: each cycle inserts a new raw row, overwrites one of
 * {@link #COUNTERS} counters and appends a stream record; with a {@code live} window the row and the record that many
 * cycles older go (as the 24-hour retention would), so the live set stays the same size.
 */
final class StoreChurn {
  static final int COUNTERS = 10;
  static final String PAD = "x".repeat(240);

  final String table;
  private final int live;
  private int cycles;

  /** @param live how many raw rows and stream records stay (the older ones go), or 0 to keep them all */
  StoreChurn(String table, int live) {
    this.table = table;
    this.live = live;
  }

  void create(Store store) {
    ObjectNode request = Values.JSON.createObjectNode().put("TableName", table).put("BillingMode", "PAY_PER_REQUEST");
    request.putArray("AttributeDefinitions").addObject().put("AttributeName", "PK").put("AttributeType", "S");
    request.putArray("KeySchema").addObject().put("AttributeName", "PK").put("KeyType", "HASH");
    store.putTable(TableSpec.create(request, Instant.EPOCH));
  }

  void cycle(Store store, int i) {
    store.putItem(table, "raw#" + i, item("raw#" + i, i));
    if (live > 0 && i >= live) store.removeItem(table, "raw#" + (i - live));
    store.putItem(table, "counter#" + (i % COUNTERS), item("counter#" + (i % COUNTERS), i));
    store.putRecord(table, "shard-0", new Shard.Entry(i + 1, Instant.EPOCH.plusSeconds(i), item("record", i)));
    if (live > 0 && i >= live) store.removeRecord(table, i + 1 - live);
    cycles = i + 1;
  }

  /** One more write that leaves the live set as it is. */
  void touch(Store store) {
    store.putItem(table, "counter#0", item("counter#0", cycles));
  }

  void assertHeldBy(Store store) {
    Store.StoredTable t = store.load().get(table);
    List<String> raw = t.items().stream().map(item -> item.path("PK").path("S").asText()).filter(pk -> pk.startsWith("raw#")).sorted().collect(Collectors.toList());
    int kept = live > 0 ? Math.min(live, cycles) : cycles;
    List<String> expected = java.util.stream.IntStream.range(cycles - kept, cycles).mapToObj(i -> "raw#" + i).sorted().collect(Collectors.toList());
    assertThat(raw).isEqualTo(expected);
    assertThat(t.items()).hasSize(kept + Math.min(COUNTERS, cycles));
    assertThat(t.records()).hasSize(kept);
    assertThat(t.lastSequence()).isEqualTo(cycles);
  }

  private static ObjectNode item(String pk, int i) {
    ObjectNode item = Values.JSON.createObjectNode();
    item.putObject("PK").put("S", pk);
    item.putObject("n").put("N", Integer.toString(i));
    item.putObject("pad").put("S", PAD);
    return item;
  }
}
