package dev.linkpulse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChiSquareTest {
  @Test
  void evenCountsScoreZero() {
    assertThat(ChiSquare.of(new long[] {25, 25, 25, 25})).isZero();
  }

  @Test
  void aFairDieRolledSixtyTimesScoresTheTextbookValue() {
    // Expected 10 per face: (5² + 2² + 0 + 3² + 1² + 3²) / 10 = 4.8.
    assertThat(ChiSquare.of(new long[] {5, 8, 10, 13, 11, 13})).isCloseTo(4.8, within(1e-9));
  }
}
