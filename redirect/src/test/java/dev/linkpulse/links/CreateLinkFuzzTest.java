package dev.linkpulse.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.links.CodeGenerator;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkCreated;
import dev.linkpulse.core.links.UrlValidator;
import dev.linkpulse.fixtures.InMemoryLinkStore;
import dev.linkpulse.testing.FuzzInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Coverage-guided fuzzing of {@code POST /links} from its body to the store: a body creates exactly one link and
 * announces it once (link.created, for the moderation saga), or answers a documented 4xx and stores and announces
 * nothing.
 */
class CreateLinkFuzzTest {
  private static final Set<String> CODES = Set.of("malformed_json", "unknown_field", "field_type", "redirect_invalid",
      "expires_invalid", "expires_in_past", "alias_invalid", "alias_reserved", "alias_taken", "url_missing", "url_too_long",
      "url_invalid_character", "url_malformed", "url_scheme", "url_credentials", "url_host", "url_loop");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final Link TAKEN = new Link("taken1", "inc1", "https://example.com/", "bob", 302, CLOCK.instant(), null, Link.Status.ACTIVE);

  private final CodeGenerator codes = new CodeGenerator();

  @FuzzTest
  void body(byte[] input) {
    InMemoryLinkStore store = new InMemoryLinkStore();
    store.putIfAbsent(TAKEN); // one alias already taken by someone else
    List<LinkCreated> announced = new ArrayList<>();
    LinkService service = new LinkService(store, new UrlValidator("https://lnk.example"), codes, CLOCK, "https://lnk.example", null, announced::add);
    LinkView view;
    try {
      view = service.create("alice", CreateLinkRequest.parse(FuzzInput.text(input)));
    } catch (ApiException refused) {
      assertThat(refused.status()).isBetween(400, 499);
      assertThat(CODES).contains(refused.code());
      assertThat(store.links()).containsOnlyKeys(TAKEN.code());
      assertThat(announced).isEmpty();
      return;
    }
    assertThat(store.links()).hasSize(2).containsKey(view.code());
    assertThat(announced).singleElement().extracting(LinkCreated::code).isEqualTo(view.code());
    assertThat(store.links().get(view.code()).owner()).isEqualTo("alice");
  }
}
