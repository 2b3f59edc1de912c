package dev.linkpulse.pipeline.counters;

import dev.linkpulse.core.links.LinkLife;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.linkpulse.core.Hashing;
import dev.linkpulse.pipeline.DynamoDbFixture;
import dev.linkpulse.pipeline.TestClicks;
import dev.linkpulse.pipeline.analytics.UniqueSketch;
import dev.linkpulse.pipeline.clicks.StreamClick;
import dev.linkpulse.pipeline.counters.FaultyCounterStore.Crash;
import dev.linkpulse.pipeline.counters.FaultyCounterStore.Fault;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Exactly once, as a property: random clicks over three link lives (two lives of one code, as when a link is deleted
 * and its code created again while clicks of the first life are still in flight, and a link made before incarnations
 * existed), two hours and four raw-click partitions, streamed
 * through two shards whose mappings deliver in random batch sizes and interleave at random, while the counter store
 * fails saves, loses acknowledgements of writes that landed, crashes the process between counter writes (the
 * mapping then bisects), lets another shard's writer in between a load and its save, and old batches are replayed.
 * However that goes, once every shard has caught up each counter holds exactly its distinct clicks, no click was
 * ever reported as newly folded twice, and no click of one life of a code counted for another.
 *
 * <p>The same property runs against the in-memory model (many examples) and the DynamoDB adapter (a few).
 */
class ExactlyOncePropertiesTest {
  @RegisterExtension
  static final DynamoDbFixture db = new DynamoDbFixture();

  static final int SHARDS = 2;
  static final Instant FIRST_HOUR = Instant.parse("2026-03-01T10:00:00Z");
  static final String[] COUNTRIES = {"DE", "US", "FR"};

  /** A distinct click: which link life, hour and raw-click partition, bot or not, which visitor. */
  record Click(int link, int hour, int partition, boolean bot, int visitor) {}

  /** What the next step of the run does: deliver a batch (perhaps with a fault at a save), or replay acknowledged records. */
  enum Action { DELIVER, FAIL, LOSE_ACKNOWLEDGEMENT, CRASH, RACE, REPLAY }

  record Step(int shard, int size, Action action, int onSave) {}

  static Gen<List<Click>> clicks() {
    Gen<Click> click = integers().between(0, 2).zip(integers().between(0, 1), integers().between(0, 3), integers().between(0, 9),
        integers().between(0, 4), (link, hour, partition, kind, visitor) -> new Click(link, hour, partition, kind < 2, visitor));
    return lists().of(click).ofSizeBetween(1, 40);
  }

  static Gen<List<Step>> steps() {
    Gen<Step> step = integers().between(0, SHARDS - 1).zip(integers().between(1, 12), Generate.enumValues(Action.class),
        integers().between(1, 3), Step::new);
    return lists().of(step).ofSizeBetween(0, 40);
  }

  @Test
  void inMemoryModel_countsEveryClickExactlyOnce() {
    qt().withExamples(400).forAll(clicks(), steps()).checkAssert((clicks, steps) -> new Run(InMemoryCounterStore::new, clicks).play(steps));
  }

  @Test
  void dynamoDbAdapter_countsEveryClickExactlyOnce() {
    qt().withExamples(12).withShrinkCycles(20).forAll(clicks(), steps())
        .checkAssert((clicks, steps) -> new Run(() -> CounterStore.dynamoDb(db.dynamo(), db.table()), clicks).play(steps));
  }

  /** One example: the stream, the shards' mappings, and what the aggregator reported folding. */
  static final class Run {
    private final CounterStore store;
    private final String reused = TestClicks.code("p0");
    /** The first and second life of one code (the second made after the first was deleted), and a legacy link. */
    private final LinkLife[] lives = {new LinkLife(reused, "First01"), new LinkLife(reused, "Second2"), LinkLife.legacy(TestClicks.code("p1"))};
    private final List<StreamClick> stream = new ArrayList<>();
    private final List<Click> specs;
    private final ShardMapping[] shards = new ShardMapping[SHARDS];
    private final Map<String, Integer> reportedFolded = new HashMap<>();

    Run(Supplier<CounterStore> store, List<Click> clicks) {
      this.store = store.get();
      this.specs = clicks;
      List<List<StreamClick>> byShard = new ArrayList<>();
      for (int s = 0; s < SHARDS; s++) byShard.add(new ArrayList<>());
      for (int i = 0; i < clicks.size(); i++) {
        Click c = clicks.get(i);
        Instant time = FIRST_HOUR.plusSeconds(3600L * c.hour() + i);
        StreamClick record = TestClicks.streamed(i + 1, c.partition(),
            TestClicks.raw(lives[c.link()], time, "visitor-" + c.visitor(), COUNTRIES[c.visitor() % 3], c.bot()));
        stream.add(record);
        // A partition key lives in one shard at a time: its records reach the stream in order.
        byShard.get(c.partition() % SHARDS).add(record);
      }
      for (int s = 0; s < SHARDS; s++) shards[s] = new ShardMapping(byShard.get(s));
    }

    void play(List<Step> steps) {
      for (Step step : steps) step(step);
      for (int rounds = 0; !allDone(); rounds++) {
        if (rounds > 10_000) throw new AssertionError("the shards never caught up");
        for (ShardMapping shard : shards) if (!shard.done()) deliver(shard, 10, store);
      }
      assertExact();
    }

    private boolean allDone() {
      for (ShardMapping shard : shards) if (!shard.done()) return false;
      return true;
    }

    private void step(Step step) {
      ShardMapping shard = shards[step.shard()];
      ShardMapping other = shards[(step.shard() + 1) % SHARDS];
      if (step.action() == Action.REPLAY) {
        CounterAggregator.Result replay = new CounterAggregator(store).aggregate(List.copyOf(shard.acknowledged(step.size())));
        assertThat(replay.clicksFolded()).as("a replay of acknowledged records folds nothing").isZero();
        assertThat(replay.written()).isEmpty();
        return;
      }
      if (shard.done()) return;
      Fault fault = step.action() == Action.DELIVER ? Fault.NONE : Fault.valueOf(step.action().name());
      Runnable otherWriter = () -> {
        if (!other.done()) deliver(other, step.size(), store);
      };
      deliver(shard, step.size(), new FaultyCounterStore(store, step.onSave(), fault, otherWriter));
    }

    private void deliver(ShardMapping shard, int size, CounterStore through) {
      List<StreamClick> batch = List.copyOf(shard.next(size));
      CounterAggregator.Result result;
      try {
        result = new CounterAggregator(through).aggregate(batch);
      } catch (Crash crash) {
        shard.threw(batch);
        return;
      }
      for (CounterUpdate update : result.written()) {
        for (StreamClick c : update.applied()) reportedFolded.merge(c.sequenceNumber(), 1, Integer::sum);
      }
      shard.returned(batch, result);
    }

    private void assertExact() {
      assertThat(reportedFolded.values()).as("clicks reported as newly folded more than once").allMatch(n -> n == 1);
      Map<String, Expected> expected = new TreeMap<>();
      for (int i = 0; i < stream.size(); i++) {
        StreamClick record = stream.get(i);
        expected.computeIfAbsent(specs.get(i).link() + "@" + specs.get(i).hour(), k -> new Expected()).add(record);
      }
      for (int link = 0; link < lives.length; link++) {
        for (CounterState counter : store.range(lives[link], FIRST_HOUR, FIRST_HOUR.plusSeconds(2 * 3600))) {
          assertThat(counter.life()).as("a counter read for one life belongs to it").isEqualTo(lives[link]);
          int hour = (int) ((counter.hour().getEpochSecond() - FIRST_HOUR.getEpochSecond()) / 3600);
          Expected e = expected.remove(link + "@" + hour);
          assertThat(e).as("a counter for link %d hour %d, which had no clicks", link, hour).isNotNull();
          e.assertMatches(counter);
        }
      }
      assertThat(expected).as("counters never written").isEmpty();
      assertThat(new CounterAggregator(store).aggregate(stream).clicksFolded()).as("the whole stream replayed").isZero();
    }
  }

  /** What one counter must hold: computed from the distinct clicks alone. */
  static final class Expected {
    long total;
    long human;
    long bot;
    final UniqueSketch uniques = UniqueSketch.empty();
    final Map<String, Long> countries = new HashMap<>();
    final Map<String, BigInteger> watermarks = new HashMap<>();

    void add(StreamClick record) {
      total++;
      watermarks.merge(record.partition(), record.sequence(), BigInteger::max);
      if (record.click().bot()) {
        bot++;
        return;
      }
      human++;
      uniques.add(Hashing.hash64(record.click().event().visitor()));
      countries.merge(record.click().event().country(), 1L, Long::sum);
    }

    void assertMatches(CounterState counter) {
      assertThat(List.of(counter.total(), counter.human(), counter.bot())).as("total, human, bot of " + counter.code() + " " + counter.hour())
          .containsExactly(total, human, bot);
      assertThat(counter.uniques()).isEqualTo(uniques);
      assertThat(counter.dimensions().get("country").toMap()).isEqualTo(countries);
      assertThat(counter.watermarks).isEqualTo(watermarks);
    }
  }
}
