package dev.linkpulse.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.emulators.storage.MvStoreHousekeeper;
import dev.linkpulse.emulators.time.ManualTimeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data file holds live data plus a bounded amount of dead space, however many writes went through it: a fixed
 * live set churned for 20,000 commits stays under 4 MiB while the store runs, and under 1 MiB after a reopen. (The
 * store before housekeeping, on the same churn: 695 MB, and still 695 MB after a reopen.)
 */
class DataFileSpaceTest {
  static final int CYCLES = 20_000;
  static final int LIVE = 200;
  static final long RUNNING_BOUND = 4L << 20;
  static final long REOPENED_BOUND = 1L << 20;

  @TempDir Path data;
  final ManualTimeline timeline = new ManualTimeline(Instant.parse("2026-06-01T12:00:00Z"));

  @Test
  void aChurnedLiveSetKeepsTheFileNearItsLiveSizeWhileItRunsAndAfterAReopen() {
    StoreChurn churn = new StoreChurn("clicks", LIVE);
    try (MvStoreStore store = new MvStoreStore(data)) {
      Object engineLock = new Object();
      MvStoreHousekeeper keeper = store.startHousekeeping(timeline, step -> {
        synchronized (engineLock) {
          step.run();
          store.commit();
        }
      });
      try {
        churn.create(store);
        for (int i = 0; i < CYCLES; i++) {
          synchronized (engineLock) {
            churn.cycle(store, i);
            store.commit();
          }
          if (i % 1_000 == 999) timeline.advance(MvStoreStore.HOUSEKEEPING_INTERVAL);
        }
        // Dead chunks go back to the free list on a commit once H2's retention has passed: keep writing until then.
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
          synchronized (engineLock) {
            churn.touch(store);
            store.commit();
          }
          keeper.housekeep();
          assertThat(store.fileSize()).isLessThan(RUNNING_BOUND);
        });
      } finally {
        keeper.close();
      }
    }
    try (MvStoreStore reopened = new MvStoreStore(data)) {
      assertThat(reopened.fileSize()).isLessThan(REOPENED_BOUND);
      churn.assertHeldBy(reopened);
    }
  }
}
