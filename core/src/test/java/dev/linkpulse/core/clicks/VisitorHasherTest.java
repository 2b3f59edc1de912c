package dev.linkpulse.core.clicks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VisitorHasherTest {
  static final String KEY = "0123456789abcdef0123456789abcdef";
  static final LocalDate DAY = LocalDate.of(2026, 11, 22);

  @Test
  void theSameVisitorOnTheSameDayHashesTheSameEveryTime() {
    VisitorHasher h = new VisitorHasher(KEY);
    String first = h.visitor("203.0.113.7", "Mozilla/5.0", DAY);
    // The per-thread Mac is reused: a second and third call must not carry state from the first.
    assertThat(h.visitor("198.51.100.1", "curl/8", DAY)).isNotEqualTo(first);
    assertThat(h.visitor("203.0.113.7", "Mozilla/5.0", DAY)).isEqualTo(first);
    assertThat(new VisitorHasher(KEY).visitor("203.0.113.7", "Mozilla/5.0", DAY)).isEqualTo(first);
    assertThat(first).matches("[A-Za-z0-9_-]{22}");
  }

  @Test
  void theVisitorIdChangesWithTheDayTheKeyTheIpAndTheAgent() {
    VisitorHasher h = new VisitorHasher(KEY);
    String base = h.visitor("203.0.113.7", "Mozilla/5.0", DAY);
    assertThat(h.visitor("203.0.113.7", "Mozilla/5.0", DAY.plusDays(1))).isNotEqualTo(base);
    assertThat(new VisitorHasher(KEY.replace('0', 'x')).visitor("203.0.113.7", "Mozilla/5.0", DAY)).isNotEqualTo(base);
    assertThat(h.visitor("203.0.113.8", "Mozilla/5.0", DAY)).isNotEqualTo(base);
    assertThat(h.visitor("203.0.113.7", "Mozilla/5.1", DAY)).isNotEqualTo(base);
    // The separator keeps a boundary shift between IP and agent from colliding.
    assertThat(h.visitor("1.2.3.4", "5x", DAY)).isNotEqualTo(h.visitor("1.2.3.45", "x", DAY));
  }

  @Test
  void concurrentCallersGetTheSameAnswersAsOneCaller() {
    VisitorHasher h = new VisitorHasher(KEY);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 2_000).parallel().forEach(i -> seen.add(h.visitor("10.0.0." + (i % 10), "ua", DAY)));
    assertThat(seen).hasSize(10);
  }

  @Test
  void aShortKeyIsRefusedAtConstruction() {
    assertThatThrownBy(() -> new VisitorHasher("too-short")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VisitorHashKey");
    assertThatThrownBy(() -> new VisitorHasher(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
