package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTest {
  private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant EXPIRES = Instant.parse("2024-06-01T00:00:00Z");

  @Test
  void aLinkExpiresAtItsExpiryInstantNotAfter() {
    Link link = new Link("abc", "inc1", "https://e.com", "o", 302, CREATED, EXPIRES, Link.Status.ACTIVE);
    assertThat(link.expiredAt(EXPIRES.minusMillis(1))).isFalse();
    assertThat(link.expiredAt(EXPIRES)).isTrue();
    assertThat(link.expiredAt(EXPIRES.plusSeconds(1))).isTrue();
  }

  @Test
  void aLinkWithoutExpiryNeverExpires() {
    Link link = new Link("abc", "inc1", "https://e.com", "o", 302, CREATED, null, Link.Status.ACTIVE);
    assertThat(link.expiredAt(Instant.MAX)).isFalse();
  }

  @Test
  void requiredFieldsMayNotBeNull() {
    assertThatThrownBy(() -> new Link(null, "inc1", "u", "o", 302, CREATED, null, Link.Status.ACTIVE)).hasMessage("code");
    assertThatThrownBy(() -> new Link("c", "inc1", null, "o", 302, CREATED, null, Link.Status.ACTIVE)).hasMessage("url");
    assertThatThrownBy(() -> new Link("c", "inc1", "u", null, 302, CREATED, null, Link.Status.ACTIVE)).hasMessage("owner");
    assertThatThrownBy(() -> new Link("c", "inc1", "u", "o", 302, null, null, Link.Status.ACTIVE)).hasMessage("createdAt");
    assertThatThrownBy(() -> new Link("c", "inc1", "u", "o", 302, CREATED, null, null)).hasMessage("status");
  }

  @Test
  void aPageKeepsItsItemsAndCursor() {
    Page<String> page = new Page<>(List.of("a", "b"), "next");
    assertThat(page.items()).containsExactly("a", "b");
    assertThat(page.cursor()).isEqualTo("next");
    assertThat(new Page<>(List.of(), null).cursor()).isNull();
  }
}
