package dev.linkpulse.moderation.screening;

import dev.linkpulse.core.links.HostName;
import java.util.Optional;
import java.util.Set;

/**
 * Targets that are addresses, not names. A private, loopback, link-local or shared range (RFC 1918, RFC 6598,
 * RFC 3927, RFC 4193, ...) or a name that only resolves inside a network reaches nobody's public site: whoever
 * links to it probes the visitor's own network, so it is malicious. A public IP literal is only suspicious: phishing
 * kits use them to dodge domain blocklists, a few legitimate services too.
 */
final class PrivateHostRule implements ScreeningRule {
  static final String NAME = "private-host";
  private static final Set<String> INTERNAL_SUFFIXES = Set.of("localhost", "local", "internal", "intranet", "lan", "home.arpa");

  @Override
  public Optional<Finding> check(TargetUrl target) {
    HostName host = target.host();
    if (host.isLoopback()) return Optional.of(new Finding(NAME, Verdict.MALICIOUS, "the target is this machine's loopback address"));
    if (host.kind() == HostName.Kind.DOMAIN) {
      String[] labels = target.labels();
      String last = labels[labels.length - 1];
      String lastTwo = labels.length > 1 ? labels[labels.length - 2] + "." + last : last;
      if (INTERNAL_SUFFIXES.contains(last) || INTERNAL_SUFFIXES.contains(lastTwo)) {
        return Optional.of(new Finding(NAME, Verdict.MALICIOUS, "the target is a name that only resolves inside a private network"));
      }
      return Optional.empty();
    }
    Optional<Long> v4 = host.ipv4();
    if (v4.isPresent() && privateV4(v4.get())) {
      return Optional.of(new Finding(NAME, Verdict.MALICIOUS, "the target is an address in a private range"));
    }
    if (host.kind() == HostName.Kind.IPV6 && v4.isEmpty() && privateV6(host.ascii())) {
      return Optional.of(new Finding(NAME, Verdict.MALICIOUS, "the target is an address in a private range"));
    }
    return Optional.of(new Finding(NAME, Verdict.SUSPICIOUS, "the target is a bare IP address"));
  }

  /** 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.0/24, 192.168/16, 198.18/15, 224/4 and above. */
  static boolean privateV4(long a) {
    return in(a, 0x00000000L, 8) || in(a, 0x0A000000L, 8) || in(a, 0x64400000L, 10) || in(a, 0x7F000000L, 8)
        || in(a, 0xA9FE0000L, 16) || in(a, 0xAC100000L, 12) || in(a, 0xC0000000L, 24) || in(a, 0xC0A80000L, 16)
        || in(a, 0xC6120000L, 15) || a >= 0xE0000000L;
  }

  private static boolean in(long address, long network, int prefix) {
    long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    return (address & mask) == network;
  }

  /** Unique local fc00::/7, link-local fe80::/10, unspecified {@code ::}, multicast ff00::/8. */
  static boolean privateV6(String bracketed) {
    String a = bracketed.substring(1, bracketed.length() - 1);
    if (a.equals("::")) return true;
    String first = a.startsWith(":") ? "0" : a.substring(0, a.indexOf(':'));
    int head = Integer.parseInt(first, 16);
    return (head & 0xFE00) == 0xFC00 || (head & 0xFFC0) == 0xFE80 || (head & 0xFF00) == 0xFF00;
  }
}
