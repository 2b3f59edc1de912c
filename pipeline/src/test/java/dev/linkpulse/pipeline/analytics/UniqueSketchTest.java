package dev.linkpulse.pipeline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.linkpulse.core.Hashing;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UniqueSketchTest {

  static UniqueSketch sketchOf(String prefix, int from, int to) {
    UniqueSketch sketch = UniqueSketch.empty();
    for (int i = from; i < to; i++) sketch.add(Hashing.hash64(prefix + i));
    return sketch;
  }

  static double relativeError(long estimate, long truth) {
    return Math.abs(estimate - truth) / (double) truth;
  }

  @Test
  void emptySketchEstimatesZero() {
    UniqueSketch empty = UniqueSketch.empty();
    assertThat(empty.estimate()).isZero();
    assertThat(empty.isEmpty()).isTrue();
  }

  @Test
  void indexIsTheTop14BitsAndRankCountsLeadingZerosOfTheRest() {
    // All 64 bits zero: index 0, and all 50 remaining bits are zero so the rank is capped at q + 1 = 51.
    assertThat(UniqueSketch.empty().add(0L).register(0)).isEqualTo(51);
    // All ones: last register, first remaining bit set so rank 1.
    assertThat(UniqueSketch.empty().add(-1L).register(16383)).isEqualTo(1);
    // Bit 49 is the highest of the 50 rank bits.
    assertThat(UniqueSketch.empty().add(1L << 49).register(0)).isEqualTo(1);
    // Only the lowest bit set: 49 leading zeros in the rank bits, rank 50.
    assertThat(UniqueSketch.empty().add(1L).register(0)).isEqualTo(50);
    // Index 5 (0b101 in the top 14 bits), rank bits 0b001... -> rank 3.
    long hash = 5L << 50 | 1L << 47;
    assertThat(UniqueSketch.empty().add(hash).register(5)).isEqualTo(3);
  }

  @Test
  void registersKeepTheMaximumRank() {
    UniqueSketch sketch = UniqueSketch.empty().add(1L << 47).add(1L << 49).add(1L << 48);
    assertThat(sketch.register(0)).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10, 100, 1000})
  void smallCardinalitiesAreNearExact(int n) {
    long estimate = sketchOf("small-" + n + "-", 0, n).estimate();
    System.out.printf("HLL n=%d estimate=%d%n", n, estimate);
    if (n <= 10) {
      assertThat(estimate).isEqualTo(n);
    } else {
      assertThat(relativeError(estimate, n)).isLessThanOrEqualTo(0.01);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void within2PercentAt100kForSeveralSeeds(int seed) {
    UniqueSketch sketch = sketchOf("visitor-" + seed + "-", 0, 100_000);
    double error = relativeError(sketch.estimate(), 100_000);
    System.out.printf("HLL seed=%d n=100000 estimate=%d error=%.3f%%%n", seed, sketch.estimate(), error * 100);
    assertThat(error).isLessThanOrEqualTo(0.02);
  }

  @Test
  void within2PercentAtOneMillion() {
    UniqueSketch sketch = sketchOf("visitor-million-", 0, 1_000_000);
    double error = relativeError(sketch.estimate(), 1_000_000);
    System.out.printf("HLL n=1000000 estimate=%d error=%.3f%%%n", sketch.estimate(), error * 100);
    assertThat(error).isLessThanOrEqualTo(0.02);
  }

  @Test
  void averageErrorOverManySketchesIsAboutTheTheoreticalOne() {
    // Guards against a subtly biased estimator that still happens to pass single-sketch checks.
    int runs = 20;
    int n = 20_000;
    double sum = 0;
    double sumSquares = 0;
    for (int run = 0; run < runs; run++) {
      double e = (sketchOf("bias-" + run + "-", 0, n).estimate() - n) / (double) n;
      sum += e;
      sumSquares += e * e;
    }
    double bias = sum / runs;
    double rmse = Math.sqrt(sumSquares / runs);
    System.out.printf("HLL n=%d over %d runs: mean error=%.3f%% rms error=%.3f%% (theory 0.81%%)%n",
        n, runs, bias * 100, rmse * 100);
    assertThat(Math.abs(bias)).isLessThan(0.006); // 0.81% / sqrt(20) = 0.18% standard error of the mean
    assertThat(rmse).isLessThan(0.013);
  }

  @Test
  void addingTheSameValueAgainChangesNothing() {
    UniqueSketch once = sketchOf("dup-", 0, 5000);
    UniqueSketch twice = sketchOf("dup-", 0, 5000);
    for (int i = 0; i < 5000; i++) twice.add(Hashing.hash64("dup-" + i));
    assertThat(twice).isEqualTo(once);
    assertThat(twice.estimate()).isEqualTo(once.estimate());
  }

  @Test
  void mergeEqualsTheSketchOfTheUnion() {
    UniqueSketch a = sketchOf("u-", 0, 60_000);
    UniqueSketch b = sketchOf("u-", 40_000, 100_000); // overlaps a on 20,000
    UniqueSketch union = sketchOf("u-", 0, 100_000);

    UniqueSketch merged = UniqueSketch.union(a, b);
    assertThat(merged).isEqualTo(union);
    assertThat(merged.toBytes()).isEqualTo(union.toBytes());
    assertThat(merged.estimate()).isEqualTo(union.estimate());
    assertThat(relativeError(merged.estimate(), 100_000)).isLessThanOrEqualTo(0.02);
    // union() leaves its inputs alone.
    assertThat(a).isEqualTo(sketchOf("u-", 0, 60_000));
  }

  @Test
  void mergeInPlaceMutatesOnlyTheReceiver() {
    UniqueSketch a = sketchOf("m-", 0, 100);
    UniqueSketch b = sketchOf("m-", 100, 200);
    UniqueSketch bBefore = b.copy();
    a.merge(b);
    assertThat(a).isEqualTo(sketchOf("m-", 0, 200));
    assertThat(b).isEqualTo(bBefore);
  }

  @Test
  void copyIsIndependent() {
    UniqueSketch original = sketchOf("c-", 0, 10);
    UniqueSketch copy = original.copy();
    copy.add(Hashing.hash64("another"));
    assertThat(original).isEqualTo(sketchOf("c-", 0, 10)).isNotEqualTo(copy);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 10, 100, 1000, 10_000, 100_000})
  void roundTripPreservesRegistersAndEstimate(int n) {
    assertRoundTrips(sketchOf("rt-", 0, n));
  }

  /** Encoded and decoded, a sketch has the same registers and estimate, and encodes to the very same bytes again. */
  static void assertRoundTrips(UniqueSketch sketch) {
    byte[] bytes = sketch.toBytes();
    UniqueSketch decoded = UniqueSketch.fromBytes(bytes);
    assertThat(decoded).isEqualTo(sketch);
    assertThat(decoded.estimate()).isEqualTo(sketch.estimate());
    assertThat(decoded.toBytes()).isEqualTo(bytes);
  }

  @Test
  void smallSketchesAreSparseAndLargeOnesDeflatedToAboutHalfTheDenseSize() {
    assertThat(sketchOf("f-", 0, 100).toBytes()[0]).isEqualTo(SketchCodec.FORMAT_SPARSE_V1);
    byte[] large = sketchOf("f-", 0, 100_000).toBytes();
    assertThat(large[0]).isEqualTo(SketchCodec.FORMAT_DEFLATED_V1);
    assertThat(large.length).isLessThan(SketchCodec.DENSE_BYTES * 6 / 10);
  }

  /** Counters written before the deflated form existed hold dense sketches: they still read, as the same registers. */
  @Test
  void aDenseBlobStillDecodesAndIsRewrittenDeflated() {
    UniqueSketch sketch = sketchOf("old-", 0, 100_000);
    byte[] dense = UniqueSketch.fromBytes(sketch.toBytes()).toDenseForTest();
    assertThat(dense[0]).isEqualTo(SketchCodec.FORMAT_DENSE_V1);
    assertThat(dense).hasSize(12_289);
    assertThat(UniqueSketch.fromBytes(dense)).isEqualTo(sketch);
    assertThat(UniqueSketch.fromBytes(dense).toBytes()[0]).isEqualTo(SketchCodec.FORMAT_DEFLATED_V1);
  }

  @Test
  void aDeflatedBlobThatIsTruncatedOrCarriesMoreThanTheRegistersIsRefused() {
    byte[] good = sketchOf("t-", 0, 100_000).toBytes();
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 10);
    assertThatThrownBy(() -> UniqueSketch.fromBytes(truncated)).isInstanceOf(IllegalArgumentException.class);
    byte[] tooMany = DeflatedRegisters.encode(SketchCodec.FORMAT_DEFLATED_V1, new byte[UniqueSketch.REGISTERS + 1]);
    assertThatThrownBy(() -> UniqueSketch.fromBytes(tooMany)).isInstanceOf(IllegalArgumentException.class);
    byte[] rankTooHigh = new byte[UniqueSketch.REGISTERS];
    rankTooHigh[7] = (byte) (UniqueSketch.MAX_RANK + 1);
    assertThatThrownBy(() -> UniqueSketch.fromBytes(DeflatedRegisters.encode(SketchCodec.FORMAT_DEFLATED_V1, rankTooHigh)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank");
  }

  @Test
  void encodingLeavesSparseExactlyWhenSparseWouldBeLargerThanDense() {
    // Walk n upwards until the format flips; the last sparse blob must be smaller than a dense one and the first
    // dense one must come from a sketch whose sparse form would not be.
    UniqueSketch sketch = UniqueSketch.empty();
    int lastSparseSize = 0;
    int n = 0;
    byte[] bytes;
    do {
      sketch.add(Hashing.hash64("switch-" + n++));
      bytes = sketch.toBytes();
      if (bytes[0] == SketchCodec.FORMAT_SPARSE_V1) lastSparseSize = bytes.length;
    } while (bytes[0] == SketchCodec.FORMAT_SPARSE_V1 && n < 200_000);
    System.out.printf("HLL leaves sparse at n=%d (last sparse blob %d bytes, then %d deflated)%n", n, lastSparseSize, bytes.length);
    assertThat(bytes[0]).isEqualTo(SketchCodec.FORMAT_DEFLATED_V1);
    assertThat(lastSparseSize).isLessThan(SketchCodec.DENSE_BYTES);
    assertThat(UniqueSketch.fromBytes(bytes)).isEqualTo(sketch);
  }

  @Test
  void serializedSizes() {
    StringBuilder table = new StringBuilder("HLL serialized size\n       n |  bytes | format\n");
    int[] sizes = {1, 10, 100, 1000, 3000, 10_000, 100_000};
    for (int n : sizes) {
      byte[] bytes = sketchOf("size-", 0, n).toBytes();
      table.append(String.format("%8d | %6d | %s%n", n, bytes.length, bytes[0] == 1 ? "sparse" : bytes[0] == 2 ? "dense" : "deflated"));
      if (n == 1) assertThat(bytes.length).isLessThanOrEqualTo(6);
      if (n == 100) assertThat(bytes.length).isLessThanOrEqualTo(300);
      assertThat(bytes.length).isLessThanOrEqualTo(SketchCodec.DENSE_BYTES);
    }
    assertThat(UniqueSketch.empty().toBytes()).containsExactly(1, 0);
    System.out.print(table);
  }

  @Test
  void fromBytesRejectsMalformedInput() {
    byte[] sparse = sketchOf("bad-", 0, 50).toBytes();
    byte[] dense = sketchOf("bad-", 0, 100_000).toBytes();

    assertRejected(null);
    assertRejected(new byte[0]);
    assertRejected(new byte[] {0});
    assertRejected(new byte[] {3, 0});
    assertRejected(new byte[] {1}); // no count
    assertRejected(new byte[] {1, 1}); // count 1, no entry
    assertRejected(new byte[] {1, 0, 0}); // trailing byte
    assertRejected(new byte[] {1, 1, 0}); // rank 0
    assertRejected(new byte[] {1, 1, 52}); // rank 52 > 51
    assertRejected(new byte[] {1, 1, (byte) 0xFF, (byte) 0xFF, 0x7F}); // index beyond 16383
    assertRejected(new byte[] {1, (byte) 0x81, (byte) 0x80, (byte) 0x80, 0}); // 4-byte varint
    assertRejected(new byte[] {1, (byte) 0x81, (byte) 0x80, 0x02}); // count 32769 > 16384
    assertRejected(Arrays.copyOf(sparse, sparse.length - 1));
    assertRejected(Arrays.copyOf(sparse, sparse.length + 1));
    assertRejected(Arrays.copyOf(dense, dense.length - 1));
    assertRejected(Arrays.copyOf(dense, dense.length + 1));
    byte[] denseWithRank63 = dense.clone();
    denseWithRank63[1] = (byte) 0xFC; // first register = 63
    assertRejected(denseWithRank63);
  }

  @Test
  void fromBytesDoesNotAliasTheInput() {
    byte[] bytes = sketchOf("alias-", 0, 100_000).toBytes();
    UniqueSketch decoded = UniqueSketch.fromBytes(bytes);
    long before = decoded.estimate();
    Arrays.fill(bytes, 1, bytes.length, (byte) 0);
    assertThat(decoded.estimate()).isEqualTo(before);
  }

  private static void assertRejected(byte[] bytes) {
    assertThatThrownBy(() -> UniqueSketch.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void estimateIsMonotoneInTheRegisters() {
    // Adding visitors never lowers the estimate (a property dashboards implicitly rely on when hours are merged).
    UniqueSketch sketch = UniqueSketch.empty();
    long previous = 0;
    for (int i = 0; i < 50_000; i++) {
      sketch.add(Hashing.hash64("mono-" + i));
      if (i % 97 == 0) {
        long estimate = sketch.estimate();
        assertThat(estimate).isGreaterThanOrEqualTo(previous);
        previous = estimate;
      }
    }
    assertThat(previous).isCloseTo(50_000L, within(1_000L));
  }
}
