package dev.linkpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
    String host = "\r\nHost: 127.0.0.1:" + ports.api();
    String code;
    String token;
    try (StackProcess first = StackProcess.start(dataDir, ports, "durable", null, PARAMETERS)) {
      URI api = URI.create(first.apiUrl());
      token = first.token();
      RawHttp created = RawHttp.send(api, "POST /links HTTP/1.1" + host + "\r\nAuthorization: Bearer " + token
          + "\r\nContent-Type: application/json", "{\"url\":\"https://example.com/durable\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      code = created.json().get("code").asText();
      for (int i = 0; i < CLICKS; i++) assertThat(RawHttp.send(api, "GET /" + code + " HTTP/1.1" + host).status()).isEqualTo(302);
      first.kill();
    }
    try (StackProcess second = StackProcess.start(dataDir, ports, "durable", null, PARAMETERS)) {
      URI api = URI.create(second.apiUrl());
      String stats = "GET /links/" + code + "/stats HTTP/1.1" + host + "\r\nAuthorization: Bearer " + token;
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
          assertThat(RawHttp.send(api, stats).json().path("total").asLong()).isGreaterThanOrEqualTo(CLICKS));
      // Redelivered events (the outbox re-sends what it had not marked delivered) are absorbed, never counted twice:
      // the total holds at exactly CLICKS while the restarted pipeline drains.
      await().during(Duration.ofSeconds(15)).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
          assertThat(RawHttp.send(api, stats).json().path("total").asLong()).isEqualTo(CLICKS));
    }
  }
}
