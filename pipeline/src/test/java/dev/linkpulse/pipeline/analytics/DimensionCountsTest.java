package dev.linkpulse.pipeline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DimensionCountsTest {

  @Test
  void topIsOrderedByCountDescendingThenValueAscending() {
    DimensionCounts counts = new DimensionCounts(20).add("US", 5).add("DE", 7).add("FR", 5).add("AT", 5).add("US", 1);
    assertThat(counts.top()).containsExactly(
        Map.entry("DE", 7L), Map.entry("US", 6L), Map.entry("AT", 5L), Map.entry("FR", 5L));
    assertThat(counts.other()).isZero();
    assertThat(counts.total()).isEqualTo(23);
  }

  @Test
  void aNewValueBeyondKFoldsTheSmallestIntoOther() {
    DimensionCounts counts = new DimensionCounts(2).add("a", 5).add("b", 3).add("c", 1);
    assertThat(counts.top()).containsExactly(Map.entry("a", 5L), Map.entry("b", 3L));
    assertThat(counts.other()).isEqualTo(1);

    counts.add("d", 4); // bigger than b: b is folded instead
    assertThat(counts.top()).containsExactly(Map.entry("a", 5L), Map.entry("d", 4L));
    assertThat(counts.other()).isEqualTo(4);
    assertThat(counts.total()).isEqualTo(13);
  }

  @Test
  void tiesAreEvictedByValueNotByArrivalOrder() {
    DimensionCounts forward = new DimensionCounts(2).add("a", 1).add("b", 1).add("c", 1);
    DimensionCounts backward = new DimensionCounts(2).add("c", 1).add("b", 1).add("a", 1);
    assertThat(forward.top()).containsExactly(Map.entry("a", 1L), Map.entry("b", 1L));
    assertThat(backward).isEqualTo(forward);
  }

  @Test
  void anEvictedValueSeenAgainRestartsFromZeroAndNeverOvercounts() {
    DimensionCounts counts = new DimensionCounts(1).add("a", 2).add("b", 1).add("b", 5);
    // b's first click went to "other" when it lost to a; it now wins with 5 and a goes to "other".
    assertThat(counts.top()).containsExactly(Map.entry("b", 5L));
    assertThat(counts.other()).isEqualTo(3);
    assertThat(counts.total()).isEqualTo(8);
  }

  @Test
  void mergeAddsNamedCountsAndOtherBucketsThenTrims() {
    DimensionCounts hour1 = new DimensionCounts(2).add("a", 5).add("b", 3).add("c", 1); // other 1
    DimensionCounts hour2 = new DimensionCounts(2).add("c", 10).add("d", 2);
    hour1.merge(hour2);
    assertThat(hour1.top()).containsExactly(Map.entry("c", 10L), Map.entry("a", 5L));
    assertThat(hour1.other()).isEqualTo(1 + 3 + 2);
    assertThat(hour1.total()).isEqualTo(21);
    assertThat(hour2.total()).isEqualTo(12); // the argument is untouched
  }

  @Test
  void mergingWithItselfDoubles() {
    DimensionCounts counts = new DimensionCounts(2).add("a", 2).add("b", 1).add("c", 1);
    counts.merge(counts);
    assertThat(counts.top()).containsExactly(Map.entry("a", 4L), Map.entry("b", 2L));
    assertThat(counts.other()).isEqualTo(2);
    assertThat(counts.total()).isEqualTo(8);
  }

  @Test
  void theLiteralValueOtherIsANamedValueNotTheBucket() {
    DimensionCounts counts = new DimensionCounts(1).add("other", 5).add("x", 1);
    assertThat(counts.top()).containsExactly(Map.entry("other", 5L));
    assertThat(counts.other()).isEqualTo(1);
    assertThat(counts.toMap()).containsExactly(Map.entry("other", 5L), Map.entry(DimensionCounts.OTHER_KEY, 1L));
    assertThat(DimensionCounts.fromMap(counts.toMap(), 1)).isEqualTo(counts);
  }

  @Test
  void valuesStartingWithTildeAreEscapedInTheStoredMap() {
    DimensionCounts counts = new DimensionCounts(20).add("~other", 3).add("~~x", 2).add("~", 1).add("", 1);
    assertThat(counts.other()).isZero();
    Map<String, Long> stored = counts.toMap();
    assertThat(stored).containsOnlyKeys("~~other", "~~~x", "~~", "").doesNotContainKey(DimensionCounts.OTHER_KEY);
    DimensionCounts decoded = DimensionCounts.fromMap(stored, 20);
    assertThat(decoded).isEqualTo(counts);
    assertThat(decoded.top()).containsOnlyKeys("~other", "~~x", "~", "");
  }

  @Test
  void toMapIsInTopOrderWithOtherLastAndOmitsAnEmptyBucket() {
    DimensionCounts counts = new DimensionCounts(2).add("b", 2).add("a", 3).add("c", 1);
    assertThat(counts.toMap()).containsExactly(Map.entry("a", 3L), Map.entry("b", 2L), Map.entry("~other", 1L));
    assertThat(new DimensionCounts(2).add("a", 1).toMap()).containsExactly(Map.entry("a", 1L));
    assertThat(new DimensionCounts(2).toMap()).isEmpty();
  }

  @Test
  void fromMapTrimsToASmallerK() {
    Map<String, Long> stored = new LinkedHashMap<>();
    stored.put("c", 1L);
    stored.put("a", 5L);
    stored.put("~other", 4L);
    stored.put("b", 3L);
    DimensionCounts counts = DimensionCounts.fromMap(stored, 2);
    assertThat(counts.top()).containsExactly(Map.entry("a", 5L), Map.entry("b", 3L));
    assertThat(counts.other()).isEqualTo(5);
    assertThat(counts.total()).isEqualTo(13);
  }

  @Test
  void fromMapRejectsMalformedMaps() {
    Map<String, Long> nullKey = new HashMap<>();
    nullKey.put(null, 1L);
    Map<String, Long> nullCount = new HashMap<>();
    nullCount.put("a", null);
    assertThatThrownBy(() -> DimensionCounts.fromMap(null, 20)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DimensionCounts.fromMap(nullKey, 20)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DimensionCounts.fromMap(nullCount, 20)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DimensionCounts.fromMap(Map.of("a", -1L), 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DimensionCounts.fromMap(Map.of("~future", 1L), 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DimensionCounts.fromMap(Map.of("a", 1L), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addValidatesItsArguments() {
    DimensionCounts counts = new DimensionCounts(3);
    assertThatThrownBy(() -> counts.add(null, 1)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> counts.add("a", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DimensionCounts(0)).isInstanceOf(IllegalArgumentException.class);
    counts.add("a", 0);
    assertThat(counts.top()).isEmpty();
    assertThat(counts.total()).isZero();
  }

  @Test
  void topIsUnmodifiable() {
    DimensionCounts counts = new DimensionCounts(3).add("a", 1);
    assertThatThrownBy(() -> counts.top().put("b", 2L)).isInstanceOf(UnsupportedOperationException.class);
  }
}
