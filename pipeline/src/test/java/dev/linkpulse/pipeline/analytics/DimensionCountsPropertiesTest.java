package dev.linkpulse.pipeline.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DimensionCountsPropertiesTest {

  /** One click batch: a value and how many times it was seen. */
  record Add(String value, long n) {}

  @Provide
  Arbitrary<List<Add>> adds() {
    // A small alphabet so values repeat and compete for the K slots; includes the tricky names.
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.of("other", "~other", "~~other", "~", "", "US", "DE", "FR"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(2));
    Arbitrary<Long> n = Arbitraries.longs().between(0, 1000);
    return Combinators.combine(value, n).as(Add::new).list().ofMaxSize(200);
  }

  /** Adds split into "hours" that are counted separately and then merged in a random order. */
  @Property(tries = 300)
  void totalIsConservedUnderAnyAddsAndMerges(
      @ForAll("adds") List<Add> adds, @ForAll @IntRange(min = 1, max = 6) int k,
      @ForAll @IntRange(min = 1, max = 8) int parts, @ForAll long seed) {
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
  }

  private static void assertInvariants(DimensionCounts counts, int k) {
    Map<String, Long> top = counts.top();
    assertThat(top).hasSizeLessThanOrEqualTo(k);
    assertThat(top.values()).allMatch(n -> n > 0);
    assertThat(top.values().stream().mapToLong(Long::longValue).sum() + counts.other()).isEqualTo(counts.total());
  }

  @Property(tries = 300)
  void withAtMostKDistinctValuesCountsAreExactAndOrderIndependent(@ForAll("adds") List<Add> adds, @ForAll long seed) {
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
  }

  @Property(tries = 300)
  void mergingHoursGivesTheSameTopKAsCountingAllAtOnceWhenDistinctValuesFit(
      @ForAll("adds") List<Add> adds, @ForAll @IntRange(min = 1, max = 24) int hours, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 5) int spareSlots) {
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
  }

  @Property(tries = 300)
  void mergeIsCommutative(
      @ForAll("adds") List<Add> a, @ForAll("adds") List<Add> b, @ForAll @IntRange(min = 1, max = 5) int k) {
    DimensionCounts ab = countsOf(a, k).merge(countsOf(b, k));
    DimensionCounts ba = countsOf(b, k).merge(countsOf(a, k));
    assertThat(ab).isEqualTo(ba);
  }

  @Property(tries = 300)
  void storageRoundTripsExactly(@ForAll("adds") List<Add> adds, @ForAll @IntRange(min = 1, max = 6) int k) {
    DimensionCounts counts = countsOf(adds, k);
    DimensionCounts decoded = DimensionCounts.fromMap(counts.toMap(), k);
    assertThat(decoded).isEqualTo(counts);
    assertThat(decoded.toMap()).isEqualTo(counts.toMap());
    assertThat(List.copyOf(decoded.top().entrySet())).isEqualTo(List.copyOf(counts.top().entrySet()));
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
