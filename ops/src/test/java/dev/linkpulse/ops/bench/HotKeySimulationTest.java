package dev.linkpulse.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hot-key simulation drives the real recorder and aggregator: every distinct click is counted exactly once. */
class HotKeySimulationTest {
  private static final HotKeySimulation.Settings SETTINGS = new HotKeySimulation.Settings(1_000, 4, 100, 1_000, 1_000, 0);

  @Test
  void everyDistinctClickOfAViralLinkIsCountedOnce_duplicatesIncluded() throws Exception {
    Workload viral = Workload.viral(3_000, 0.05, 1);
    HotKeySimulation.Result r = HotKeySimulation.run(viral, SETTINGS);

    assertThat(r.exact()).isTrue();
    assertThat(r.seconds().stream().mapToInt(HotKeySimulation.Second::delivered).sum()).isEqualTo(viral.events().size());
    // A raw click is one write unit; a duplicate costs its rewrite, unless its batch already held the original.
    assertThat(r.rawWcu()).isBetween(3_000.0, (double) viral.events().size());
    assertThat(r.retries()).isZero();
  }

  @Test
  void aZipfWorkloadOnOneBusyShardIsCountedExactly() throws Exception {
    // 4,000 clicks/s on one shard with a 1,000-record batch: the counter's writes fit; the run must still be exact.
    Workload zipf = Workload.zipf(4_000, 50, 1.1, 0.02, 2);
    HotKeySimulation.Result r = HotKeySimulation.run(zipf, new HotKeySimulation.Settings(4_000, 1, 100, 1_000, 1_000, 0));
    assertThat(r.exact()).isTrue();
  }

  @Test
  void aRewoundShardDeliversTheFailedRecordAndEverythingAfterItAgain() {
    SimulatedStream stream = new SimulatedStream(1);
    var click = new dev.linkpulse.pipeline.clicks.RawClick(Workload.viral(1, 0, 3).events().get(0), "b", "o", "d", false, null);
    for (int i = 0; i < 5; i++) stream.insert("CLICK#x#" + i, click, i);
    var first = stream.take(0, 3);
    stream.rewind(0, first.get(1).sequenceNumber());
    assertThat(stream.take(0, 10)).extracting(s -> s.partition()).containsExactly("CLICK#x#1", "CLICK#x#2", "CLICK#x#3", "CLICK#x#4");
  }
}
