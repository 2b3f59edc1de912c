package dev.linkpulse.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The accounting's verdicts, against a stats source the test controls: balanced only when every link's human and
 * bot counts equal what was sent; a shortfall, an over-count (even one that arrives after the counts first agree)
 * and an unreadable link all fail it, each with its row.
 */
class AccountantTest {
  private final Map<String, ApiClient.Counts> counted = new ConcurrentHashMap<>();
  private final Ledger ledger = new Ledger();

  /** For books that balance: it returns as soon as they do, so the long timeout costs nothing and no timing matters. */
  private Accounting account(Accountant.StatsReader stats) throws InterruptedException {
    return new Accountant(stats, Duration.ofMinutes(1), Duration.ofMillis(5), Duration.ofMillis(20), line -> { }).account("Test", ledger);
  }

  /** For books that never balance: it waits out its timeout, whose length changes nothing but the test's duration. */
  private Accounting accountUnbalanced(Accountant.StatsReader stats) throws InterruptedException {
    return new Accountant(stats, Duration.ofMillis(200), Duration.ofMillis(5), Duration.ofMillis(20), line -> { }).account("Test", ledger);
  }

  private void send(String code, int humans, int bots) {
    ledger.open(code);
    for (int i = 0; i < humans; i++) ledger.redirected(code, false, 1000);
    for (int i = 0; i < bots; i++) ledger.redirected(code, true, 2000);
  }

  @Test
  void balancedWhenEveryLinkCountsWhatWasSentHumansAndBotsApart() throws Exception {
    send("aaa", 3, 1);
    send("bbb", 0, 0);
    counted.put("aaa", new ApiClient.Counts(4, 3, 1));
    counted.put("bbb", ApiClient.Counts.NONE);
    Accounting a = account(counted::get);
    assertThat(a.balanced()).isTrue();
    assertThat(a.lastSentMillis()).isEqualTo(2000);
    assertThat(a.lagMillis()).isNotNegative();
    assertThat(a.unbalanced()).isEmpty();
  }

  @Test
  void countsThatArriveWhileItWaitsBalanceIt() throws Exception {
    send("aaa", 2, 0);
    AtomicInteger reads = new AtomicInteger();
    Accounting a = account(code -> reads.incrementAndGet() < 5 ? new ApiClient.Counts(1, 1, 0) : new ApiClient.Counts(2, 2, 0));
    assertThat(a.balanced()).isTrue();
    assertThat(reads.get()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void lostClicksFailItWithThatLinksRow() throws Exception {
    send("aaa", 5, 2);
    send("bbb", 1, 0);
    counted.put("aaa", new ApiClient.Counts(5, 4, 1));
    counted.put("bbb", new ApiClient.Counts(1, 1, 0));
    Accounting a = accountUnbalanced(counted::get);
    assertThat(a.balanced()).isFalse();
    assertThat(a.lagMillis()).isEqualTo(-1);
    assertThat(a.unbalanced()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo("aaa");
      assertThat(r.difference()).isEqualTo(-2);
    });
  }

  @Test
  void aHumanCountedAsABotFailsItEvenWhenTheTotalAgrees() throws Exception {
    send("aaa", 2, 1);
    counted.put("aaa", new ApiClient.Counts(3, 1, 2));
    Accounting a = accountUnbalanced(counted::get);
    assertThat(a.balanced()).isFalse();
    assertThat(a.unbalanced()).singleElement().satisfies(r -> assertThat(r.difference()).isZero());
  }

  @Test
  void aClickCountedTwiceAfterTheCountsFirstAgreeIsStillCaught() throws Exception {
    send("aaa", 1, 0);
    AtomicInteger reads = new AtomicInteger();
    // the first read agrees; the settle read finds the duplicate
    Accounting a = account(code -> reads.incrementAndGet() == 1 ? new ApiClient.Counts(1, 1, 0) : new ApiClient.Counts(2, 2, 0));
    assertThat(a.balanced()).isFalse();
    assertThat(a.unbalanced()).singleElement().satisfies(r -> assertThat(r.difference()).isEqualTo(1));
  }

  @Test
  void aLinkWhoseStatsCannotBeReadFailsItWithTheReason() throws Exception {
    send("aaa", 1, 0);
    Accounting a = accountUnbalanced(code -> {
      throw new IllegalStateException("GET /links/aaa/stats answered 503");
    });
    assertThat(a.balanced()).isFalse();
    assertThat(a.unbalanced()).singleElement().satisfies(r -> assertThat(r.error()).contains("503"));
  }
}
