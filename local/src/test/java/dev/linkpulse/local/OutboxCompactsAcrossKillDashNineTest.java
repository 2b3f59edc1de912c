package dev.linkpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the EventBridge outbox of a {@code --data} stack is compacted while the stack runs, and the compactions
 * lose no click and count none twice across a {@code kill -9}. The outbox threshold is 16 KiB (a click's line is
 * about 1 KB), so 300 clicks force several compactions; the stack is killed straight after the last redirect, as
 * in {@link ClicksSurviveKillDashNineTest}, and restarted on the same data directory.
 */
class OutboxCompactsAcrossKillDashNineTest {
  private static final int CLICKS = 300;
  private static final long THRESHOLD = 16 * 1024;
  private static final Map<String, String> PARAMETERS = Map.of("ClicksVisibilityTimeoutSeconds", "30");
  private static final List<String> JVM = List.of("-D" + EventBusBooter.OUTBOX_COMPACT_ABOVE_BYTES + "=" + THRESHOLD);

  @Test
  void everyClickIsCountedExactlyOnceAfterOnlineCompactionsAndAKill(@TempDir Path dataDir, @TempDir Path logs) throws Exception {
    StackProcess.StackPorts ports = StackProcess.StackPorts.free();
    Path log = logs.resolve("stack.log");
    String code;
    String token;
    try (StackProcess first = StackProcess.start(dataDir, ports, "compacting", log, PARAMETERS, JVM)) {
      token = first.token();
      code = CountedClicks.clickNewLink(URI.create(first.apiUrl()), ports.api(), token, "https://example.com/compacting", CLICKS);
      first.kill();
    }
    long compactions = Files.readAllLines(log).stream().filter(l -> l.contains("EventBridge outbox compacted")).count();
    long outboxBytes = Files.size(dataDir.resolve("eventbridge-outbox.log"));
    System.out.printf("outbox after %d clicks and a kill: %,d bytes, %d online compactions (threshold %,d)%n", CLICKS, outboxBytes, compactions, THRESHOLD);
    assertThat(compactions).as("online compactions in " + log).isGreaterThanOrEqualTo(3);
    assertThat(outboxBytes).as("the outbox at the kill").isLessThan(2 * THRESHOLD);
    try (StackProcess second = StackProcess.start(dataDir, ports, "compacting", log, PARAMETERS, JVM)) {
      CountedClicks.awaitCountedExactlyOnce(URI.create(second.apiUrl()), ports.api(), token, code, CLICKS);
    }
  }
}
