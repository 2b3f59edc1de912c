package dev.linkpulse.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a fuzzer's raw bytes into the text a parser takes, so every fuzz test's seeds and crash files are plain text
 * files a person can read and edit. Bytes are read as UTF-8 with one extension: the three-byte forms of the
 * surrogates ({@code ED A0 80} to {@code ED BF BF}), which strict UTF-8 refuses, give that lone surrogate, so the
 * fuzzer can reach every Java string, unpaired surrogates included (what a JSON {@code "\uD800"} escape gives a
 * parser). Any other malformed byte gives U+FFFD, as Java's own decoder does.
 */
public final class FuzzInput {
  private FuzzInput() {}

  /** The whole input as one string. */
  public static String text(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      int codePoint = length == 1 ? b : decode(bytes, i, length);
      if (codePoint < 0) {
        out.append('\uFFFD');
        i++;
      } else {
        out.appendCodePoint(codePoint);
        i += length;
      }
    }
    return out.toString();
  }

  /**
   * The input as exactly {@code fields} strings, one a line; a missing line is {@code null} (an absent parameter),
   * and the last field takes the rest of the input, newlines and all.
   */
  public static List<String> fields(byte[] bytes, int fields) {
    List<String> out = new ArrayList<>(Arrays.asList(text(bytes).split("\n", fields)));
    while (out.size() < fields) out.add(null);
    return out;
  }

  /** The code point of the {@code length}-byte sequence at {@code at}, or -1 when it is not one. */
  private static int decode(byte[] bytes, int at, int length) {
    if (length == 0 || at + length > bytes.length) return -1;
    int codePoint = (bytes[at] & 0xFF) & (0xFF >> (length + 1));
    for (int k = 1; k < length; k++) {
      int next = bytes[at + k] & 0xFF;
      if ((next & 0xC0) != 0x80) return -1;
      codePoint = (codePoint << 6) | (next & 0x3F);
    }
    int smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    return codePoint < smallest || codePoint > 0x10FFFF ? -1 : codePoint;
  }
}
