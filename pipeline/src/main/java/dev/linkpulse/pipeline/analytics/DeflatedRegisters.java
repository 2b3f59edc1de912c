package dev.linkpulse.pipeline.analytics;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The third stored form of a {@link UniqueSketch}: a format byte, then the registers one byte each, deflated. A dense
 * sketch's registers hold small, similar numbers (ranks of 1 to a dozen for any realistic audience), about 2.5 bits of
 * information each against the 6 the dense form spends, so deflate roughly halves it. The counter item of a viral
 * link is mostly this sketch, and every counter write pays per started KB of it.
 */
final class DeflatedRegisters {
  private DeflatedRegisters() {}

  static byte[] encode(byte format, byte[] registers) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(registers);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(registers.length / 2);
      out.write(format);
      byte[] chunk = new byte[4096];
      while (!deflater.finished()) out.write(chunk, 0, deflater.deflate(chunk));
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** The registers of {@code bytes} (format byte first); a blob that does not inflate to exactly that many fails. */
  static byte[] decode(byte[] bytes, int registerCount) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(bytes, 1, bytes.length - 1);
      byte[] registers = new byte[registerCount];
      int filled = 0;
      while (filled < registerCount && !inflater.finished()) {
        int n = inflater.inflate(registers, filled, registerCount - filled);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new IllegalArgumentException("truncated deflated sketch");
        filled += n;
      }
      byte[] extra = new byte[1];
      if (filled != registerCount || inflater.inflate(extra) != 0 || !inflater.finished() || inflater.getRemaining() != 0) {
        throw new IllegalArgumentException("deflated sketch does not hold exactly " + registerCount + " registers");
      }
      return registers;
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("corrupt deflated sketch: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
