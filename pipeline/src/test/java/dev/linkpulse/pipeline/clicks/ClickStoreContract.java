package dev.linkpulse.pipeline.clicks;

import dev.linkpulse.core.links.LinkLife;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.clicks.ClickEvent;
import dev.linkpulse.pipeline.TestClicks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ClickStore} must do, run against the DynamoDB adapter and against the in-memory model. */
abstract class ClickStoreContract {
  static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  static final Duration RETENTION = Duration.ofDays(90);

  abstract ClickStore store();

  private static RawClick at(String code, Instant time) {
    return TestClicks.raw(code, time, "visitor-1", "DE", false);
  }

  @Test
  void putAll_thenRead_returnsTheWholeClick() {
    String code = TestClicks.code("whole");
    ClickEvent e = new ClickEvent(UUID.randomUUID().toString(), T.plusMillis(1234), code, "", "GET", "https://t.co/x",
        "Slackbot 1.0", "US", "visitor-xyz", true, Map.of("source", "newsletter", "medium", "email"));
    RawClick full = new RawClick(e, "Other", "Other", "bot", true, "link-preview");
    RawClick bare = new RawClick(new ClickEvent(UUID.randomUUID().toString(), T.plusMillis(2000), code, "", "HEAD", null, null,
        "ZZ", "visitor-abc", false, Map.of()), "Other", "Other", "other", true, "head");
    assertThat(store().putAll(List.of(full, bare), RETENTION)).isEmpty();
    assertThat(store().read(LinkLife.legacy(code), T, T.plusSeconds(60), null, 10).clicks()).containsExactly(full, bare);
  }

  @Test
  void putAll_sameEventAgain_storesItOnce() {
    String code = TestClicks.code("again");
    RawClick first = at(code, T);
    RawClick second = at(code, T.plusSeconds(1));
    store().putAll(List.of(first), RETENTION);
    assertThat(store().putAll(List.of(first, second), RETENTION)).isEmpty();
    store().putAll(List.of(second), RETENTION);
    assertThat(store().read(LinkLife.legacy(code), T, T.plusSeconds(60), null, 10).clicks()).containsExactly(first, second);
  }

  @Test
  void read_mergesThePartitionsInTimeOrder_andPagesWithACursor() {
    String code = TestClicks.code("pages");
    List<RawClick> all = new ArrayList<>();
    // 60 clicks over a minute, three to a millisecond at times: equal times are ordered by event id.
    for (int i = 0; i < 60; i++) all.add(at(code, T.plusMillis(1000L * (i / 3))));
    store().putAll(all, RETENTION);
    List<RawClick> expected = all.stream()
        .sorted(Comparator.comparing((RawClick c) -> c.event().time()).thenComparing(c -> c.event().eventId())).toList();

    List<RawClick> read = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String after = null;
    do {
      ClickStore.Page page = store().read(LinkLife.legacy(code), T, T.plusSeconds(60), after, 25);
      read.addAll(page.clicks());
      sizes.add(page.clicks().size());
      after = page.after();
    } while (after != null);
    assertThat(sizes).containsExactly(25, 25, 10);
    assertThat(read).containsExactlyElementsOf(expected);
  }

  @Test
  void read_aFullLastPage_endsWithoutACursor() {
    String code = TestClicks.code("full");
    store().putAll(List.of(at(code, T), at(code, T.plusSeconds(1))), RETENTION);
    ClickStore.Page page = store().read(LinkLife.legacy(code), T, T.plusSeconds(60), null, 2);
    assertThat(page.clicks()).hasSize(2);
    assertThat(page.after()).isNull();
  }

  @Test
  void read_keepsToTheRangeFromInclusiveToExclusive_andToTheLink() {
    String code = TestClicks.code("range");
    Instant from = T.plusSeconds(10);
    Instant to = T.plusSeconds(20);
    RawClick before = at(code, from.minusMillis(1));
    RawClick first = at(code, from);
    RawClick last = at(code, to.minusMillis(1));
    RawClick after = at(code, to);
    RawClick otherLink = at(code + "x", from.plusSeconds(1));
    store().putAll(List.of(before, first, last, after, otherLink), RETENTION);
    assertThat(store().read(LinkLife.legacy(code), from, to, null, 10).clicks()).containsExactly(first, last);
  }

  /** Defect 1 of issue 11: the raw clicks of a code's earlier life are never read for its later one. */
  @Test
  void read_givesOnlyTheClicksOfTheLifeAsked() {
    String code = TestClicks.code("lives");
    LinkLife first = new LinkLife(code, "AAAAAAA");
    LinkLife second = new LinkLife(code, "BBBBBBB");
    RawClick old = TestClicks.raw(first, T, "visitor-1", "DE", false);
    RawClick fresh = TestClicks.raw(second, T.plusSeconds(1), "visitor-2", "US", false);
    store().putAll(List.of(old, fresh), RETENTION);
    assertThat(store().read(second, T, T.plusSeconds(60), null, 10).clicks()).containsExactly(fresh);
    assertThat(store().read(first, T, T.plusSeconds(60), null, 10).clicks()).containsExactly(old);
    assertThat(store().read(LinkLife.legacy(code), T, T.plusSeconds(60), null, 10).clicks()).isEmpty();
  }
}
