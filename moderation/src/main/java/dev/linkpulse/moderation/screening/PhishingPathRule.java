package dev.linkpulse.moderation.screening;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Credential-phishing shapes: a brand named in the path or in a subdomain of a site that is not the brand's
 * ({@code login.paypal.example-secure.net/paypal/signin}) together with a credential word is malicious; two or more
 * credential words on a site no brand owns ({@code /account/verify/password}) are suspicious; a well-known kit page
 * ({@code webscr}, {@code wp-login.php} with a redirect back) is suspicious on its own.
 */
final class PhishingPathRule implements ScreeningRule {
  static final String NAME = "phishing-path";
  static final Set<String> CREDENTIAL_WORDS = Set.of("login", "logon", "signin", "sign-in", "verify", "verification",
      "account", "password", "passwd", "credential", "credentials", "unlock", "suspended", "billing", "wallet", "2fa", "otp",
      "update-payment", "confirm", "secure", "recovery");
  private static final Pattern KIT_PAGES = Pattern.compile(".*(webscr|cmd=_login|wp-login\\.php\\?.*redirect_to=|/owa/auth|seed-phrase|recovery-phrase).*");

  @Override
  public Optional<Finding> check(TargetUrl target) {
    String host = target.host().ascii();
    String path = target.pathAndQuery();
    long words = CREDENTIAL_WORDS.stream().filter(path::contains).count();
    String subdomains = subdomains(target);
    Optional<String> brand = Brands.mentionedIn(path).or(() -> Brands.mentionedIn(subdomains));
    if (brand.isPresent() && !Brands.owns(brand.get(), host) && (words > 0 || CREDENTIAL_WORDS.stream().anyMatch(subdomains::contains))) {
      return Optional.of(new Finding(NAME, Verdict.MALICIOUS, "a credential page that names " + brand.get() + " on a site that is not theirs"));
    }
    if (KIT_PAGES.matcher(path).matches()) return Optional.of(new Finding(NAME, Verdict.SUSPICIOUS, "the path looks like a phishing kit's login page"));
    if (words >= 2) return Optional.of(new Finding(NAME, Verdict.SUSPICIOUS, "the path asks for credentials"));
    return Optional.empty();
  }

  /** Everything left of the registrable domain, approximated as the last two labels. */
  private static String subdomains(TargetUrl target) {
    String[] labels = target.labels();
    if (labels.length <= 2) return "";
    return String.join(".", java.util.Arrays.copyOf(labels, labels.length - 2));
  }
}
