package dev.linkpulse.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.linkpulse.core.Keys;
import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.testing.FuzzInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage-guided fuzzing of what a stats or export request carries: the range parameters and the export's
 * {@code after} cursor. Each answers a documented 400 or gives a value no store can refuse.
 */
class StatsRequestFuzzTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final Set<String> RANGE_CODES = Set.of("tz_invalid", "range_invalid", "interval_invalid");
  private static final StatsQuery MARCH = new StatsQuery(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
      StatsQuery.Interval.DAY, ZoneOffset.UTC);

  /** One parameter a line: from, to, interval, tz; a missing line is an absent parameter. */
  @FuzzTest
  void range(byte[] input) {
    List<String> values = FuzzInput.fields(input, 4);
    Map<String, String> params = new HashMap<>();
    String[] names = {"from", "to", "interval", "tz"};
    for (int i = 0; i < names.length; i++) if (values.get(i) != null) params.put(names[i], values.get(i));
    StatsQuery query;
    try {
      query = StatsQuery.parse(params, CLOCK);
    } catch (ApiException refused) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(RANGE_CODES).contains(refused.code());
      return;
    }
    assertThat(Keys.spellable(query.from()) && Keys.spellable(query.to())).isTrue();
    assertThat(query.from()).isBefore(query.to());
    assertThat(Keys.spellable(query.firstHour())).isTrue();
  }

  @FuzzTest
  void exportCursor(byte[] input) {
    String after = FuzzInput.text(input);
    String sortKey;
    try {
      sortKey = ExportCursor.decode(after, MARCH);
    } catch (ApiException refused) {
      assertThat(refused.code()).isEqualTo("cursor_invalid");
      return;
    }
    long millis = Long.parseLong(sortKey.substring(0, sortKey.indexOf('#')));
    assertThat(millis).isBetween(MARCH.from().toEpochMilli(), MARCH.to().toEpochMilli() - 1);
    assertThat(ExportCursor.decode(ExportCursor.encode(sortKey), MARCH)).isEqualTo(sortKey);
  }
}
