package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkpulse.core.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AliasRulesTest {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{3,64}");

  @ParameterizedTest
  @ValueSource(strings = {"abc", "my-link", "My_Link_2024", "ABC", "123", "---", "___", "a-_", "0123456789",
      "links2", "my-admin", "api_v2", "wwww", "xapi", "admins", "well_known", "local_issuer"})
  void acceptsValidAliasesAndReturnsThemUnchanged(String alias) {
    assertThat(AliasRules.validate(alias)).isEqualTo(alias);
  }

  @Test
  void acceptsTheShortestAndLongestAllowedAliases() {
    assertThat(AliasRules.validate("abc")).isEqualTo("abc");
    String longest = "a".repeat(32) + "Z".repeat(31) + "9";
    assertThat(longest).hasSize(64);
    assertThat(AliasRules.validate(longest)).isEqualTo(longest);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "ab", "-_"})
  void rejectsAliasesShorterThanThreeCharacters(String alias) {
    assertRejected(alias, "alias_invalid");
  }

  @Test
  void rejectsAliasesLongerThanSixtyFourCharacters() {
    assertRejected("a".repeat(65), "alias_invalid");
    assertRejected("a".repeat(1000), "alias_invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"my link", "my.link", "a/b/c", "abc/", "../etc", "abc?", "ab#c", "a%20b", "%2e%2e", "ałb",
      "über", "abc\n", "\nabc", "abc ", " abc", "a\tb", "a\u0000b", "a+b", "a=b", "a@b", "a:b", "a~b", "ＡＢＣ", "١٢٣",
      "abc😀"})
  void rejectsAliasesWithCharactersOutsideTheAllowedSet(String alias) {
    assertRejected(alias, "alias_invalid");
  }

  @Test
  void rejectsEveryReservedWordInAnyCase() {
    for (String word : AliasRules.RESERVED) {
      for (String variant : caseVariants(word)) {
        // "ws" is shorter than any alias, so the shape check rejects it before the reserved-word check does.
        assertRejected(variant, SHAPE.matcher(variant).matches() ? "alias_reserved" : "alias_invalid");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"links", "LINKS", "Links", "lInKs", "api", "API", "Api", "dashboard", "DashBoard", "admin",
      "ADMIN", "well-known", "WELL-KNOWN", "local-issuer", "Local-Issuer", "jwks", "JWKS", "favicon", "robots",
      "sitemap", "health", "HEALTH"})
  void rejectsReservedWordsWithTheReservedCode(String alias) {
    assertRejected(alias, "alias_reserved");
  }

  @Test
  void theReservedWordWsIsTooShortToBeAnAliasAnyway() {
    assertRejected("ws", "alias_invalid");
    assertRejected("WS", "alias_invalid");
  }

  @Test
  void reservedWordsAreComparedIndependentlyOfTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      // In Turkish, "I".toLowerCase() is a dotless i, which would let "ADMIN" and "SIGNIN" slip past a naive check.
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertRejected("ADMIN", "alias_reserved");
      assertRejected("SIGNIN", "alias_reserved");
      assertRejected("LINKS", "alias_reserved");
      assertRejected("LOCAL-ISSUER", "alias_reserved");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void reservedWordsAreStoredInLowerCase() {
    for (String word : AliasRules.RESERVED) assertThat(word).isEqualTo(word.toLowerCase(Locale.ROOT));
  }

  @Test
  void rejectionsAreBadRequestsWithAMessage() {
    assertThatThrownBy(() -> AliasRules.validate("Admin"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).contains("'Admin'").contains("reserved");
        });
    assertThatThrownBy(() -> AliasRules.validate("a b"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("3 to 64"));
  }

  static List<String> caseVariants(String word) {
    List<String> variants = new ArrayList<>();
    variants.add(word.toLowerCase(Locale.ROOT));
    variants.add(word.toUpperCase(Locale.ROOT));
    variants.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
    StringBuilder alternating = new StringBuilder();
    StringBuilder alternatingOther = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      alternating.append(i % 2 == 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
      alternatingOther.append(i % 2 == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    variants.add(alternating.toString());
    variants.add(alternatingOther.toString());
    return variants;
  }

  private static void assertRejected(String alias, String code) {
    assertThatThrownBy(() -> AliasRules.validate(alias))
        .as("validate(%s)", alias)
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.status()).isEqualTo(400);
        });
  }
}
