package dev.linkpulse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashingTest {

  /** Published FNV-1a 32-bit test vectors (Fowler/Noll/Vo), so these check correctness, not just stability. */
  @ParameterizedTest
  @CsvSource({
      "'', 811c9dc5",
      "a, e40c292c",
      "b, e70c2de5",
      "foobar, bf9cf968",
  })
  void fnv1a32MatchesThePublishedTestVectors(String input, String hex) {
    assertThat(Hashing.fnv1a32(input)).isEqualTo(Integer.parseUnsignedInt(hex, 16));
  }

  /** Regression guards: shard assignment of stored raw clicks depends on these never changing. */
  @Test
  void fnv1a32IsStable() {
    assertThat(Hashing.fnv1a32("linkpulse")).isEqualTo(0x0ed90842);
    assertThat(Hashing.fnv1a32("é")).isEqualTo(0x1e9de8c1);
  }

  /** Regression guards, computed once from the implementation. */
  @Test
  void hash64IsStable() {
    assertThat(Hashing.hash64("")).isEqualTo(0xefd01f60ba992926L);
    assertThat(Hashing.hash64("a")).isEqualTo(0x82a2a958a9bece5bL);
    assertThat(Hashing.hash64("foobar")).isEqualTo(0x2c22194922d1672bL);
    assertThat(Hashing.hash64("linkpulse")).isEqualTo(0x60538687f18ca402L);
    assertThat(Hashing.hash64("é")).isEqualTo(0x9d55ccb9ba86763bL);
  }

  /** hash64 is documented as FNV-1a 64 then the murmur3 finalizer; check it against published FNV-1a 64 vectors. */
  @ParameterizedTest
  @CsvSource({
      "'', cbf29ce484222325",
      "a, af63dc4c8601ec8c",
      "foobar, 85944171f73967e8",
  })
  void hash64IsFnv1a64FollowedByTheMurmur3Finalizer(String input, String fnv1a64Hex) {
    assertThat(Hashing.hash64(input)).isEqualTo(fmix64(Long.parseUnsignedLong(fnv1a64Hex, 16)));
  }

  @Test
  void hashesAreTakenOverUtf8Bytes() {
    String text = "é😀ü";
    assertThat(Hashing.fnv1a32(text)).isEqualTo(referenceFnv1a32(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(Hashing.fnv1a32("é")).isNotEqualTo(referenceFnv1a32(new byte[] {(byte) 0xe9}));
  }

  @Test
  void fnv1a32AgreesWithAnIndependentImplementation() {
    for (int i = 0; i < 10_000; i++) {
      String s = "event-" + i + "-" + Integer.toHexString(i * 31);
      assertThat(Hashing.fnv1a32(s)).isEqualTo(referenceFnv1a32(s.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void hash64SpreadsSequentialKeysEvenly() {
    int n = 100_000;
    long[] topBuckets = new long[256];
    long[] lowBuckets = new long[256];
    long[] bitCounts = new long[64];
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      long h = Hashing.hash64("link-" + i);
      seen.add(h);
      topBuckets[(int) (h >>> 56)]++;
      lowBuckets[(int) (h & 0xFF)]++;
      for (int b = 0; b < 64; b++) if ((h >>> b & 1) == 1) bitCounts[b]++;
    }
    assertThat(seen).as("no collisions among %d sequential keys", n).hasSize(n);
    // 255 degrees of freedom: mean 255, standard deviation about 22.6; 400 is over six deviations out.
    double topChi = ChiSquare.of(topBuckets);
    double lowChi = ChiSquare.of(lowBuckets);
    System.out.printf("hash64 over %d keys: chi-square of top byte %.1f, of low byte %.1f (df 255)%n", n, topChi, lowChi);
    assertThat(topChi).isLessThan(400);
    assertThat(lowChi).isLessThan(400);
    for (int b = 0; b < 64; b++) {
      assertThat(bitCounts[b] / (double) n).as("fraction of hashes with bit %d set", b).isBetween(0.48, 0.52);
    }
  }

  @Test
  void hash64AvalanchesWhenOneInputCharacterChanges() {
    long totalFlipped = 0;
    int pairs = 20_000;
    for (int i = 0; i < pairs; i++) {
      totalFlipped += Long.bitCount(Hashing.hash64("key-" + i + "a") ^ Hashing.hash64("key-" + i + "b"));
    }
    double mean = totalFlipped / (double) pairs;
    assertThat(mean).isBetween(30.0, 34.0);
  }

  @Test
  void fnv1a32SpreadsUuidLikeIdsOverItsLowBits() {
    long[] buckets = new long[Keys.CLICK_SHARDS];
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < 64_000; i++) {
      buckets[Math.floorMod(Hashing.fnv1a32(new java.util.UUID(random.nextLong(), random.nextLong()).toString()), 32)]++;
    }
    // 31 degrees of freedom: mean 31, standard deviation about 7.9.
    assertThat(ChiSquare.of(buckets)).isLessThan(90);
  }

  private static long fmix64(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private static int referenceFnv1a32(byte[] bytes) {
    long h = 2166136261L;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h = (h * 16777619L) & 0xFFFFFFFFL;
    }
    return (int) h;
  }
}
