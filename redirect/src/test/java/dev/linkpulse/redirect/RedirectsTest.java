package dev.linkpulse.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.links.Link;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a link that does not redirect answers; nothing is published for it (the publisher here would fail). */
class RedirectsTest {
  private static Redirects serving(Link.Status status) {
    Link link = new Link("abc", "inc0001", "https://phish.example/login", "o", 302, Instant.EPOCH, null, status, "why");
    return new Redirects(code -> Optional.of(link), null, null, Clock.systemUTC());
  }

  private static RedirectRequest request() {
    return new RedirectRequest("GET", "abc", Map.of(), Map.of(), "203.0.113.9");
  }

  @Test
  void aRejectedLinkAnswers410WithAPlainPageThatDoesNotRepeatItsTarget() {
    var response = serving(Link.Status.REJECTED).answer(request());
    assertThat(response.getStatusCode()).isEqualTo(410);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
        .containsEntry("Content-Security-Policy", "default-src 'none'").containsEntry("Cache-Control", "no-store")
        .doesNotContainKey("Location");
    assertThat(response.getBody()).doesNotContain("phish").doesNotContain("<script").doesNotContain("<a ");
  }

  @Test
  void aDisabledLinkStillAnswersTheJson410() {
    assertThatThrownBy(() -> serving(Link.Status.DISABLED).answer(request())).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.code()).isEqualTo("link_disabled"));
  }

  @Test
  void pendingAndInReviewLinksRedirect() {
    assertThat(Link.Status.PENDING.redirects()).isTrue();
    assertThat(Link.Status.IN_REVIEW.redirects()).isTrue();
    assertThat(Link.Status.REJECTED.redirects()).isFalse();
  }
}
