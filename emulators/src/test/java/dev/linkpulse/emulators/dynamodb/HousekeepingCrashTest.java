package dev.linkpulse.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill -9 while the housekeeper rewrites chunks loses no committed write and tears no request: after the restart
 * the store holds whole cycles 0..k-1 (each cycle's row, stream record and sequence together), with k at least the
 * number acknowledged.
 */
class HousekeepingCrashTest {
  @TempDir Path data;

  @Test
  void aKillDashNineMidHousekeepingKeepsEveryCommittedCycleWhole() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ChurnProcess.class.getName(), data.toString()).redirectErrorStream(true).start();
    int acknowledged = 0;
    int passes = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      for (String line; (acknowledged < 3_000 || passes < 3) && (line = out.readLine()) != null; ) {
        if (line.startsWith("ACK ")) acknowledged = Integer.parseInt(line.substring(4)) + 1;
        else if (line.startsWith("PASS ")) passes = Integer.parseInt(line.substring(5));
      }
      child.destroyForcibly().waitFor();
    }
    assertThat(passes).as("housekeeping passes that rewrote chunks before the kill").isGreaterThanOrEqualTo(3);
    try (MvStoreStore reopened = new MvStoreStore(data)) {
      Store.StoredTable clicks = reopened.load().get("clicks");
      List<Integer> raw = clicks.items().stream().map(item -> item.path("PK").path("S").asText())
          .filter(pk -> pk.startsWith("raw#")).map(pk -> Integer.parseInt(pk.substring(4))).sorted().toList();
      int cycles = raw.size();
      assertThat(cycles).isGreaterThanOrEqualTo(acknowledged);
      assertThat(raw).isEqualTo(IntStream.range(0, cycles).boxed().toList());
      assertThat(clicks.records()).hasSize(cycles);
      assertThat(clicks.lastSequence()).isEqualTo(cycles);
    }
  }
}
