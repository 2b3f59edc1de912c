package dev.linkpulse.moderation.screening;

import java.util.Map;
import java.util.Optional;

/** Well-known brands phishing imitates, each with the registrable domains that really are the brand. */
final class Brands {
  static final Map<String, java.util.Set<String>> DOMAINS = Map.ofEntries(
      Map.entry("google", java.util.Set.of("google.com", "google.co.uk", "google.de", "google.fr")),
      Map.entry("paypal", java.util.Set.of("paypal.com", "paypal.me")),
      Map.entry("apple", java.util.Set.of("apple.com", "icloud.com")),
      Map.entry("icloud", java.util.Set.of("icloud.com", "apple.com")),
      Map.entry("microsoft", java.util.Set.of("microsoft.com", "live.com", "office.com")),
      Map.entry("office365", java.util.Set.of("office.com", "microsoft.com")),
      Map.entry("outlook", java.util.Set.of("outlook.com", "live.com", "office.com")),
      Map.entry("amazon", java.util.Set.of("amazon.com", "amazon.co.uk", "amazon.de", "amazon.fr")),
      Map.entry("facebook", java.util.Set.of("facebook.com", "fb.com")),
      Map.entry("instagram", java.util.Set.of("instagram.com")),
      Map.entry("netflix", java.util.Set.of("netflix.com")),
      Map.entry("linkedin", java.util.Set.of("linkedin.com")),
      Map.entry("dropbox", java.util.Set.of("dropbox.com")),
      Map.entry("github", java.util.Set.of("github.com")),
      Map.entry("coinbase", java.util.Set.of("coinbase.com")),
      Map.entry("binance", java.util.Set.of("binance.com")),
      Map.entry("chase", java.util.Set.of("chase.com")),
      Map.entry("wellsfargo", java.util.Set.of("wellsfargo.com")));

  private Brands() {}

  /** The brand {@code token} names exactly, if it is one. */
  static Optional<String> named(String token) {
    return DOMAINS.containsKey(token) ? Optional.of(token) : Optional.empty();
  }

  /** Whether {@code host} is one of the brand's own domains or a name under one. */
  static boolean owns(String brand, String host) {
    return DOMAINS.getOrDefault(brand, java.util.Set.of()).stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
  }

  /** The brand one of the words of {@code text} names ({@code paypal-login} names paypal), if any. */
  static Optional<String> mentionedIn(String text) {
    for (String word : text.split("[^a-z0-9]+")) {
      if (DOMAINS.containsKey(word)) return Optional.of(word);
    }
    return Optional.empty();
  }
}
