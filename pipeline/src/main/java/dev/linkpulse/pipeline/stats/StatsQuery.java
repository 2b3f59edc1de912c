package dev.linkpulse.pipeline.stats;

import dev.linkpulse.core.Keys;
import dev.linkpulse.core.http.ApiException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The stats request: a time range, a bucket interval and a time zone. Accepts instants ({@code 2026-11-01T09:00:00Z}),
 * offset date-times, or dates ({@code 2026-11-01}, midnight in {@code tz}). Defaults: the last 7 days, daily buckets
 * beyond 48 hours and hourly within, UTC. {@link #parse} is a pure function: it returns a query or throws
 * {@link ApiException} 400 ({@code tz_invalid}, {@code range_invalid}, {@code interval_invalid}) and nothing else; a
 * range outside what any click can have ({@link Keys#EARLIEST} to {@link Keys#LATEST}) is {@code range_invalid}.
 */
public record StatsQuery(Instant from, Instant to, Interval interval, ZoneId tz) {
  public enum Interval { HOUR, DAY }

  static final Duration DEFAULT_RANGE = Duration.ofDays(7);
  static final Duration MAX_RANGE = Duration.ofDays(400);
  static final Duration MAX_HOURLY_RANGE = Duration.ofDays(31);

  public static StatsQuery parse(Map<String, String> params, Clock clock) {
    ZoneId tz;
    try {
      tz = ZoneId.of(params.getOrDefault("tz", "UTC"));
    } catch (DateTimeException e) {
      throw ApiException.badRequest("tz_invalid", "tz must be an IANA time zone such as Europe/Berlin or UTC");
    }
    Instant to = params.containsKey("to") ? instant(params.get("to"), tz, "to") : clock.instant();
    if (!Keys.spellable(to)) throw outOfRange();
    Instant from = params.containsKey("from") ? instant(params.get("from"), tz, "from") : to.minus(DEFAULT_RANGE);
    if (!Keys.spellable(from)) throw outOfRange();
    if (!from.isBefore(to)) throw ApiException.badRequest("range_invalid", "from must be before to");
    Duration range = Duration.between(from, to);
    if (range.compareTo(MAX_RANGE) > 0) throw ApiException.badRequest("range_invalid", "the range may span at most " + MAX_RANGE.toDays() + " days");
    Interval interval;
    String i = params.get("interval");
    if (i == null) interval = range.compareTo(Duration.ofHours(48)) > 0 ? Interval.DAY : Interval.HOUR;
    else if (i.equals("hour")) interval = Interval.HOUR;
    else if (i.equals("day")) interval = Interval.DAY;
    else throw ApiException.badRequest("interval_invalid", "interval must be hour or day");
    if (interval == Interval.HOUR && range.compareTo(MAX_HOURLY_RANGE) > 0) {
      throw ApiException.badRequest("range_invalid", "hourly series may span at most " + MAX_HOURLY_RANGE.toDays() + " days; use interval=day");
    }
    return new StatsQuery(from, to, interval, tz);
  }

  /** Counter items are hourly: the range read covers every hour that overlaps [from, to). */
  Instant firstHour() {
    return from.truncatedTo(ChronoUnit.HOURS);
  }

  private static ApiException outOfRange() {
    return ApiException.badRequest("range_invalid", "from and to must lie between " + Keys.EARLIEST + " and " + Keys.LATEST);
  }

  private static Instant instant(String text, ZoneId tz, String name) {
    try {
      if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(tz).toInstant();
      if (text.endsWith("Z")) return Instant.parse(text);
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw ApiException.badRequest("range_invalid", name + " must be an ISO-8601 date (2026-11-01) or date-time (2026-11-01T09:00:00Z)");
    }
  }
}
