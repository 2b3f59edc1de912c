package dev.linkpulse.deploy.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.clicks.SyntheticClicks;
import dev.linkpulse.core.http.EdgeTrust;
import dev.linkpulse.fixtures.InMemoryLinkStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The PreTraffic probes: what each sends the version under test, and what answer passes. */
class ProbesTest {
  static final String VERSION = "arn:aws:lambda:us-east-1:000000000000:function:RedirectFunction:7";
  final Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
  final InMemoryLinkStore links = new InMemoryLinkStore();
  final CanaryLink canary = new CanaryLink(links, "lp-canary", clock);

  @Test
  void theRedirectProbeCreatesTheCanaryLinkAndPassesA302ToItsTarget() throws Exception {
    FakeVersion redirect = new FakeVersion(e -> "{\"statusCode\":302,\"headers\":{\"Location\":\"https://canary.linkpulse.invalid/lp-canary\"}}");
    Verdict v = new RedirectProbe(redirect, VERSION, canary, "edge-secret", clock).run();
    assertThat(v.passed()).as(v.reason()).isTrue();
    assertThat(links.links().get("lp-canary").owner()).isEqualTo(SyntheticClicks.CANARY_OWNER);
    assertThat(redirect.versions).containsExactly(VERSION);
    JsonNode event = Json.tree(redirect.events.get(0));
    assertThat(event.path("version").asText()).isEqualTo("2.0");
    assertThat(event.path("pathParameters").path("code").asText()).isEqualTo("lp-canary");
    assertThat(event.path("headers").path(EdgeTrust.HEADER).asText()).isEqualTo("edge-secret");
    assertThat(event.path("requestContext").path("http").path("method").asText()).isEqualTo("GET");
  }

  @Test
  void theRedirectProbeFailsAnyOtherStatusOrLocation() throws Exception {
    assertThat(new RedirectProbe(new FakeVersion(e -> "{\"statusCode\":500}"), VERSION, canary, "", clock).run().passed()).isFalse();
    assertThat(new RedirectProbe(new FakeVersion(e -> "{\"statusCode\":302,\"headers\":{\"Location\":\"https://evil.example\"}}"),
        VERSION, canary, "", clock).run().passed()).isFalse();
  }

  @Test
  void aBatchProbePassesOnlyAnAnswerWithNoItemFailures() throws Exception {
    assertThat(batch("{\"batchItemFailures\":[]}").passed()).isTrue();
    assertThat(batch("{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"}]}").passed()).isFalse();
    assertThat(batch("{}").passed()).as("no partial-batch answer at all").isFalse();
  }

  @Test
  void theAuthorizerProbeNeedsTheBadTokenRefused_andTheGoodOneAllowedWhenThereIsOne() throws Exception {
    String allow = "{\"principalId\":\"canary\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\"}]}}";
    FakeVersion strict = new FakeVersion(e -> {
      if (e.contains(AuthorizerProbe.BAD_TOKEN)) throw new VersionInvoker.FunctionFailed("Unhandled: {\"errorMessage\":\"Unauthorized\"}");
      return allow;
    });
    assertThat(new AuthorizerProbe(strict, VERSION, () -> Optional.of("good")).run().passed()).isTrue();
    assertThat(new AuthorizerProbe(strict, VERSION, Optional::empty).run().passed()).isTrue();
    assertThat(strict.events).allMatch(e -> e.contains("\"type\":\"REQUEST\""));
    assertThat(new AuthorizerProbe(new FakeVersion(e -> allow), VERSION, Optional::empty).run().passed()).as("allows anything").isFalse();
    FakeVersion refusesAll = new FakeVersion(e -> {
      throw new VersionInvoker.FunctionFailed("Unhandled: Unauthorized");
    });
    assertThat(new AuthorizerProbe(refusesAll, VERSION, () -> Optional.of("good")).run().passed()).as("refuses a good token").isFalse();
  }

  private Verdict batch(String answer) throws Exception {
    return new BatchProbe(new FakeVersion(e -> answer), VERSION, () -> CanaryBatches.recorderBatch("lp-canary", clock), "batch").run();
  }
}
