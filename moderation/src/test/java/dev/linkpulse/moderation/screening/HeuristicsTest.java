package dev.linkpulse.moderation.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeuristicsTest {
  private final Heuristics heuristics = new Heuristics();

  private List<Finding> findings(String url) {
    return heuristics.findings(TargetUrl.parse(url));
  }

  private Verdict worst(String url) {
    return findings(url).stream().map(Finding::verdict).reduce(Verdict.SAFE, Verdict::worst);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/", "https://en.wikipedia.org/wiki/Phishing", "https://www.paypal.com/signin",
      "https://accounts.google.com/login?continue=x", "https://xn--bcher-kva.example/stra%C3%9Fe", "https://shop.example/account"})
  void ordinaryTargetsHaveNoFindings(String url) {
    assertThat(findings(url)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "http://10.0.0.1/admin, MALICIOUS", "http://192.168.1.1/, MALICIOUS", "http://172.16.5.4/, MALICIOUS",
      "http://127.0.0.1:8080/, MALICIOUS", "http://169.254.169.254/latest/meta-data/, MALICIOUS", "http://100.64.0.1/, MALICIOUS",
      "http://[fd00::1]/, MALICIOUS", "http://[fe80::1]/, MALICIOUS", "http://[::ffff:10.0.0.1]/, MALICIOUS",
      "http://printer.local/, MALICIOUS", "http://db.internal/, MALICIOUS", "http://localhost/, MALICIOUS",
      "http://93.184.216.34/, SUSPICIOUS", "http://[2001:4860:4860::8888]/, SUSPICIOUS"})
  void addressesAndPrivateNames(String url, Verdict verdict) {
    assertThat(findings(url)).extracting(Finding::rule).contains(PrivateHostRule.NAME);
    assertThat(worst(url)).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource({
      // pаypal with a Cyrillic а; аpple in Cyrillic а; gооgle with Cyrillic о; the punycode is what the create call stores
      "https://xn--pypal-4ve.com/, paypal", "https://xn--pple-43d.com/, apple", "https://xn--ggle-55da.com/, google",
      "https://login.xn--pypal-4ve.com/signin, paypal"})
  void punycodeLookalikesOfBrandsAreMalicious(String url, String brand) {
    assertThat(findings(url)).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo(LookalikeRule.NAME);
      assertThat(f.verdict()).isEqualTo(Verdict.MALICIOUS);
      assertThat(f.reason()).contains(brand);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://bit.ly/3xYz", "https://tinyurl.com/abc", "https://www.t.co/x", "https://t.ly/a"})
  void chainsThroughOtherShortenersAreSuspicious(String url) {
    assertThat(findings(url)).extracting(Finding::rule, Finding::verdict).containsExactly(org.assertj.core.groups.Tuple.tuple(ShortenerChainRule.NAME, Verdict.SUSPICIOUS));
  }

  @ParameterizedTest
  @CsvSource({
      "https://secure-update.example.net/paypal/signin.php, MALICIOUS",
      "https://paypal.login-secure.example.net/account, MALICIOUS",
      "https://example.net/microsoft/office365/verify, MALICIOUS",
      "https://example.net/account/verify/password, SUSPICIOUS",
      "https://example.net/cgi-bin/webscr?cmd=_login-run, SUSPICIOUS",
      "https://example.net/wp-login.php?redirect_to=x, SUSPICIOUS"})
  void credentialPhishingPaths(String url, Verdict verdict) {
    assertThat(findings(url)).extracting(Finding::rule).contains(PhishingPathRule.NAME);
    assertThat(worst(url)).isEqualTo(verdict);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://www.purchase.example/login", "https://brand.example/apple-pie-recipe"})
  void aBrandWordWithoutACredentialPageOrInsideAnotherWordIsNotPhishing(String url) {
    assertThat(worst(url)).isEqualTo(Verdict.SAFE);
  }
}
