package dev.linkpulse.redirect;

import dev.linkpulse.core.links.Link;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small per-instance cache of link lookups, so that a popular link costs one DynamoDB read per TTL rather than one
 * per click. The TTL bounds how long a disabled or deleted link can keep redirecting (the SLA is 60 s). Misses are
 * not cached: a link created a moment after someone mistyped its code must work at once.
 */
final class LinkCache {
  private record Entry(Link link, Instant loadedAt) {}

  private final Map<String, Entry> entries;
  private final Duration ttl;
  private final Clock clock;

  LinkCache(int maxEntries, Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    this.entries = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > maxEntries;
      }
    };
  }

  synchronized Optional<Link> get(String code, Function<String, Optional<Link>> loader) {
    Instant now = clock.instant();
    Entry entry = entries.get(code);
    if (entry != null && now.isBefore(entry.loadedAt().plus(ttl))) return Optional.of(entry.link());
    Optional<Link> loaded = loader.apply(code);
    loaded.ifPresentOrElse(link -> entries.put(code, new Entry(link, now)), () -> entries.remove(code));
    return loaded;
  }
}
