package dev.linkpulse.pipeline.analytics;

import java.util.Arrays;

/**
 * HyperLogLog sketch of distinct visitors, precision {@value #PRECISION} (16,384 registers, standard error about
 * 0.8%).
 *
 * <p><b>Mutable accumulator, not thread-safe.</b> {@link #add} and {@link #merge} change this sketch in place: the
 * aggregator folds thousands of hashes into one sketch per (link, hour), and copying 16 KiB per click would dominate
 * its cost. Use {@link #copy} or {@link #union} when an untouched input is needed. {@code equals} compares registers,
 * so two sketches are equal exactly when they would give the same answer to every future operation.
 *
 * <p>Registers are always dense in memory (16 KiB): a Lambda holds only a handful of sketches at a time, while the
 * stored form, which is paid for per KB on every DynamoDB write, is sparse while that is smaller ({@link SketchCodec}).
 *
 * <p>Estimation uses Ertl's improved raw estimator ("New cardinality estimation algorithms for HyperLogLog
 * sketches", 2017, algorithm 6). Unlike the classic estimator it needs no switch to linear counting and no empirical
 * bias tables: it is unbiased from 0 to far beyond any link's audience, so small links and viral ones use the same
 * code path.
 */
public final class UniqueSketch {
  public static final int PRECISION = 14;
  static final int REGISTERS = 1 << PRECISION;
  /** Hash bits left after the index: the rank is read from these. */
  private static final int Q = 64 - PRECISION;
  /** Rank when all Q remaining bits are zero; registers therefore hold 0..51 and fit in 6 bits. */
  static final int MAX_RANK = Q + 1;

  private static final double ALPHA_INF = 1.0 / (2.0 * Math.log(2.0));

  private final byte[] registers;

  private UniqueSketch(byte[] registers) {
    this.registers = registers;
  }

  public static UniqueSketch empty() {
    return new UniqueSketch(new byte[REGISTERS]);
  }

  /** A new sketch holding the union of both; neither input changes. */
  public static UniqueSketch union(UniqueSketch a, UniqueSketch b) {
    UniqueSketch result = a.copy();
    result.merge(b);
    return result;
  }

  public UniqueSketch copy() {
    return new UniqueSketch(registers.clone());
  }

  /**
   * Records one visitor by a well-mixed 64-bit hash (e.g. {@code Hashing.hash64}); mutates and returns this. Callers
   * must hash the raw visitor id themselves: HLL accuracy depends entirely on the hash being uniform.
   */
  public UniqueSketch add(long hash64) {
    int index = (int) (hash64 >>> Q);
    // The index bits are shifted out, so the rank only sees the remaining Q bits; when they are all zero
    // numberOfLeadingZeros is 64 and the cap keeps the register at Q + 1 as the estimator expects.
    int rank = Math.min(Long.numberOfLeadingZeros(hash64 << PRECISION), Q) + 1;
    if (rank > registers[index]) registers[index] = (byte) rank;
    return this;
  }

  /** Union in place: per-register max. Commutative, associative and idempotent, so replays and retries are harmless. */
  public void merge(UniqueSketch other) {
    byte[] theirs = other.registers;
    for (int i = 0; i < REGISTERS; i++) {
      if (theirs[i] > registers[i]) registers[i] = theirs[i];
    }
  }

  public boolean isEmpty() {
    for (byte r : registers) {
      if (r != 0) return false;
    }
    return true;
  }

  public long estimate() {
    int[] histogram = new int[MAX_RANK + 1];
    for (byte r : registers) histogram[r]++;
    if (histogram[0] == REGISTERS) return 0;
    double z = REGISTERS * tau(1.0 - (double) histogram[MAX_RANK] / REGISTERS);
    for (int k = Q; k >= 1; k--) z = 0.5 * (z + histogram[k]);
    z += REGISTERS * sigma((double) histogram[0] / REGISTERS);
    return Math.round(ALPHA_INF * REGISTERS * REGISTERS / z);
  }

  /** Ertl's sigma: corrects for registers never hit (the part the classic estimator delegates to linear counting). */
  private static double sigma(double x) {
    if (x == 1.0) return Double.POSITIVE_INFINITY;
    double y = 1;
    double z = x;
    double previous;
    do {
      x *= x;
      previous = z;
      z += x * y;
      y += y;
    } while (z != previous);
    return z;
  }

  /** Ertl's tau: corrects for saturated registers (only relevant near 2^64 distinct values, kept for completeness). */
  private static double tau(double x) {
    if (x == 0.0 || x == 1.0) return 0.0;
    double y = 1.0;
    double z = 1.0 - x;
    double previous;
    do {
      x = Math.sqrt(x);
      previous = z;
      y *= 0.5;
      z -= (1.0 - x) * (1.0 - x) * y;
    } while (z != previous);
    return z / 3.0;
  }

  /** The stored form, the smallest of {@link SketchCodec}'s three (sparse, dense, deflated); the first byte is the format. */
  public byte[] toBytes() {
    return SketchCodec.encode(registers);
  }

  /** The dense form, as counters written before the deflated form hold it. */
  byte[] toDenseForTest() {
    return SketchCodec.dense(registers);
  }

  /**
   * Decodes {@link #toBytes} output. Anything else, including truncated or corrupted blobs, fails with {@link
   * IllegalArgumentException} so that a bad item surfaces as one clear error instead of a silently wrong count.
   */
  public static UniqueSketch fromBytes(byte[] bytes) {
    return new UniqueSketch(SketchCodec.decode(bytes));
  }

  /** Register value by index, for tests of the index/rank split. */
  int register(int index) {
    return registers[index];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UniqueSketch other && Arrays.equals(registers, other.registers);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(registers);
  }

  @Override
  public String toString() {
    return "UniqueSketch[estimate=" + estimate() + ", nonZeroRegisters=" + SketchCodec.nonZeroCount(registers) + "]";
  }
}
