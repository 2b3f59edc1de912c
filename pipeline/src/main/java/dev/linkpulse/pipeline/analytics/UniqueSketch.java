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
 * stored form, which is paid for per KB on every DynamoDB write, is sparse while that is smaller (see {@link
 * #toBytes}).
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

  static final byte FORMAT_SPARSE_V1 = 1;
  static final byte FORMAT_DENSE_V1 = 2;
  static final byte FORMAT_DEFLATED_V1 = 3;
  /** A sparse blob larger than this is compared with the deflated form (DynamoDB charges writes per started KB). */
  static final int DEFLATE_ABOVE_BYTES = 1024;
  static final int DENSE_BYTES = 1 + REGISTERS * 6 / 8;
  /** An entry is ((index gap - 1) << 6 | rank): gap < 2^14 so it needs at most 20 bits, i.e. 3 varint bytes. */
  private static final int MAX_VARINT_BYTES = 3;

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

  /**
   * Compact, versioned encoding; the first byte is the format.
   *
   * <ul>
   *   <li>{@code 1} sparse: varint count of non-zero registers, then per register in index order one varint of
   *       {@code (index - previousIndex - 1) << 6 | rank} (previousIndex starts at -1). Storing the gap minus one
   *       makes neighbouring registers cost one byte, so sparse stays smaller well past 10,000 visitors.
   *   <li>{@code 2} dense: 16,384 registers of 6 bits, big-endian, four registers per three bytes (12,289 bytes).
   *   <li>{@code 3} deflated: the registers one byte each, raw deflate ({@link DeflatedRegisters}); once sparse no
   *       longer pays, about half the dense size.
   * </ul>
   *
   * The smallest is written: sparse up to 1 KB; above that the smallest of the three. Varints are unsigned LEB128 (7 bits per byte, low bits first).
   */
  public byte[] toBytes() {
    int sparseSize = 1 + varintLength(nonZeroCount());
    int previous = -1;
    for (int i = 0; i < REGISTERS && sparseSize < DENSE_BYTES; i++) {
      if (registers[i] == 0) continue;
      sparseSize += varintLength(entry(i, previous));
      previous = i;
    }
    // Below a write unit the form makes no difference to the cost; above it, deflate is tried as well.
    if (sparseSize <= DEFLATE_ABOVE_BYTES) return toSparse(sparseSize);
    byte[] deflated = DeflatedRegisters.encode(FORMAT_DEFLATED_V1, registers);
    if (sparseSize < DENSE_BYTES && sparseSize <= deflated.length) return toSparse(sparseSize);
    return deflated.length < DENSE_BYTES ? deflated : toDense();
  }

  private int nonZeroCount() {
    int count = 0;
    for (byte r : registers) {
      if (r != 0) count++;
    }
    return count;
  }

  private int entry(int index, int previousIndex) {
    return (index - previousIndex - 1) << 6 | registers[index];
  }

  private byte[] toSparse(int size) {
    byte[] out = new byte[size];
    out[0] = FORMAT_SPARSE_V1;
    int pos = writeVarint(out, 1, nonZeroCount());
    int previous = -1;
    for (int i = 0; i < REGISTERS; i++) {
      if (registers[i] == 0) continue;
      pos = writeVarint(out, pos, entry(i, previous));
      previous = i;
    }
    return out;
  }

  /** The dense form, as counters written before the deflated form hold it. */
  byte[] toDenseForTest() {
    return toDense();
  }

  private byte[] toDense() {
    byte[] out = new byte[DENSE_BYTES];
    out[0] = FORMAT_DENSE_V1;
    for (int group = 0, pos = 1; group < REGISTERS; group += 4, pos += 3) {
      int bits = registers[group] << 18 | registers[group + 1] << 12 | registers[group + 2] << 6 | registers[group + 3];
      out[pos] = (byte) (bits >>> 16);
      out[pos + 1] = (byte) (bits >>> 8);
      out[pos + 2] = (byte) bits;
    }
    return out;
  }

  /**
   * Decodes {@link #toBytes} output. Anything else, including truncated or corrupted blobs, fails with {@link
   * IllegalArgumentException} so that a bad item surfaces as one clear error instead of a silently wrong count.
   */
  public static UniqueSketch fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length == 0) throw new IllegalArgumentException("empty sketch encoding");
    return switch (bytes[0]) {
      case FORMAT_SPARSE_V1 -> fromSparse(bytes);
      case FORMAT_DENSE_V1 -> fromDense(bytes);
      case FORMAT_DEFLATED_V1 -> fromDeflated(bytes);
      default -> throw new IllegalArgumentException("unknown sketch format " + (bytes[0] & 0xFF));
    };
  }

  private static UniqueSketch fromSparse(byte[] bytes) {
    byte[] registers = new byte[REGISTERS];
    int[] cursor = {1};
    int count = readVarint(bytes, cursor);
    if (count > REGISTERS) throw new IllegalArgumentException("sparse sketch claims " + count + " registers");
    int previous = -1;
    for (int n = 0; n < count; n++) {
      int entry = readVarint(bytes, cursor);
      int rank = entry & 0x3F;
      int index = previous + 1 + (entry >>> 6);
      if (rank == 0 || rank > MAX_RANK) throw new IllegalArgumentException("register rank out of range: " + rank);
      if (index >= REGISTERS) throw new IllegalArgumentException("register index out of range: " + index);
      registers[index] = (byte) rank;
      previous = index;
    }
    if (cursor[0] != bytes.length) throw new IllegalArgumentException("trailing bytes after sparse sketch");
    return new UniqueSketch(registers);
  }

  private static UniqueSketch fromDense(byte[] bytes) {
    if (bytes.length != DENSE_BYTES) {
      throw new IllegalArgumentException("dense sketch must be " + DENSE_BYTES + " bytes, was " + bytes.length);
    }
    byte[] registers = new byte[REGISTERS];
    for (int group = 0, pos = 1; group < REGISTERS; group += 4, pos += 3) {
      int bits = (bytes[pos] & 0xFF) << 16 | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF);
      for (int j = 0; j < 4; j++) {
        int rank = (bits >>> (18 - 6 * j)) & 0x3F;
        if (rank > MAX_RANK) throw new IllegalArgumentException("register rank out of range: " + rank);
        registers[group + j] = (byte) rank;
      }
    }
    return new UniqueSketch(registers);
  }

  private static UniqueSketch fromDeflated(byte[] bytes) {
    byte[] registers = DeflatedRegisters.decode(bytes, REGISTERS);
    for (byte rank : registers) {
      if (rank < 0 || rank > MAX_RANK) throw new IllegalArgumentException("register rank out of range: " + rank);
    }
    return new UniqueSketch(registers);
  }

  private static int varintLength(int value) {
    int length = 1;
    while ((value >>>= 7) != 0) length++;
    return length;
  }

  private static int writeVarint(byte[] out, int pos, int value) {
    while ((value & ~0x7F) != 0) {
      out[pos++] = (byte) (value & 0x7F | 0x80);
      value >>>= 7;
    }
    out[pos++] = (byte) value;
    return pos;
  }

  /** Reads at most {@value #MAX_VARINT_BYTES} bytes, so the value is below 2^21 and never negative or overflowing. */
  private static int readVarint(byte[] bytes, int[] cursor) {
    int value = 0;
    for (int shift = 0, i = 0; i < MAX_VARINT_BYTES; i++, shift += 7) {
      if (cursor[0] >= bytes.length) throw new IllegalArgumentException("truncated sketch encoding");
      byte b = bytes[cursor[0]++];
      value |= (b & 0x7F) << shift;
      if (b >= 0) return value;
    }
    throw new IllegalArgumentException("varint longer than " + MAX_VARINT_BYTES + " bytes");
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
    return "UniqueSketch[estimate=" + estimate() + ", nonZeroRegisters=" + nonZeroCount() + "]";
  }
}
