package dev.linkpulse.core.links;

import static dev.linkpulse.testing.Generators.ALPHANUMERIC;
import static dev.linkpulse.testing.Generators.intsBetween;
import static dev.linkpulse.testing.Generators.strings;
import static dev.linkpulse.testing.Generators.stringsOf;
import static dev.linkpulse.testing.Generators.withEdgeCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.testing.Generators;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class AliasRulesPropertiesTest {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{3,64}");
  private static final String ALIAS_CHARS = ALPHANUMERIC + "_-";
  /** Sorted: a Set's iteration order changes from run to run, and a seed must replay the same words. */
  private static final List<String> RESERVED = AliasRules.RESERVED.stream().sorted().toList();

  @Test
  void anyAliasShapedStringThatIsNotReservedIsAccepted() {
    qt().withExamples(2150).forAll(stringsOf(ALIAS_CHARS, 3, 64)).checkAssert(alias -> {
      if (isReserved(alias)) return;
      assertThat(AliasRules.validate(alias)).isEqualTo(alias);
    });
  }

  @Test
  void arbitraryStringsAreAcceptedExactlyWhenTheyMatchTheShapeAndAreNotReserved() {
    qt().withExamples(2500).forAll(strings()).checkAssert(AliasRulesPropertiesTest::checkAcceptedIffValid);
  }

  /** Mostly-valid characters with a sprinkling of invalid ones and lengths around both bounds, to hit both outcomes. */
  @Test
  void nearlyValidStringsAreAcceptedExactlyWhenTheyMatchTheShapeAndAreNotReserved() {
    qt().withExamples(3300).forAll(nearlyValid()).checkAssert(AliasRulesPropertiesTest::checkAcceptedIffValid);
  }

  @Test
  void reservedWordsAreNeverAcceptedWhateverTheirCase() {
    qt().withExamples(1100).forAll(reservedInRandomCase()).checkAssert(alias -> {
      try {
        AliasRules.validate(alias);
        throw new AssertionError("accepted reserved word " + alias);
      } catch (ApiException e) {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isIn("alias_reserved", "alias_invalid");
      }
    });
  }

  private static void checkAcceptedIffValid(String input) {
    boolean valid = SHAPE.matcher(input).matches() && !isReserved(input);
    try {
      String result = AliasRules.validate(input);
      assertThat(valid).as("accepted %s", input).isTrue();
      assertThat(result).isEqualTo(input);
    } catch (ApiException e) {
      assertThat(valid).as("rejected %s with %s", input, e.code()).isFalse();
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo(SHAPE.matcher(input).matches() ? "alias_reserved" : "alias_invalid");
    }
  }

  private static boolean isReserved(String alias) {
    return AliasRules.RESERVED.contains(alias.toLowerCase(Locale.ROOT));
  }

  private static Gen<String> nearlyValid() {
    Gen<String> mostlyValid = Generate.frequency(
        Pair.of(40, stringsOf(ALIAS_CHARS, 1, 1)),
        Pair.of(1, Generate.pick(List.of(" ", ".", "/", "\n", "é", "%", "#", "\u0000", "+", "İ"))));
    // Lengths either side of both bounds (2, 3, 64, 65) as edge cases, on top of 0, 1, 69 and 70.
    Gen<Integer> lengths = withEdgeCases(intsBetween(0, 70), List.of(2, 3, 64, 65));
    Gen<String> random = SourceDSL.lists().of(mostlyValid).ofSizes(lengths).map(cs -> String.join("", cs));
    return Generate.oneOf(random, reservedInRandomCase()).describedAs(Generators::quoted);
  }

  /** A reserved word with each letter upper-cased or not by one bit of a mask. */
  private static Gen<String> reservedInRandomCase() {
    return Generate.pick(RESERVED).zip(intsBetween(0, Integer.MAX_VALUE), (word, mask) -> {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        b.append((mask >> (i % 31) & 1) == 1 ? Character.toUpperCase(c) : c);
      }
      return b.toString();
    });
  }
}
