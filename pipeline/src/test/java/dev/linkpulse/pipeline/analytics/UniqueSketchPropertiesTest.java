package dev.linkpulse.pipeline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class UniqueSketchPropertiesTest {

  static UniqueSketch sketchOf(List<Long> hashes) {
    UniqueSketch sketch = UniqueSketch.empty();
    hashes.forEach(sketch::add);
    return sketch;
  }

  @Property(tries = 200)
  void mergeIsCommutative(@ForAll @Size(max = 300) List<Long> a, @ForAll @Size(max = 300) List<Long> b) {
    assertThat(UniqueSketch.union(sketchOf(a), sketchOf(b))).isEqualTo(UniqueSketch.union(sketchOf(b), sketchOf(a)));
  }

  @Property(tries = 200)
  void mergeIsIdempotent(@ForAll @Size(max = 300) List<Long> a) {
    UniqueSketch sketch = sketchOf(a);
    UniqueSketch merged = sketch.copy();
    merged.merge(sketch);
    merged.merge(merged);
    assertThat(merged).isEqualTo(sketch);
  }

  @Property(tries = 100)
  void mergeIsAssociativeAndEqualsAddingEverything(
      @ForAll @Size(max = 200) List<Long> a, @ForAll @Size(max = 200) List<Long> b,
      @ForAll @Size(max = 200) List<Long> c) {
    UniqueSketch left = UniqueSketch.union(UniqueSketch.union(sketchOf(a), sketchOf(b)), sketchOf(c));
    UniqueSketch right = UniqueSketch.union(sketchOf(a), UniqueSketch.union(sketchOf(b), sketchOf(c)));
    UniqueSketch all = sketchOf(a);
    b.forEach(all::add);
    c.forEach(all::add);
    assertThat(left).isEqualTo(right).isEqualTo(all);
  }

  @Property(tries = 200)
  void roundTripsAnySketch(@ForAll("hashLists") List<Long> hashes) {
    UniqueSketch sketch = sketchOf(hashes);
    byte[] bytes = sketch.toBytes();
    UniqueSketch decoded = UniqueSketch.fromBytes(bytes);
    assertThat(decoded).isEqualTo(sketch);
    assertThat(decoded.estimate()).isEqualTo(sketch.estimate());
    assertThat(decoded.toBytes()).isEqualTo(bytes);
  }

  @Provide
  Arbitrary<List<Long>> hashLists() {
    // Plain hashes plus ones with long zero runs after the index (high ranks, including the capped rank 51).
    Arbitrary<Long> hash = Arbitraries.oneOf(
        Arbitraries.longs(), Arbitraries.longs().map(h -> h & 0xFFFC_0000_0000_0000L), Arbitraries.of(0L, -1L));
    return hash.list().ofMaxSize(500);
  }

  @Property(tries = 40)
  void roundTripsLargeSketchesOnBothSidesOfTheDenseSwitch(
      @ForAll long seed, @ForAll @IntRange(min = 1_000, max = 60_000) int n) {
    // Generated from a seed: jqwik lists of tens of thousands of elements are slow to build and shrink.
    SplittableRandom random = new SplittableRandom(seed);
    UniqueSketch sketch = UniqueSketch.empty();
    for (int i = 0; i < n; i++) sketch.add(random.nextLong());
    byte[] bytes = sketch.toBytes();
    assertThat(UniqueSketch.fromBytes(bytes)).isEqualTo(sketch);
    assertThat(UniqueSketch.fromBytes(bytes).toBytes()).isEqualTo(bytes);
  }

  @Property(tries = 2000)
  void fromBytesAcceptsOrRejectsArbitraryBytesWithIllegalArgumentOnly(@ForAll @Size(max = 64) byte[] bytes) {
    assertDecodesOrRejectsCleanly(bytes);
  }

  @Property(tries = 1000)
  void fromBytesHandlesArbitraryBytesBehindAValidFormatByte(@ForAll("formatPrefixed") byte[] bytes) {
    assertDecodesOrRejectsCleanly(bytes);
  }

  @Provide
  Arbitrary<byte[]> formatPrefixed() {
    Arbitrary<byte[]> sparse = Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(tail -> prefixed(1, tail));
    Arbitrary<byte[]> dense = Arbitraries.longs().map(UniqueSketchPropertiesTest::denseFromSeed);
    return Arbitraries.oneOf(sparse, dense);
  }

  private static byte[] denseFromSeed(long seed) {
    return packDense(randomRegisters(new SplittableRandom(seed)));
  }

  /**
   * Random registers, all in range or with one past 51. (Uniform random bytes would almost never decode, and jqwik
   * builds 12 KB arrays slowly, hence a seed.)
   */
  private static int[] randomRegisters(SplittableRandom random) {
    int[] registers = new int[UniqueSketch.REGISTERS];
    for (int i = 0; i < registers.length; i++) registers[i] = random.nextInt(UniqueSketch.MAX_RANK + 1);
    if (random.nextBoolean()) registers[random.nextInt(registers.length)] = random.nextInt(UniqueSketch.MAX_RANK + 1, 64);
    return registers;
  }

  /** The documented dense layout, written bit by bit: independent of the production code's 4-per-3-bytes packing. */
  private static byte[] packDense(int[] registers) {
    byte[] bytes = new byte[UniqueSketch.DENSE_BYTES];
    bytes[0] = UniqueSketch.FORMAT_DENSE_V1;
    for (int i = 0; i < registers.length; i++) {
      for (int bit = 0; bit < 6; bit++) {
        int position = 8 + i * 6 + bit; // bit index in the blob, most significant first, after the format byte
        if ((registers[i] >>> (5 - bit) & 1) != 0) bytes[position / 8] |= (byte) (0x80 >>> (position % 8));
      }
    }
    return bytes;
  }

  @Property(tries = 100)
  void denseLayoutIsSixBitsPerRegisterMostSignificantFirst(@ForAll long seed) {
    int[] registers = randomRegisters(new SplittableRandom(seed));
    byte[] bytes = packDense(registers);
    if (Arrays.stream(registers).anyMatch(r -> r > UniqueSketch.MAX_RANK)) {
      assertThatThrownBy(() -> UniqueSketch.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    UniqueSketch decoded = UniqueSketch.fromBytes(bytes);
    for (int i = 0; i < registers.length; i++) assertThat(decoded.register(i)).isEqualTo(registers[i]);
    // Random registers everywhere are far past the sparse break-even, so it re-encodes to the very same blob.
    assertThat(decoded.toBytes()).isEqualTo(bytes);
  }

  @Property(tries = 500)
  void corruptingAValidBlobNeverEscapesAsAnotherException(
      @ForAll @Size(max = 300) List<Long> hashes, @ForAll("corruptions") int[] corruption) {
    byte[] bytes = sketchOf(hashes).toBytes();
    int position = Math.floorMod(corruption[0], bytes.length);
    switch (Math.floorMod(corruption[2], 3)) {
      case 0 -> bytes[position] = (byte) corruption[1];
      case 1 -> bytes = Arrays.copyOf(bytes, position);
      default -> bytes = Arrays.copyOf(bytes, bytes.length + 1 + position % 3);
    }
    assertDecodesOrRejectsCleanly(bytes);
  }

  @Provide
  Arbitrary<int[]> corruptions() {
    return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers())
        .as((a, b, c) -> new int[] {a, b, c});
  }

  private static byte[] prefixed(int format, byte[] tail) {
    byte[] bytes = new byte[tail.length + 1];
    bytes[0] = (byte) format;
    System.arraycopy(tail, 0, bytes, 1, tail.length);
    return bytes;
  }

  private static void assertDecodesOrRejectsCleanly(byte[] bytes) {
    UniqueSketch decoded;
    try {
      decoded = UniqueSketch.fromBytes(bytes);
    } catch (IllegalArgumentException expected) {
      return;
    }
    // Whatever decodes must be a usable sketch that re-encodes and estimates without trouble.
    assertThat(decoded.estimate()).isNotNegative();
    assertThat(UniqueSketch.fromBytes(decoded.toBytes())).isEqualTo(decoded);
  }
}
