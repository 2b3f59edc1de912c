package dev.linkpulse.local.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.StackExtension;
import dev.linkpulse.testkit.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Defect 1 of issue 11: Alice's alias got clicks, she deleted it, Bob created the same alias, and his stats showed her
 * totals and referrers and his clicks.csv held her raw rows, because stats and export read by code alone. A code's
 * analytics now belong to one life of its link (docs/pipeline.md, "A code's lives").
 */
class DeletedLinksHistoryIsNotInheritedTest {
  @RegisterExtension
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token).parameter("LinkCacheSeconds", "1");

  static final String ALICES_REFERRER = "https://alice-only.example/private?token=s3cret";

  private static String range() {
    return "from=" + Instant.now().minus(Duration.ofDays(1)) + "&to=" + Instant.now().plus(Duration.ofHours(1));
  }

  private static JsonNode stats(String code, String token) {
    ApiResponse r = stack.get("/links/" + code + "/stats?" + range(), token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static String csv(String code, String token) {
    ApiResponse r = stack.get("/links/" + code + "/clicks.csv?" + range(), token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static void create(String token, String alias, String url) {
    ApiResponse r = stack.post("/links", token, "{\"url\":\"" + url + "\",\"alias\":\"" + alias + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static void click(String alias, String referrer, String expectedLocation) {
    // The redirect caches links for LinkCacheSeconds (1 s here): wait until it serves the link just created.
    await().atMost(Duration.ofSeconds(90)).until(() -> expectedLocation.equals(stack.get("/" + alias + "?probe", null).header("location")));
    ApiResponse r = stack.send("GET", "/" + alias, null, null, Map.of("Referer", referrer, "User-Agent", "Mozilla/5.0 Firefox/128.0"));
    assertThat(r.header("location")).isEqualTo(expectedLocation);
  }

  /** At least {@code clicks} counted (the probes that waited for the redirect's cache count too), then quiet. */
  private static void awaitAtLeast(String code, String token, long clicks) throws InterruptedException {
    await().atMost(Duration.ofSeconds(90)).until(() -> stats(code, token).get("total").asLong() >= clicks);
    assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
  }

  private static long rows(String csv) {
    return csv.lines().count() - 1;
  }

  @Test
  void aReCreatedAliasStartsWithNoStatsNoReferrersAndNoRawClicksOfItsPreviousOwner() throws Exception {
    String alias = "reuse-" + UUID.randomUUID().toString().substring(0, 8);
    String alice = stack.token("alice-" + alias);
    String bob = stack.token("bob-" + alias);
    create(alice, alias, "https://alice.example/");
    for (int i = 0; i < 4; i++) click(alias, ALICES_REFERRER, "https://alice.example/");
    awaitAtLeast(alias, alice, 4);
    assertThat(csv(alias, alice)).contains("alice-only.example");

    assertThat(stack.delete("/links/" + alias, alice).status()).isEqualTo(204);
    create(bob, alias, "https://bob.example/");
    JsonNode fresh = stats(alias, bob);
    assertThat(fresh.get("total").asLong()).isZero();
    assertThat(fresh.get("uniques").asLong()).isZero();
    assertThat(fresh.at("/top/referrers")).isEmpty();
    assertThat(rows(csv(alias, bob))).isZero();

    long lostBefore = dev.linkpulse.local.LocalMetrics.sum("redirect", "ClickPublishFailed");
    click(alias, "https://bob.example/launch", "https://bob.example/");
    // Bob's: the probe that saw his link, and the click; less any click the redirect could not publish in time.
    long lost = dev.linkpulse.local.LocalMetrics.sum("redirect", "ClickPublishFailed") - lostBefore;
    await().atMost(Duration.ofSeconds(90)).until(() -> stats(alias, bob).get("total").asLong() >= 2 - lost);
    assertThat(stack.stack().awaitQuiet(Duration.ofSeconds(60))).isTrue();
    long bobs = stats(alias, bob).get("total").asLong();
    assertThat(bobs).as("Bob's clicks only: Alice's four and more are not his").isBetween(2 - lost, 2L);
    assertThat(stats(alias, bob).at("/top/referrers").toString()).doesNotContain("alice-only.example");
    String export = csv(alias, bob);
    assertThat(export).doesNotContain("alice-only.example", "s3cret");
    assertThat(rows(export)).isEqualTo(bobs);
  }

  @Test
  void theSameOwnerReCreatingADeletedAliasAlsoStartsClean() throws Exception {
    String alias = "again-" + UUID.randomUUID().toString().substring(0, 8);
    String alice = stack.token("alice-" + alias);
    create(alice, alias, "https://first.example/");
    click(alias, ALICES_REFERRER, "https://first.example/");
    awaitAtLeast(alias, alice, 1);

    assertThat(stack.delete("/links/" + alias, alice).status()).isEqualTo(204);
    assertThat(stack.get("/links/" + alias + "/stats?" + range(), alice).status()).isEqualTo(404);
    create(alice, alias, "https://second.example/");
    assertThat(stats(alias, alice).get("total").asLong()).isZero();
    assertThat(rows(csv(alias, alice))).isZero();
  }
}
