package dev.linkpulse.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Zipf(s) over n ranks: every draw is a rank, rank k is drawn in proportion to 1/k^s. */
class ZipfTest {
  @Test
  void theEndsOfTheUnitIntervalMapToTheFirstAndLastRank() {
    Zipf zipf = new Zipf(100, 1.1);
    assertThat(zipf.rank(0)).isZero();
    assertThat(zipf.rank(Math.nextDown(1.0))).isEqualTo(99);
  }

  @Test
  void frequenciesFollowOneOverKToTheS() {
    int n = 100;
    double s = 1.1;
    Zipf zipf = new Zipf(n, s);
    int[] hits = new int[n];
    SplittableRandom random = new SplittableRandom(5);
    int draws = 200_000;
    for (int i = 0; i < draws; i++) hits[zipf.rank(random.nextDouble())]++;
    double h = 0;
    for (int k = 1; k <= n; k++) h += 1 / Math.pow(k, s);
    for (int k : new int[] {1, 2, 10, 100}) {
      double expected = draws / Math.pow(k, s) / h;
      assertThat((double) hits[k - 1]).as("rank %d", k).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(15));
    }
  }

  @Test
  void oneRankTakesEverything() {
    Zipf zipf = new Zipf(1, 1.1);
    assertThat(zipf.rank(0.5)).isZero();
    assertThatThrownBy(() -> new Zipf(0, 1.1)).isInstanceOf(IllegalArgumentException.class);
  }
}
