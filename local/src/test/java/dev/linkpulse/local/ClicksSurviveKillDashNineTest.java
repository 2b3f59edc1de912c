package dev.linkpulse.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 7 of issue 11: 500 answered redirects, {@code kill -9} of the stack at about click 92, a restart on the
 * same {@code --data}: 494 counted. The lost clicks sat in the EventBridge outbox and in ElasticMQ, which nothing
 * persisted. Now an answered PutEvents is on disk before it is acknowledged, ElasticMQ keeps its queues and
 * messages, and the stream mapping (TRIM_HORIZON) reads the persisted stream again, its counters' watermarks
 * skipping what was applied. The stack runs in a JVM of its own, so the kill is a real SIGKILL, straight after the
 * last redirect was answered, while the last clicks are still on their way (in the outbox, the queue, or a recorder
 * batch). The clicks queue hides for 30 s (the recorder's timeout, the least Lambda allows) rather than 180 s, so
 * the batch the killed recorder held comes back within the test; 200 clicks leave as many on their way at the kill
 * as 500 did (what is in flight is the last batch's worth).
 */
class ClicksSurviveKillDashNineTest {
  private static final int CLICKS = 200;
  private static final Map<String, String> PARAMETERS = Map.of("ClicksVisibilityTimeoutSeconds", "30");

  @Test
  void everyAnsweredRedirectIsCountedExactlyOnceAfterKillDashNineAndARestart(@TempDir Path dataDir) throws Exception {
    StackProcess.StackPorts ports = StackProcess.StackPorts.free();
    String code;
    String token;
    try (StackProcess first = StackProcess.start(dataDir, ports, "durable", null, PARAMETERS)) {
      token = first.token();
      code = CountedClicks.clickNewLink(URI.create(first.apiUrl()), ports.api(), token, "https://example.com/durable", CLICKS);
      first.kill();
    }
    try (StackProcess second = StackProcess.start(dataDir, ports, "durable", null, PARAMETERS)) {
      CountedClicks.awaitCountedExactlyOnce(URI.create(second.apiUrl()), ports.api(), token, code, CLICKS);
    }
  }
}
