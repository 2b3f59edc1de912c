package dev.linkpulse.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The generator's side of the books: redirects by class and failures apart, per link, in the order links opened. */
class LedgerTest {
  @Test
  void redirectsAreBookedByClassAndFailuresApart() {
    Ledger ledger = new Ledger();
    ledger.open("quiet");
    ledger.redirected("busy", false, 10);
    ledger.redirected("busy", true, 30);
    ledger.redirected("busy", false, 20);
    ledger.failed("busy");
    assertThat(ledger.snapshot()).containsExactly(
        java.util.Map.entry("quiet", Ledger.Tally.NONE),
        java.util.Map.entry("busy", new Ledger.Tally(2, 1, 1)));
    assertThat(ledger.lastRedirectMillis()).isEqualTo(30);
  }

  @Test
  void concurrentBookingsAreAllCounted() {
    Ledger ledger = new Ledger();
    IntStream.range(0, 40_000).parallel().forEach(i -> ledger.redirected("l" + (i % 4), i % 5 == 0, i));
    assertThat(ledger.snapshot().values().stream().mapToLong(Ledger.Tally::total).sum()).isEqualTo(40_000);
    assertThat(ledger.snapshot().values().stream().mapToLong(Ledger.Tally::bot).sum()).isEqualTo(8_000);
    assertThat(ledger.snapshot()).hasSize(4);
  }
}
