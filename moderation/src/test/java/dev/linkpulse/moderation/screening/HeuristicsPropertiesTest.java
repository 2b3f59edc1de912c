package dev.linkpulse.moderation.screening;

import static dev.linkpulse.testing.Generators.longsBetween;
import static dev.linkpulse.testing.Generators.stringsOf;
import static dev.linkpulse.testing.Generators.tokenSoups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.linkpulse.core.links.UrlValidator;
import dev.linkpulse.testing.Generators;
import java.net.IDN;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The heuristics as properties over targets as the create call stores them (canonical, from {@link UrlValidator}):
 * screening is total and deterministic, every address in a private range is malicious whatever its spelling, every
 * look-alike spelling of a brand is caught, and plain names with plain paths are left alone.
 */
class HeuristicsPropertiesTest {
  private static final UrlValidator STORED = new UrlValidator("https://lnk.example");
  private static final Heuristics HEURISTICS = new Heuristics();
  private static final Gen<String> LABELS = stringsOf("abcdefghijklmnopqrstuvwxyz0123456789", 1, 12);
  private static final Gen<String> WORDS = stringsOf("bdfhjmnqvwxz", 1, 8);
  private static final Gen<String> URL_SOUPS = tokenSoups(List.of("http://", "https://", "[", "]", "::", "fd00", "fe80", "10.", "192.168.",
      "0x0a", "xn--", "pypal-4ve", "bit.ly", ".", "/", "login", "verify", "paypal", "?", "=", "%2F", "127", ":8080", "a", "com", "local"), 10);

  @Test
  void screeningAnyStoredTargetIsTotalAndDeterministic() {
    qt().withExamples(3000).forAll(Generate.oneOf(URL_SOUPS, Generators.strings())).checkAssert(raw -> {
      String stored;
      try {
        stored = STORED.validate(raw);
      } catch (RuntimeException refusedAtCreate) {
        return;
      }
      TargetUrl target = TargetUrl.parse(stored);
      assertThat(HEURISTICS.findings(target)).isEqualTo(HEURISTICS.findings(TargetUrl.parse(stored)));
    });
  }

  @Test
  void everyAddressInATenOrOneNineTwoOneSixEightNetworkIsMaliciousInAnySpelling() {
    qt().withExamples(1500).forAll(longsBetween(0, 0xFFFFFF), Generate.range(0, 2)).checkAssert((low, form) -> {
      long address = low < 0x10000 && form == 1 ? 0xC0A80000L | low : 0x0A000000L | low;
      String host = switch (form) {
        case 0 -> Long.toString(address);                 // one decimal number
        case 1 -> "0x" + Long.toHexString(address);       // hexadecimal
        default -> "[::ffff:" + ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255) + "]";
      };
      String stored = STORED.validate("http://" + host + "/");
      assertThat(HEURISTICS.findings(TargetUrl.parse(stored))).anySatisfy(f -> assertThat(f.verdict()).isEqualTo(Verdict.MALICIOUS));
    });
  }

  @Test
  void everyLookalikeSpellingOfABrandIsMalicious() {
    List<String> brands = List.copyOf(Brands.DOMAINS.keySet());
    qt().withExamples(1000).forAll(Generate.pick(brands), Generate.longRange(1, Long.MAX_VALUE), LABELS).checkAssert((brand, mask, tld) -> {
      String spoofed = spoof(brand, mask);
      if (spoofed.equals(brand)) return;
      String stored = STORED.validate("https://" + tld + "." + spoofed + ".com/");
      assertThat(HEURISTICS.findings(TargetUrl.parse(stored))).as(stored)
          .anySatisfy(f -> assertThat(f).extracting(Finding::rule, Finding::verdict).containsExactly(LookalikeRule.NAME, Verdict.MALICIOUS));
    });
  }

  @Test
  void plainNamesWithPlainPathsHaveNoFindings() {
    qt().withExamples(1500).forAll(Generators.listsOf(LABELS, 3), WORDS, WORDS).checkAssert((labels, site, path) -> {
      String host = String.join(".", labels) + (labels.isEmpty() ? "" : ".") + site + ".example";
      String stored = STORED.validate("https://" + host + "/" + path);
      if (ShortenerChainRule.SHORTENERS.stream().anyMatch(s -> host.endsWith(s))) return;
      assertThat(HEURISTICS.findings(TargetUrl.parse(stored))).as(stored).isEmpty();
    });
  }

  /** The brand with the letters {@code mask} picks swapped for a Cyrillic or Greek look-alike, where one exists. */
  private static String spoof(String brand, long mask) {
    String lookalikes = "аbсdеfghіјklmnорqrѕtuvwхуz";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < brand.length(); i++) {
      char c = brand.charAt(i);
      boolean swap = ((mask >> (i % 63)) & 1) == 1 && c >= 'a' && c <= 'z' && lookalikes.charAt(c - 'a') != c;
      out.append(swap ? lookalikes.charAt(c - 'a') : c);
    }
    return IDN.toASCII(out.toString()).equals(out.toString()) ? brand : out.toString();
  }
}
