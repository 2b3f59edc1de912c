package dev.linkpulse.core.links;

import static dev.linkpulse.testing.Generators.longsBetween;
import static dev.linkpulse.testing.Generators.strings;
import static dev.linkpulse.testing.Generators.stringsOf;
import static dev.linkpulse.testing.Generators.tokenSoups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.linkpulse.core.http.ApiException;
import dev.linkpulse.testing.Generators;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The host canonicaliser as properties: it is total (a host or the documented {@code url_host} error), its result is
 * a fixed point, and every spelling of one host (IPv4 number forms, IPv4-mapped IPv6, case, a trailing dot,
 * full-width and ideographic characters, percent-encoding through the URL validator) comes out as that one host.
 */
class HostNamePropertiesTest {
  private static final Gen<String> HOST_SOUPS = tokenSoups(List.of("127", "0", "1", "255", "256", "0x7f", "0X", "017", ".", "..",
      "[", "]", ":", "::", "ffff", "%", "%2e", "a", "xn--", "-", "LOCALHOST", "localhost", "é", "ß", "\u3002", "\uFF0E", "ｌ",
      "１", "\u034F", "\u00AD", "999999999999", "_", " ", "example", "com"), 12);
  private static final Gen<String> LABELS = stringsOf("abcdefghijklmnopqrstuvwxyz0123456789", 1, 20);
  private static final Gen<String> DOMAINS = Generators.listsOf(LABELS, 3).zip(stringsOf("abcdefghijklmnopqrstuvwxyz", 2, 6),
      (labels, top) -> String.join(".", labels) + (labels.isEmpty() ? "" : ".") + top);

  @Test
  void parseIsTotal_aHostOrTheDocumentedError() {
    qt().withExamples(3000).forAll(Generate.oneOf(strings(), HOST_SOUPS)).checkAssert(HostNamePropertiesTest::parsesOrIsUrlHost);
  }

  @Test
  void theCanonicalFormIsAFixedPoint() {
    qt().withExamples(3000).forAll(Generate.oneOf(strings(), HOST_SOUPS, DOMAINS)).checkAssert(text -> {
      HostName host;
      try {
        host = HostName.parse(text);
      } catch (ApiException e) {
        return;
      }
      assertThat(HostName.parse(host.ascii())).isEqualTo(host);
      assertThat(host.ascii()).matches("[\\x21-\\x7e]+").isEqualTo(host.ascii().toLowerCase(Locale.ROOT));
    });
  }

  @Test
  void everyNumberFormOfAnIpv4AddressIsThatAddress() {
    qt().withExamples(2000).forAll(longsBetween(0, 0xFFFFFFFFL), Generate.range(0, 7)).checkAssert((address, form) -> {
      HostName canonical = HostName.parse(IpLiterals.dotted(address));
      HostName spelled = HostName.parse(spell(address, form));
      assertThat(spelled.sameHostAs(canonical)).as(spell(address, form)).isTrue();
      if (form < 6) assertThat(spelled).isEqualTo(canonical);
    });
  }

  @Test
  void caseTrailingDotsAndFullWidthSpellingsOfADomainAreThatDomain() {
    qt().withExamples(1500).forAll(DOMAINS, Generate.range(0, 3)).checkAssert((domain, form) -> {
      String spelled = switch (form) {
        case 0 -> domain.toUpperCase(Locale.ROOT);
        case 1 -> domain + ".";
        case 2 -> fullWidth(domain);
        default -> domain.replace('.', '\u3002');
      };
      assertThat(HostName.parse(spelled).ascii()).as(spelled).isEqualTo(domain);
    });
  }

  @Test
  void theValidatorRefusesEverySpellingOfItsOwnHost() {
    UrlValidator deployed = new UrlValidator("https://lnk.example.com");
    UrlValidator local = new UrlValidator("http://127.0.0.1:8080");
    qt().withExamples(1500).forAll(Generate.range(0, 5), longsBetween(0, 0xFFFFFF), Generate.range(0, 7)).checkAssert((form, low, ipForm) -> {
      String own = switch (form) {
        case 0 -> "LNK.Example.COM.";
        case 1 -> fullWidth("lnk.example.com");
        case 2 -> "%6c%6e%6b.example.com";
        case 3 -> "lnk\u3002example\uFF0Ecom";
        default -> "lnk.example.com";
      };
      assertLoop(deployed, "https://" + own + "/x");
      assertLoop(local, "http://" + spell((127L << 24) | low, ipForm) + "/x");
    });
  }

  /** The address in one of its spellings: dotted, one number, hex, octal, a.b.c and a.b forms, IPv4-mapped IPv6. */
  static String spell(long a, int form) {
    long b1 = a >>> 24, b2 = (a >>> 16) & 0xFF, b3 = (a >>> 8) & 0xFF, b4 = a & 0xFF;
    return switch (form) {
      case 0 -> b1 + "." + b2 + "." + b3 + "." + b4;
      case 1 -> Long.toString(a);
      case 2 -> "0x" + Long.toHexString(a);
      case 3 -> "0" + Long.toOctalString(b1) + ".0x" + Long.toHexString(b2) + "." + b3 + ".0" + Long.toOctalString(b4);
      case 4 -> b1 + "." + b2 + "." + ((b3 << 8) | b4);
      case 5 -> b1 + "." + ((b2 << 16) | (b3 << 8) | b4) + ".";
      case 6 -> "[::ffff:" + b1 + "." + b2 + "." + b3 + "." + b4 + "]";
      default -> "[0:0:0:0:0:FFFF:" + Long.toHexString(a >>> 16) + ":" + Long.toHexString(a & 0xFFFF) + "]";
    };
  }

  private static String fullWidth(String ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii.toCharArray()) out.append(c == '.' ? '\uFF0E' : (char) (c - 0x21 + 0xFF01));
    return out.toString();
  }

  private static void parsesOrIsUrlHost(String text) {
    try {
      HostName.parse(text);
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("url_host");
    }
  }

  private static void assertLoop(UrlValidator validator, String url) {
    try {
      validator.validate(url);
      throw new AssertionError("accepted " + url);
    } catch (ApiException e) {
      assertThat(e.code()).as(url).isEqualTo("url_loop");
    }
  }
}
