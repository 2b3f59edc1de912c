package dev.linkpulse.emulators.dynamodb;

import dev.linkpulse.emulators.storage.MvStoreHousekeeper;
import dev.linkpulse.emulators.time.ManualTimeline;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A store alone in a JVM, churned as the click pipeline writes, with its housekeeper running pass after pass, so a
 * test can kill -9 it mid-housekeeping. Prints {@code ACK i} once cycle {@code i} is committed and {@code PASS n}
 * after each pass that rewrote something.
 */
public final class ChurnProcess {
  private ChurnProcess() {}

  public static void main(String[] args) {
    MvStoreStore store = new MvStoreStore(Path.of(args[0]));
    Object engineLock = new Object();
    MvStoreHousekeeper keeper = store.startHousekeeping(new ManualTimeline(Instant.EPOCH), step -> {
      synchronized (engineLock) {
        step.run();
        store.commit();
      }
    });
    StoreChurn churn = new StoreChurn("clicks", 0);
    synchronized (engineLock) {
      churn.create(store);
      store.commit();
    }
    Thread housekeeping = new Thread(() -> {
      for (int passes = 0; ; ) {
        if (keeper.housekeep() > 0) System.out.println("PASS " + ++passes);
      }
    });
    housekeeping.setDaemon(true);
    housekeeping.start();
    for (int i = 0; ; i++) {
      synchronized (engineLock) {
        churn.cycle(store, i);
        store.commit();
      }
      System.out.println("ACK " + i);
    }
  }
}
