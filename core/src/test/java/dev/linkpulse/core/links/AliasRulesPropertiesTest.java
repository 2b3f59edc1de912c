package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.core.http.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class AliasRulesPropertiesTest {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{3,64}");
  private static final String ALIAS_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  @Property(tries = 2000)
  void anyAliasShapedStringThatIsNotReservedIsAccepted(@ForAll("aliasShaped") String alias) {
    if (isReserved(alias)) return;
    assertThat(AliasRules.validate(alias)).isEqualTo(alias);
  }

  @Property(tries = 2000)
  void arbitraryStringsAreAcceptedExactlyWhenTheyMatchTheShapeAndAreNotReserved(@ForAll String input) {
    checkAcceptedIffValid(input);
  }

  /** Mostly-valid characters with a sprinkling of invalid ones and lengths around both bounds, to hit both outcomes. */
  @Property(tries = 3000)
  void nearlyValidStringsAreAcceptedExactlyWhenTheyMatchTheShapeAndAreNotReserved(@ForAll("nearlyValid") String input) {
    checkAcceptedIffValid(input);
  }

  @Property(tries = 1000)
  void reservedWordsAreNeverAcceptedWhateverTheirCase(@ForAll("reservedInRandomCase") String alias) {
    try {
      AliasRules.validate(alias);
      throw new AssertionError("accepted reserved word " + alias);
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isIn("alias_reserved", "alias_invalid");
    }
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

  @Provide
  Arbitrary<String> aliasShaped() {
    return Arbitraries.strings().withChars(ALIAS_CHARS.toCharArray()).ofMinLength(3).ofMaxLength(64);
  }

  @Provide
  Arbitrary<String> nearlyValid() {
    Arbitrary<Character> mostlyValid = Arbitraries.frequencyOf(
        Tuple.of(40, Arbitraries.of(ALIAS_CHARS.chars().mapToObj(c -> (char) c).toArray(Character[]::new))),
        Tuple.of(1, Arbitraries.of(' ', '.', '/', '\n', 'é', '%', '#', '\u0000', '+', 'İ')));
    Arbitrary<String> random = mostlyValid.list().ofMinSize(0).ofMaxSize(70)
        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    return Arbitraries.oneOf(random, reservedInRandomCase());
  }

  @Provide
  Arbitrary<String> reservedInRandomCase() {
    return Arbitraries.of(AliasRules.RESERVED).flatMap(word ->
        Arbitraries.integers().between(0, Integer.MAX_VALUE).map(mask -> {
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            b.append((mask >> (i % 31) & 1) == 1 ? Character.toUpperCase(c) : c);
          }
          return b.toString();
        }));
  }
}
