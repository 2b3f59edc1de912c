package dev.linkpulse.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.core.clicks.SyntheticClicks;
import dev.linkpulse.core.clicks.VisitorHasher;
import dev.linkpulse.core.links.Link;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The redirect keeps the deploy hooks' clicks apart: counted on the canary link only, never on an owner's. */
class SyntheticRedirectsTest {
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  static final String KEY = "s".repeat(32);
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final SyntheticClicks synthetic = SyntheticClicks.of(KEY, "lp-canary");
  final List<ClickEvent> published = new ArrayList<>();
  final Map<String, Link> links = new HashMap<>(Map.of(
      "lp-canary", link("lp-canary", SyntheticClicks.CANARY_OWNER), "hello", link("hello", "alice")));
  final Redirects redirects = new Redirects(code -> Optional.ofNullable(links.get(code)),
      new ClickFactory(new VisitorHasher("v".repeat(32)), clock), published::add, synthetic, clock);

  @Test
  void aMarkedClickOnTheCanaryLinkIsPublished_andAnswered() {
    var response = redirects.answer(request("lp-canary", synthetic.mark("lp-canary", "run1", NOW.plusSeconds(60))));
    assertThat(response.getStatusCode()).isEqualTo(302);
    assertThat(response.getHeaders()).containsEntry("Location", "https://example.com/lp-canary");
    assertThat(published).extracting(ClickEvent::code).containsExactly("lp-canary");
  }

  @Test
  void aMarkedClickOnAnOwnersLinkIsAnsweredButNeverCounted() {
    var response = redirects.answer(request("hello", synthetic.mark("hello", "run1", NOW.plusSeconds(60))));
    assertThat(response.getStatusCode()).isEqualTo(302);
    assertThat(published).isEmpty();
  }

  @Test
  void anUnmarkedOrForgedClickOnTheCanaryLinkIsNotCounted_andAnOwnersUnmarkedClickIs() {
    SyntheticClicks forger = SyntheticClicks.of("f".repeat(32), "lp-canary");
    redirects.answer(request("lp-canary", null));
    redirects.answer(request("lp-canary", forger.mark("lp-canary", "run1", NOW.plusSeconds(60))));
    redirects.answer(request("lp-canary", synthetic.mark("lp-canary", "run1", NOW.minusSeconds(1))));
    assertThat(published).isEmpty();
    redirects.answer(request("hello", forger.mark("hello", "run1", NOW.plusSeconds(60))));
    redirects.answer(request("hello", null));
    assertThat(published).extracting(ClickEvent::code).containsExactly("hello", "hello");
  }

  private static RedirectRequest request(String code, String marker) {
    Map<String, String> headers = new HashMap<>(Map.of("user-agent", "Mozilla/5.0"));
    if (marker != null) headers.put(SyntheticClicks.HEADER, marker);
    return new RedirectRequest("GET", code, headers, Map.of(), "192.0.2.1");
  }

  private static Link link(String code, String owner) {
    return new Link(code, "", "https://example.com/" + code, owner, 302, NOW.minusSeconds(3600), null, Link.Status.ACTIVE);
  }
}
