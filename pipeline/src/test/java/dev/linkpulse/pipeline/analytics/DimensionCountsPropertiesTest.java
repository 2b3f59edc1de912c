package dev.linkpulse.pipeline.analytics;

import static dev.linkpulse.testing.Generators.LETTERS;
import static dev.linkpulse.testing.Generators.intsBetween;
import static dev.linkpulse.testing.Generators.listsOf;
import static dev.linkpulse.testing.Generators.longs;
import static dev.linkpulse.testing.Generators.longsBetween;
import static dev.linkpulse.testing.Generators.stringsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class DimensionCountsPropertiesTest {

  /** One click batch: a value and how many times it was seen. */
  record Add(String value, long n) {}

  /** A small alphabet so values repeat and compete for the K slots; includes the tricky names. */
  private static final Gen<List<Add>> ADDS = listsOf(
      Generate.oneOf(Generate.pick(List.of("other", "~other", "~~other", "~", "", "US", "DE", "FR")), stringsOf(LETTERS, 1, 2))
          .zip(longsBetween(0, 1000), Add::new),
      200);

  /** Adds split into "hours" that are counted separately and then merged in a random order. */
  @Test
  void totalIsConservedUnderAnyAddsAndMerges() {
    qt().withExamples(350).forAll(ADDS, intsBetween(1, 6), intsBetween(1, 8), longs()).checkAssert((adds, k, parts, seed) -> {
      Random random = new Random(seed);
      List<DimensionCounts> hours = new ArrayList<>();
      for (int i = 0; i < parts; i++) hours.add(new DimensionCounts(k));
      for (Add add : adds) {
        DimensionCounts hour = hours.get(random.nextInt(parts));
        hour.add(add.value(), add.n());
        assertInvariants(hour, k);
      }
      Collections.shuffle(hours, random);
      DimensionCounts merged = new DimensionCounts(k);
      for (DimensionCounts hour : hours) {
        merged.merge(hour);
        assertInvariants(merged, k);
      }
      long expected = adds.stream().mapToLong(Add::n).sum();
      assertThat(merged.total()).isEqualTo(expected);
      assertThat(DimensionCounts.fromMap(merged.toMap(), k).total()).isEqualTo(expected);

      // Named counts are lower bounds: an evicted value never comes back with clicks it did not get.
      Map<String, Long> truth = exactCounts(adds);
      merged.top().forEach((value, n) -> assertThat(n).isLessThanOrEqualTo(truth.get(value)));
    });
  }

  private static void assertInvariants(DimensionCounts counts, int k) {
    Map<String, Long> top = counts.top();
    assertThat(top).hasSizeLessThanOrEqualTo(k);
    assertThat(top.values()).allMatch(n -> n > 0);
    assertThat(top.values().stream().mapToLong(Long::longValue).sum() + counts.other()).isEqualTo(counts.total());
  }

  @Test
  void withAtMostKDistinctValuesCountsAreExactAndOrderIndependent() {
    qt().withExamples(350).forAll(ADDS, longs()).checkAssert((adds, seed) -> {
      Map<String, Long> truth = exactCounts(adds);
      int k = Math.max(1, truth.size());
      List<Add> shuffled = new ArrayList<>(adds);
      Collections.shuffle(shuffled, new Random(seed));

      DimensionCounts inOrder = new DimensionCounts(k);
      adds.forEach(a -> inOrder.add(a.value(), a.n()));
      DimensionCounts reordered = new DimensionCounts(k);
      shuffled.forEach(a -> reordered.add(a.value(), a.n()));

      assertThat(inOrder.top()).isEqualTo(truth);
      assertThat(inOrder.other()).isZero();
      assertThat(reordered).isEqualTo(inOrder);
      assertThat(List.copyOf(reordered.top().keySet())).isEqualTo(List.copyOf(inOrder.top().keySet()));
    });
  }

  @Test
  void mergingHoursGivesTheSameTopKAsCountingAllAtOnceWhenDistinctValuesFit() {
    qt().withExamples(350).forAll(ADDS, intsBetween(1, 24), longs(), intsBetween(0, 5)).checkAssert((adds, hours, seed, spareSlots) -> {
      int k = Math.max(1, exactCounts(adds).size() + spareSlots);
      DimensionCounts allAtOnce = new DimensionCounts(k);
      adds.forEach(a -> allAtOnce.add(a.value(), a.n()));

      Random random = new Random(seed);
      List<DimensionCounts> perHour = new ArrayList<>();
      for (int i = 0; i < hours; i++) perHour.add(new DimensionCounts(k));
      adds.forEach(a -> perHour.get(random.nextInt(hours)).add(a.value(), a.n()));
      DimensionCounts merged = new DimensionCounts(k);
      // Hours go through storage on their way to the stats API, so round-trip them too.
      perHour.forEach(h -> merged.merge(DimensionCounts.fromMap(h.toMap(), k)));

      assertThat(merged).isEqualTo(allAtOnce);
      assertThat(List.copyOf(merged.top().entrySet())).isEqualTo(List.copyOf(allAtOnce.top().entrySet()));
    });
  }

  @Test
  void mergeIsCommutative() {
    qt().withExamples(350).forAll(ADDS, ADDS, intsBetween(1, 5)).checkAssert((a, b, k) -> {
      DimensionCounts ab = countsOf(a, k).merge(countsOf(b, k));
      DimensionCounts ba = countsOf(b, k).merge(countsOf(a, k));
      assertThat(ab).isEqualTo(ba);
    });
  }

  @Test
  void storageRoundTripsExactly() {
    qt().withExamples(350).forAll(ADDS, intsBetween(1, 6)).checkAssert((adds, k) -> {
      DimensionCounts counts = countsOf(adds, k);
      DimensionCounts decoded = DimensionCounts.fromMap(counts.toMap(), k);
      assertThat(decoded).isEqualTo(counts);
      assertThat(decoded.toMap()).isEqualTo(counts.toMap());
      assertThat(List.copyOf(decoded.top().entrySet())).isEqualTo(List.copyOf(counts.top().entrySet()));
    });
  }

  private static DimensionCounts countsOf(List<Add> adds, int k) {
    DimensionCounts counts = new DimensionCounts(k);
    adds.forEach(a -> counts.add(a.value(), a.n()));
    return counts;
  }

  private static Map<String, Long> exactCounts(List<Add> adds) {
    Map<String, Long> truth = new HashMap<>();
    adds.stream().filter(a -> a.n() > 0).forEach(a -> truth.merge(a.value(), a.n(), Long::sum));
    return truth;
  }
}
