package dev.linkpulse.core.links;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Short codes: {@value #LENGTH} characters of base62 (62^7 = 3.5e12 codes) from a CSPRNG.
 *
 * <p>Each character takes six random bits and rejects the values 62 and 63, so every symbol is exactly equally
 * likely: reducing a byte with {@code % 62} would favour the first eight symbols.
 */
public final class CodeGenerator {
  public static final int LENGTH = 7;
  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final RandomGenerator random;

  public CodeGenerator() {
    this(new SecureRandom());
  }

  CodeGenerator(RandomGenerator random) {
    this.random = random;
  }

  public String next() {
    char[] code = new char[LENGTH];
    int filled = 0;
    while (filled < LENGTH) {
      int bits = random.nextInt() & 0x3F;
      if (bits < ALPHABET.length()) code[filled++] = ALPHABET.charAt(bits);
    }
    return new String(code);
  }
}
