package dev.linkpulse.local.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import dev.linkpulse.testkit.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Defect 6 of issue 11: a visitor's country and identity came from {@code CloudFront-Viewer-*} headers that any client
 * could send, because nothing put CloudFront in front of the API. The edge is now in the template, the functions
 * trust those headers only on requests that carry the edge's origin secret, and the local gateway acts as that edge:
 * what a client sends under those names never reaches a click.
 */
class ForgedViewerHeadersAreIgnoredTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);

  static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

  private static JsonNode stats(String code, String token) {
    ApiResponse r = stack.get("/links/" + code + "/stats?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
        + Instant.now().plus(Duration.ofHours(1)), token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void forgedCountryAndViewerAddressHeadersDoNotReachTheClick() throws Exception {
    String token = stack.token("forger-" + UUID.randomUUID());
    String code = stack.post("/links", token, "{\"url\":\"https://example.com/forged\"}").json().get("code").asText();
    List<Map<String, String>> forgeries = List.of(
        Map.of("CloudFront-Viewer-Country", "DE", "CloudFront-Viewer-Address", "203.0.113.7:4711"),
        Map.of("cloudfront-viewer-country", "US", "cloudfront-viewer-address", "198.51.100.9:1234"),
        Map.of("CloudFront-Viewer-Country", "FR", "CloudFront-Viewer-Address", "[2001:db8::1]:443", "X-Linkpulse-Edge", "guessed"),
        Map.of("CLOUDFRONT-VIEWER-COUNTRY", "JP"));
    // A click the redirect could not publish within its budget (a cold, busy machine) is lost and counted as such.
    long lostBefore = dev.linkpulse.local.LocalMetrics.sum("redirect", "ClickPublishFailed");
    for (Map<String, String> forged : forgeries) {
      Map<String, String> headers = new java.util.LinkedHashMap<>(forged);
      headers.put("User-Agent", UA);
      assertThat(stack.send("GET", "/" + code, null, null, headers).status()).isEqualTo(302);
    }
    long published = forgeries.size() - (dev.linkpulse.local.LocalMetrics.sum("redirect", "ClickPublishFailed") - lostBefore);
    assertThat(published).isPositive();
    await().atMost(Duration.ofSeconds(90)).until(() -> stats(code, token).get("total").asLong() == published);
    assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();

    JsonNode s = stats(code, token);
    assertThat(s.get("total").asLong()).isEqualTo(published);
    assertThat(s.at("/top/countries").toString()).as("no forged country was counted").doesNotContain("DE", "US", "FR", "JP");
    assertThat(s.get("uniques").asLong()).as("one real visitor, whatever address it claimed").isEqualTo(1);
    String csv = stack.get("/links/" + code + "/clicks.csv?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
        + Instant.now().plus(Duration.ofHours(1)), token).body();
    assertThat(csv.lines().skip(1)).hasSize((int) published).allSatisfy(row -> assertThat(row).contains(",ZZ,"));
  }
}
