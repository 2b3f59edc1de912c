package dev.linkpulse.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.core.links.Link;
import dev.linkpulse.core.links.LinkStore;
import dev.linkpulse.pipeline.DynamoDbFixture;
import dev.linkpulse.pipeline.TestClicks;
import dev.linkpulse.pipeline.clicks.InMemoryClickStore;
import dev.linkpulse.pipeline.clicks.RawClick;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CSV export's rule: the owner reads a link's raw clicks; anyone else sees a missing link. */
class ClicksExportTest {
  @RegisterExtension
  static final DynamoDbFixture db = new DynamoDbFixture();
  static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void page_forTheOwner_readsTheRange_andForAnyoneElse_isNotFound() {
    LinkStore links = LinkStore.dynamoDb(db.dynamo(), db.table());
    String code = TestClicks.code("csv");
    links.putIfAbsent(new Link(code, "", "https://example.com", "alice", 302, T, null, Link.Status.ACTIVE));
    InMemoryClickStore clicks = new InMemoryClickStore();
    RawClick inside = TestClicks.raw(code, T.plusSeconds(60), "visitor-1", "DE", false);
    RawClick outside = TestClicks.raw(code, T.minusSeconds(60), "visitor-2", "DE", false);
    clicks.putAll(List.of(inside, outside), Duration.ofDays(90));
    ClicksExport export = new ClicksExport(links, clicks);
    StatsQuery range = StatsQuery.parse(Map.of("from", T.toString(), "to", T.plusSeconds(3600).toString()), Clock.fixed(T, ZoneOffset.UTC));

    assertThat(export.page("alice", code, range, null).clicks()).containsExactly(inside);
    assertThatThrownBy(() -> export.page("mallory", code, range, null)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).isEqualTo(404));
  }
}
