package dev.linkpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;

/** The kill-and-restart tests' clicks: a link clicked N times through a stack process, then its total awaited. */
final class CountedClicks {
  private CountedClicks() {}

  /** Creates a link to {@code url} as the token's user and follows it {@code clicks} times; returns its code. */
  static String clickNewLink(URI api, int apiPort, String token, String url, int clicks) throws Exception {
    String host = host(apiPort);
    RawHttp created = RawHttp.send(api, "POST /links HTTP/1.1" + host + "\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json", "{\"url\":\"" + url + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String code = created.json().get("code").asText();
    for (int i = 0; i < clicks; i++) assertThat(RawHttp.send(api, "GET /" + code + " HTTP/1.1" + host).status()).isEqualTo(302);
    return code;
  }

  /**
   * Waits for the link's total to reach {@code clicks}, then checks it holds at exactly that for 15 s: redelivered
   * events (the outbox re-sends what it had not marked delivered) are absorbed, never counted twice.
   */
  static void awaitCountedExactlyOnce(URI api, int apiPort, String token, String code, int clicks) {
    String stats = "GET /links/" + code + "/stats HTTP/1.1" + host(apiPort) + "\r\nAuthorization: Bearer " + token;
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
        assertThat(RawHttp.send(api, stats).json().path("total").asLong()).isGreaterThanOrEqualTo(clicks));
    await().during(Duration.ofSeconds(15)).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
        assertThat(RawHttp.send(api, stats).json().path("total").asLong()).isEqualTo(clicks));
  }

  private static String host(int apiPort) {
    return "\r\nHost: 127.0.0.1:" + apiPort;
  }
}
