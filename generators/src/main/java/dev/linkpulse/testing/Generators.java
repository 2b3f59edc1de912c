package dev.linkpulse.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * QuickTheories generators for the spaces the property tests draw from, shared by every module's tests.
 *
 * <p>QuickTheories draws uniformly and on its own visits only the all-minimum and all-maximum corners of a generator,
 * so the edge cases other engines inject by default (empty and one-character strings, control characters, lone
 * surrogates, characters outside the BMP, {@code MIN_VALUE}/{@code MAX_VALUE} and their neighbours, zero and one)
 * are mixed in here explicitly: one draw in {@value #EDGE_ODDS} is an edge case. Everything is built from QuickTheories'
 * own primitives, so every value shrinks.
 *
 * <p>QuickTheories skips a draw it has already tried (a repeated edge case, a value of a small space) but counts it
 * against {@code withExamples}, so the tests ask for somewhat more draws than the distinct examples they must run.
 */
public final class Generators {
  /** The longest string and largest collection drawn when a property names no bound. */
  public static final int DEFAULT_MAX_LENGTH = 255;
  public static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  public static final String ALPHANUMERIC = LETTERS + "0123456789";
  private static final int EDGE_ODDS = 8;
  private static final int SMALL_MAGNITUDE = 1_000;

  private static final List<String> EDGE_CHARS = List.of("\u0000", " ", "\t", "\n", "\r", "\u007F", "\u0085",
      "\u00A0", "\u00E9", "\u0130", "\u2028", "\uFEFF", "\uFFFD", "\uFFFE", "\uFFFF", "\uD83D\uDE00", "\uDBFF\uDFFF");
  private static final List<String> LONE_SURROGATES = List.of("\uD800", "\uDBFF", "\uDC00", "\uDFFF");

  private Generators() {}

  /** {@code plain}, with one draw in {@value #EDGE_ODDS} taken from {@code edges} instead; shrinks towards {@code plain}. */
  public static <T> Gen<T> withEdgeCases(Gen<T> plain, List<T> edges) {
    if (edges.isEmpty()) return plain;
    return Generate.frequency(Pair.of(EDGE_ODDS - 1, plain), Pair.of(1, Generate.pick(edges))).describedAs(plain::asString);
  }

  /** Any int, biased like the usual engines towards small magnitudes, with the edge cases of the range. */
  public static Gen<Integer> ints() {
    return intsBetween(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** Ints in [min, max] with min, max, their neighbours, -1, 0 and 1 (where they fall inside) as edge cases. */
  public static Gen<Integer> intsBetween(int min, int max) {
    return longsBetween(min, max).map(Long::intValue);
  }

  /** Any long, biased towards small magnitudes, with the edge cases of the range. */
  public static Gen<Long> longs() {
    return longsBetween(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** Longs in [min, max] with min, max, their neighbours, -1, 0 and 1 (where they fall inside) as edge cases. */
  public static Gen<Long> longsBetween(long min, long max) {
    long target = Math.max(min, Math.min(max, 0));
    Gen<Long> uniform = Generate.longRange(min, max, target);
    long smallMin = Math.max(min, -SMALL_MAGNITUDE);
    long smallMax = Math.min(max, SMALL_MAGNITUDE);
    Gen<Long> plain = smallMin <= smallMax && (smallMin != min || smallMax != max)
        ? Generate.frequency(Pair.of(1, uniform), Pair.of(1, Generate.longRange(smallMin, smallMax, target)))
        : uniform;
    List<Long> edges = new ArrayList<>();
    for (long edge : new long[] {min, min + 1, -1, 0, 1, max - 1, max}) {
      if (edge >= min && edge <= max && !edges.contains(edge)) edges.add(edge);
    }
    return withEdgeCases(plain, edges);
  }

  /** Any byte, with 0, 1, -1 and the extremes as edge cases. */
  public static Gen<Byte> bytes() {
    return intsBetween(Byte.MIN_VALUE, Byte.MAX_VALUE).map(Integer::byteValue);
  }

  /** Byte arrays of up to {@code maxLength} bytes, empty and one byte long included; printed as a list. */
  public static Gen<byte[]> byteArrays(int maxLength) {
    return Generate.byteArrays(intsBetween(0, maxLength), bytes()).describedAs(Arrays::toString);
  }

  /** Lists of up to {@code maxSize} elements, empty and single-element lists included. */
  public static <T> Gen<List<T>> listsOf(Gen<T> elements, int maxSize) {
    return SourceDSL.lists().of(elements).ofSizes(intsBetween(0, maxSize));
  }

  /** Any UTF-16 char: lone surrogates, controls and non-characters included. */
  public static Gen<Character> chars() {
    List<Character> edges = new ArrayList<>();
    for (String unit : EDGE_CHARS) if (unit.length() == 1) edges.add(unit.charAt(0));
    for (String unit : LONE_SURROGATES) edges.add(unit.charAt(0));
    return withEdgeCases(Generate.range(Character.MIN_VALUE, Character.MAX_VALUE, '!').map(i -> (char) i.intValue()),
        edges).describedAs(c -> quoted(String.valueOf(c)));
  }

  /** Any string of up to {@value #DEFAULT_MAX_LENGTH} chars. */
  public static Gen<String> strings() {
    return strings(0, DEFAULT_MAX_LENGTH);
  }

  /**
   * Any UTF-16 text of {@code minLength} to {@code maxLength} chars: mostly printable ASCII and BMP characters, with
   * lone surrogates, controls, non-characters and surrogate pairs (characters outside the BMP).
   */
  public static Gen<String> strings(int minLength, int maxLength) {
    return withShortEdgeCases(text(minLength, maxLength, anyUnit(true)), minLength, maxLength, true);
  }

  /** Well-formed Unicode text of up to {@code maxLength} chars: like {@link #strings()} without lone surrogates. */
  public static Gen<String> wellFormedStrings(int maxLength) {
    return withShortEdgeCases(text(0, maxLength, anyUnit(false)), 0, maxLength, false);
  }

  /** Strings of {@code minLength} to {@code maxLength} chars taken from {@code alphabet}. */
  public static Gen<String> stringsOf(String alphabet, int minLength, int maxLength) {
    List<String> units = alphabet.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    return text(minLength, maxLength, Generate.pick(units));
  }

  /** Up to {@code maxTokens} tokens glued together: reaches deeper into a parser than uniformly random text. */
  public static Gen<String> tokenSoups(List<String> tokens, int maxTokens) {
    return listsOf(Generate.pick(tokens), maxTokens).map(parts -> String.join("", parts)).describedAs(Generators::quoted);
  }

  /** {@code values}, or null in {@code percentNull} percent of draws. */
  public static <T> Gen<T> orNull(Gen<T> values, int percentNull) {
    return Generate.frequency(Pair.of(100 - percentNull, values), Pair.of(percentNull, Generate.constant((T) null)))
        .describedAs(v -> v == null ? "null" : values.asString(v));
  }

  /** A string as a Java literal, so that a counterexample with invisible characters can be read and pasted. */
  public static String quoted(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c >= 0x20 && c < 0x7F) out.append(c);
      else out.append(String.format("\\u%04X", (int) c));
    }
    return out.append('"').toString();
  }

  /** One character (one or two chars) of the space {@link #strings} draws from. */
  private static Gen<String> anyUnit(boolean loneSurrogates) {
    Gen<String> ascii = Generate.range(0x20, 0x7E, 'a').map(Character::toString);
    Gen<String> bmp = loneSurrogates
        ? Generate.range(0, 0xFFFF).map(cp -> String.valueOf((char) cp.intValue()))
        : Generate.range(0, 0xFFFF - 0x800).map(cp -> Character.toString(cp < 0xD800 ? cp : cp + 0x800));
    Gen<String> supplementary = Generate.range(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT)
        .map(Character::toString);
    return Generate.frequency(Pair.of(3, ascii), Pair.of(3, bmp), Pair.of(1, supplementary), Pair.of(1, Generate.pick(edgeUnits(loneSurrogates))));
  }

  private static List<String> edgeUnits(boolean loneSurrogates) {
    List<String> units = new ArrayList<>(EDGE_CHARS);
    if (loneSurrogates) units.addAll(LONE_SURROGATES);
    return units;
  }

  /** The empty string and each edge character alone, as far as the length bounds allow. */
  private static Gen<String> withShortEdgeCases(Gen<String> text, int minLength, int maxLength, boolean loneSurrogates) {
    List<String> edges = new ArrayList<>();
    if (minLength == 0) edges.add("");
    for (String unit : edgeUnits(loneSurrogates)) if (unit.length() >= minLength && unit.length() <= maxLength) edges.add(unit);
    return withEdgeCases(text, edges).describedAs(Generators::quoted);
  }

  /** Text of {@code minLength} to {@code maxLength} chars drawn unit by unit; a pair that would overrun ends in "x". */
  private static Gen<String> text(int minLength, int maxLength, Gen<String> units) {
    Gen<Integer> lengths = intsBetween(minLength, maxLength);
    Gen<String> text = in -> {
      int length = lengths.generate(in);
      StringBuilder out = new StringBuilder(length);
      while (out.length() < length) {
        String unit = units.generate(in);
        out.append(out.length() + unit.length() > length ? "x" : unit);
      }
      return out.toString();
    };
    return text.describedAs(Generators::quoted);
  }
}
