package dev.linkpulse.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Defect 3 of issue 11: the redirect-loop check compared host strings, so other spellings of the shortener's own
 * host were accepted, and two such links redirected into each other forever, counting every hop. A host is now
 * compared in the one canonical form a browser resolves it to (IPv4 number forms, IPv4-mapped IPv6, case, trailing
 * dots, percent-encoding, IDNA mappings), and a loopback base refuses every loopback spelling.
 */
class RedirectLoopHostSpellingsAreRefusedTest {
  private final UrlValidator deployed = new UrlValidator("https://lnk.example.com");
  private final UrlValidator local = new UrlValidator("http://127.0.0.1:8080");

  @ParameterizedTest
  @ValueSource(strings = {
      "https://lnk.example.com/a", "https://LNK.EXAMPLE.COM/a", "https://lnk.example.com./a", "https://lnk.example.com:8443/a",
      "https://lnk%2eexample%2ecom/a", "https://%6cnk.example.com/a", "https://ｌｎｋ.example.com/a", "https://LNK.ＥＸＡＭＰＬＥ.com/a",
      "https://lnk。example。com/a", "https://lnk．example．com/a", "https://lnk｡example｡com/a", "https://lnk.example.com。/a",
      "https://lnk\u034F.example.com/a", "http://lnk.example.com/a", "HTTPS://Lnk.Example.Com:443/a?b#c",
  })
  void everySpellingOfTheDeployedHostIsALoop(String url) {
    assertLoop(deployed, url);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1:8080/a", "http://localhost:8080/a", "http://LocalHost./a", "http://localhost.localdomain/a",
      "http://app.localhost/a", "http://127.1/a", "http://127.0.1/a", "http://2130706433/a", "http://0x7f000001/a",
      "http://0x7F.0.0.1/a", "http://0177.0.0.1/a", "http://0177.0000.0000.0001/a", "http://017700000001/a",
      "http://127.000.000.001/a", "http://127.0.0.1./a", "http://127.255.255.254/a", "http://0.0.0.0/a", "http://0/a",
      "http://[::1]/a", "http://[0:0:0:0:0:0:0:1]/a", "http://[::ffff:127.0.0.1]/a", "http://[::ffff:7f00:1]/a",
      "http://[0:0:0:0:0:ffff:7f00:0001]/a", "http://[::]/a", "http://[::FFFF:127.1.2.3]/a", "http://%31%32%37.0.0.1/a",
      "http://１２７.０.０.１/a", "http://ｌｏｃａｌｈｏｓｔ/a",
  })
  void everySpellingOfALoopbackHostIsALoopForALoopbackBase(String url) {
    assertLoop(local, url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://lnk.example.org/a", "https://lnk-example.com/a", "https://example.com/lnk.example.com",
      "https://lnk.example.com.evil.example/a", "http://128.0.0.1/a", "http://[::2]/a", "http://10.0.0.1/a"})
  void otherHostsAreStillAccepted(String url) {
    assertThat(deployed.validate(url)).startsWith(url.substring(0, url.indexOf("://") + 3));
    assertThat(local.validate(url)).isNotBlank();
  }

  private static void assertLoop(UrlValidator validator, String url) {
    UrlRejections.assertRejected(validator, url, "url_loop");
  }
}
