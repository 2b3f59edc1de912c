package dev.linkpulse.pipeline.analytics;

import static dev.linkpulse.testing.Generators.byteArrays;
import static dev.linkpulse.testing.Generators.ints;
import static dev.linkpulse.testing.Generators.intsBetween;
import static dev.linkpulse.testing.Generators.listsOf;
import static dev.linkpulse.testing.Generators.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class UniqueSketchPropertiesTest {
  private static final Gen<List<Long>> HASHES_300 = listsOf(longs(), 300);
  private static final Gen<List<Long>> HASHES_200 = listsOf(longs(), 200);

  static UniqueSketch sketchOf(List<Long> hashes) {
    UniqueSketch sketch = UniqueSketch.empty();
    hashes.forEach(sketch::add);
    return sketch;
  }

  @Test
  void mergeIsCommutative() {
    qt().withExamples(250).forAll(HASHES_300, HASHES_300).checkAssert((a, b) ->
        assertThat(UniqueSketch.union(sketchOf(a), sketchOf(b))).isEqualTo(UniqueSketch.union(sketchOf(b), sketchOf(a))));
  }

  @Test
  void mergeIsIdempotent() {
    qt().withExamples(250).forAll(HASHES_300).checkAssert(a -> {
      UniqueSketch sketch = sketchOf(a);
      UniqueSketch merged = sketch.copy();
      merged.merge(sketch);
      merged.merge(merged);
      assertThat(merged).isEqualTo(sketch);
    });
  }

  @Test
  void mergeIsAssociativeAndEqualsAddingEverything() {
    qt().withExamples(150).forAll(HASHES_200, HASHES_200, HASHES_200).checkAssert((a, b, c) -> {
      UniqueSketch left = UniqueSketch.union(UniqueSketch.union(sketchOf(a), sketchOf(b)), sketchOf(c));
      UniqueSketch right = UniqueSketch.union(sketchOf(a), UniqueSketch.union(sketchOf(b), sketchOf(c)));
      UniqueSketch all = sketchOf(a);
      b.forEach(all::add);
      c.forEach(all::add);
      assertThat(left).isEqualTo(right).isEqualTo(all);
    });
  }

  @Test
  void roundTripsAnySketch() {
    // Plain hashes plus ones with long zero runs after the index (high ranks, including the capped rank 51).
    Gen<Long> hash = Generate.oneOf(longs(), longs().map(h -> h & 0xFFFC_0000_0000_0000L), Generate.pick(List.of(0L, -1L)));
    qt().withExamples(250).forAll(listsOf(hash, 500)).checkAssert(hashes -> UniqueSketchTest.assertRoundTrips(sketchOf(hashes)));
  }

  @Test
  void roundTripsLargeSketchesOnBothSidesOfTheDenseSwitch() {
    // Generated from a seed: lists of tens of thousands of elements are slow to build and to shrink.
    qt().withExamples(45).forAll(longs(), intsBetween(1_000, 60_000)).checkAssert((seed, n) -> {
      SplittableRandom random = new SplittableRandom(seed);
      UniqueSketch sketch = UniqueSketch.empty();
      for (int i = 0; i < n; i++) sketch.add(random.nextLong());
      UniqueSketchTest.assertRoundTrips(sketch);
    });
  }

  @Test
  void fromBytesAcceptsOrRejectsArbitraryBytesWithIllegalArgumentOnly() {
    qt().withExamples(2200).forAll(byteArrays(64)).checkAssert(UniqueSketchPropertiesTest::assertDecodesOrRejectsCleanly);
  }

  @Test
  void fromBytesHandlesArbitraryBytesBehindAValidFormatByte() {
    Gen<byte[]> sparse = byteArrays(200).map(tail -> prefixed(1, tail));
    Gen<byte[]> dense = longs().map(UniqueSketchPropertiesTest::denseFromSeed);
    Gen<byte[]> deflated = byteArrays(200).map(tail -> prefixed(3, tail));
    qt().withExamples(1150).forAll(Generate.oneOf(sparse, dense, deflated).describedAs(Arrays::toString))
        .checkAssert(UniqueSketchPropertiesTest::assertDecodesOrRejectsCleanly);
  }

  private static byte[] denseFromSeed(long seed) {
    return packDense(randomRegisters(new SplittableRandom(seed)));
  }

  /**
   * Random registers, all in range or with one past 51. (Uniform random bytes would almost never decode, and 12 KB
   * arrays drawn byte by byte are slow to build and shrink, hence a seed.)
   */
  private static int[] randomRegisters(SplittableRandom random) {
    int[] registers = new int[UniqueSketch.REGISTERS];
    for (int i = 0; i < registers.length; i++) registers[i] = random.nextInt(UniqueSketch.MAX_RANK + 1);
    if (random.nextBoolean()) registers[random.nextInt(registers.length)] = random.nextInt(UniqueSketch.MAX_RANK + 1, 64);
    return registers;
  }

  /** The documented dense layout, written bit by bit: independent of the production code's 4-per-3-bytes packing. */
  private static byte[] packDense(int[] registers) {
    byte[] bytes = new byte[SketchCodec.DENSE_BYTES];
    bytes[0] = SketchCodec.FORMAT_DENSE_V1;
    for (int i = 0; i < registers.length; i++) {
      for (int bit = 0; bit < 6; bit++) {
        int position = 8 + i * 6 + bit; // bit index in the blob, most significant first, after the format byte
        if ((registers[i] >>> (5 - bit) & 1) != 0) bytes[position / 8] |= (byte) (0x80 >>> (position % 8));
      }
    }
    return bytes;
  }

  @Test
  void denseLayoutIsSixBitsPerRegisterMostSignificantFirst() {
    qt().withExamples(150).forAll(longs()).checkAssert(seed -> {
      int[] registers = randomRegisters(new SplittableRandom(seed));
      byte[] bytes = packDense(registers);
      if (Arrays.stream(registers).anyMatch(r -> r > UniqueSketch.MAX_RANK)) {
        assertThatThrownBy(() -> UniqueSketch.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class);
        return;
      }
      UniqueSketch decoded = UniqueSketch.fromBytes(bytes);
      for (int i = 0; i < registers.length; i++) assertThat(decoded.register(i)).isEqualTo(registers[i]);
      // The dense form re-encodes to the very same blob; what is stored now (deflated, smaller) reads back the same.
      assertThat(decoded.toDenseForTest()).isEqualTo(bytes);
      UniqueSketchTest.assertRoundTrips(decoded);
    });
  }

  /** A valid blob with one byte overwritten, or cut short, or with 1 to 3 bytes appended. */
  @Test
  void corruptingAValidBlobNeverEscapesAsAnotherException() {
    qt().withExamples(550).forAll(HASHES_300, ints(), ints(), ints()).checkAssert((hashes, where, value, how) -> {
      byte[] bytes = sketchOf(hashes).toBytes();
      int position = Math.floorMod(where, bytes.length);
      switch (Math.floorMod(how, 3)) {
        case 0 -> bytes[position] = (byte) value.intValue();
        case 1 -> bytes = Arrays.copyOf(bytes, position);
        default -> bytes = Arrays.copyOf(bytes, bytes.length + 1 + position % 3);
      }
      assertDecodesOrRejectsCleanly(bytes);
    });
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
