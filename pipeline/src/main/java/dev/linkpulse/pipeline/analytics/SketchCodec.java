package dev.linkpulse.pipeline.analytics;

import static dev.linkpulse.pipeline.analytics.UniqueSketch.MAX_RANK;
import static dev.linkpulse.pipeline.analytics.UniqueSketch.REGISTERS;

/**
 * The stored forms of a {@link UniqueSketch}'s registers: compact and versioned, the first byte is the format.
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
 * The smallest is written: sparse up to 1 KB; above that the smallest of the three. Varints are unsigned LEB128 (7
 * bits per byte, low bits first).
 */
final class SketchCodec {
  static final byte FORMAT_SPARSE_V1 = 1;
  static final byte FORMAT_DENSE_V1 = 2;
  static final byte FORMAT_DEFLATED_V1 = 3;
  /** A sparse blob larger than this is compared with the deflated form (DynamoDB charges writes per started KB). */
  static final int DEFLATE_ABOVE_BYTES = 1024;
  static final int DENSE_BYTES = 1 + REGISTERS * 6 / 8;
  /** An entry is ((index gap - 1) << 6 | rank): gap < 2^14 so it needs at most 20 bits, i.e. 3 varint bytes. */
  private static final int MAX_VARINT_BYTES = 3;

  private SketchCodec() {}

  /** The smallest stored form of {@code registers} (which it only reads). */
  static byte[] encode(byte[] registers) {
    int sparseSize = 1 + varintLength(nonZeroCount(registers));
    int previous = -1;
    for (int i = 0; i < REGISTERS && sparseSize < DENSE_BYTES; i++) {
      if (registers[i] == 0) continue;
      sparseSize += varintLength(entry(registers, i, previous));
      previous = i;
    }
    // Below a write unit the form makes no difference to the cost; above it, deflate is tried as well.
    if (sparseSize <= DEFLATE_ABOVE_BYTES) return sparse(registers, sparseSize);
    byte[] deflated = DeflatedRegisters.encode(FORMAT_DEFLATED_V1, registers);
    if (sparseSize < DENSE_BYTES && sparseSize <= deflated.length) return sparse(registers, sparseSize);
    return deflated.length < DENSE_BYTES ? deflated : dense(registers);
  }

  static int nonZeroCount(byte[] registers) {
    int count = 0;
    for (byte r : registers) {
      if (r != 0) count++;
    }
    return count;
  }

  private static int entry(byte[] registers, int index, int previousIndex) {
    return (index - previousIndex - 1) << 6 | registers[index];
  }

  private static byte[] sparse(byte[] registers, int size) {
    byte[] out = new byte[size];
    out[0] = FORMAT_SPARSE_V1;
    int pos = writeVarint(out, 1, nonZeroCount(registers));
    int previous = -1;
    for (int i = 0; i < REGISTERS; i++) {
      if (registers[i] == 0) continue;
      pos = writeVarint(out, pos, entry(registers, i, previous));
      previous = i;
    }
    return out;
  }

  /** The dense form: written when neither sparse nor deflated is smaller, and by counters older than deflate. */
  static byte[] dense(byte[] registers) {
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
   * The registers {@link #encode} wrote. Anything else, including truncated or corrupted blobs, fails with {@link
   * IllegalArgumentException}.
   */
  static byte[] decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) throw new IllegalArgumentException("empty sketch encoding");
    return switch (bytes[0]) {
      case FORMAT_SPARSE_V1 -> fromSparse(bytes);
      case FORMAT_DENSE_V1 -> fromDense(bytes);
      case FORMAT_DEFLATED_V1 -> fromDeflated(bytes);
      default -> throw new IllegalArgumentException("unknown sketch format " + (bytes[0] & 0xFF));
    };
  }

  private static byte[] fromSparse(byte[] bytes) {
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
    return registers;
  }

  private static byte[] fromDense(byte[] bytes) {
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
    return registers;
  }

  private static byte[] fromDeflated(byte[] bytes) {
    byte[] registers = DeflatedRegisters.decode(bytes, REGISTERS);
    for (byte rank : registers) {
      if (rank < 0 || rank > MAX_RANK) throw new IllegalArgumentException("register rank out of range: " + rank);
    }
    return registers;
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
}
