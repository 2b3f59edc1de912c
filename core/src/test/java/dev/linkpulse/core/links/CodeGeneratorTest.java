package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.ChiSquare;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {
  private static final int SYMBOLS = 62;
  /** 28,572 codes of 7 characters: just over 200,000 characters. */
  private static final int CODES = 28_572;
  /**
   * Chi-square with 61 degrees of freedom has mean 61 and standard deviation 11; 130 is more than six standard
   * deviations out (p < 1e-7), loose enough never to flake, yet a {@code % 62} generator scores above 1,000.
   */
  private static final double CHI_SQUARE_BOUND = 130;

  @Test
  void generatesSevenCharacterBase62Codes() {
    CodeGenerator generator = new CodeGenerator();
    for (int i = 0; i < 10_000; i++) {
      assertThat(generator.next()).hasSize(CodeGenerator.LENGTH).matches("[0-9A-Za-z]{7}");
    }
  }

  @Test
  void alphabetIsTheSixtyTwoDistinctAlphanumericsInAsciiOrder() {
    String alphabet = CodeGenerator.ALPHABET;
    assertThat(alphabet).hasSize(SYMBOLS).matches("[0-9A-Za-z]+");
    assertThat(alphabet.chars().distinct().count()).isEqualTo(SYMBOLS);
    assertThat(alphabet.chars().sorted().toArray()).isEqualTo(alphabet.chars().toArray());
  }

  @Test
  void secureRandomCodesDoNotRepeat() {
    CodeGenerator generator = new CodeGenerator();
    Set<String> seen = new HashSet<>();
    // 10,000 codes out of 62^7 = 3.5e12: a repeat has probability about 1.4e-5.
    for (int i = 0; i < 10_000; i++) assertThat(seen.add(generator.next())).isTrue();
  }

  @Test
  void everySymbolIsEquallyLikelySoThereIsNoModuloBias() {
    long[] counts = symbolCounts(new CodeGenerator(new Random(0x5EED_1234L)), CODES);
    long total = IntStream.range(0, SYMBOLS).mapToLong(i -> counts[i]).sum();
    assertThat(total).isGreaterThanOrEqualTo(200_000);

    double expected = total / (double) SYMBOLS;
    for (int i = 0; i < SYMBOLS; i++) {
      assertThat((double) counts[i])
          .as("count of '%s'", CodeGenerator.ALPHABET.charAt(i))
          .isBetween(expected * 0.9, expected * 1.1);
    }
    double chiSquare = ChiSquare.of(counts);
    System.out.printf("CodeGenerator: %d characters, expected %.1f per symbol, min %d, max %d, chi-square %.1f (df 61)%n",
        total, expected, IntStream.range(0, SYMBOLS).mapToLong(i -> counts[i]).min().orElseThrow(),
        IntStream.range(0, SYMBOLS).mapToLong(i -> counts[i]).max().orElseThrow(), chiSquare);
    assertThat(chiSquare).isLessThan(CHI_SQUARE_BOUND);
  }

  @Test
  void symbolsAreUniformWithTheProductionSecureRandomToo() {
    assertThat(ChiSquare.of(symbolCounts(new CodeGenerator(), CODES))).isLessThan(CHI_SQUARE_BOUND + 20);
  }

  @Test
  void symbolsAreUniformAtEveryPositionOfTheCode() {
    CodeGenerator generator = new CodeGenerator(new SplittableRandom(42));
    long[][] counts = new long[CodeGenerator.LENGTH][SYMBOLS];
    for (int i = 0; i < CODES; i++) {
      String code = generator.next();
      for (int p = 0; p < code.length(); p++) counts[p][CodeGenerator.ALPHABET.indexOf(code.charAt(p))]++;
    }
    for (int p = 0; p < CodeGenerator.LENGTH; p++) {
      assertThat(ChiSquare.of(counts[p])).as("chi-square at position %d", p).isLessThan(CHI_SQUARE_BOUND);
    }
  }

  /** Guards the statistical test itself: the bias it claims to rule out is one it does detect. */
  @Test
  void theChiSquareCheckWouldCatchAModuloBiasedGenerator() {
    Random random = new Random(7);
    long[] counts = new long[SYMBOLS];
    for (int i = 0; i < CODES * CodeGenerator.LENGTH; i++) counts[(random.nextInt() & 0xFF) % SYMBOLS]++;
    assertThat(ChiSquare.of(counts)).isGreaterThan(CHI_SQUARE_BOUND * 5);
  }

  @Test
  void skipsTheRejectedValues62And63() {
    CodeGenerator generator = new CodeGenerator(scripted(62, 63, 0, 63, 62, 61, 62, 1, 2, 3, 4, 63, 10));
    assertThat(generator.next()).isEqualTo("0z1234A");
  }

  @Test
  void consumesDrawsUntilSevenAcceptedOnesEvenAfterALongRunOfRejections() {
    int[] script = new int[1000 + 7];
    for (int i = 0; i < 1000; i++) script[i] = (i % 2 == 0) ? 62 : 63;
    for (int i = 0; i < 7; i++) script[1000 + i] = 36 + i; // a..g
    ScriptedRandom random = scripted(script);
    assertThat(new CodeGenerator(random).next()).isEqualTo("abcdefg");
    assertThat(random.remaining()).isZero();
  }

  @Test
  void usesOnlyTheLowSixBitsOfEachDraw() {
    // -1 and 0x7FFFFFFF have low bits 63 (rejected); 0xFFFFFFC0 and 64 have low bits 0; 0x12345678 has low bits 56.
    CodeGenerator generator = new CodeGenerator(scripted(-1, 0x7FFFFFFF, 0xFFFFFFC0, 64, 0x12345678, 64 + 61, 128 + 62,
        Integer.MIN_VALUE + 9, 192 + 35, 5));
    assertThat(generator.next()).isEqualTo("00uz9Z5");
  }

  @Test
  void mapsEachAcceptedSixBitValueToItsAlphabetSymbol() {
    for (int value = 0; value < SYMBOLS; value++) {
      int v = value;
      CodeGenerator generator = new CodeGenerator(scripted(IntStream.generate(() -> v).limit(7).toArray()));
      assertThat(generator.next()).isEqualTo(String.valueOf(CodeGenerator.ALPHABET.charAt(value)).repeat(7));
    }
  }

  @Test
  void sameSeedGivesTheSameCodes() {
    CodeGenerator a = new CodeGenerator(new Random(99));
    CodeGenerator b = new CodeGenerator(new Random(99));
    for (int i = 0; i < 100; i++) assertThat(a.next()).isEqualTo(b.next());
  }

  @Test
  void theScriptedGeneratorFailsLoudlyWhenExhausted() {
    assertThatThrownBy(() -> new CodeGenerator(scripted(1, 2, 3)).next()).isInstanceOf(IllegalStateException.class);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  private static long[] symbolCounts(CodeGenerator generator, int codes) {
    long[] counts = new long[SYMBOLS];
    for (int i = 0; i < codes; i++) {
      for (char c : generator.next().toCharArray()) counts[CodeGenerator.ALPHABET.indexOf(c)]++;
    }
    return counts;
  }

  private static ScriptedRandom scripted(int... values) {
    return new ScriptedRandom(values);
  }

  /** Answers {@link #nextInt()} from a fixed script; anything else the generator might call is derived from it. */
  private static final class ScriptedRandom implements RandomGenerator {
    private final Deque<Integer> script = new ArrayDeque<>();
    private final IntSupplier next = () -> {
      Integer value = script.pollFirst();
      if (value == null) throw new IllegalStateException("script exhausted");
      return value;
    };

    ScriptedRandom(int... values) {
      for (int v : values) script.addLast(v);
    }

    @Override
    public int nextInt() {
      return next.getAsInt();
    }

    @Override
    public long nextLong() {
      return (long) next.getAsInt() << 32 | (next.getAsInt() & 0xFFFFFFFFL);
    }

    int remaining() {
      return script.size();
    }
  }
}
