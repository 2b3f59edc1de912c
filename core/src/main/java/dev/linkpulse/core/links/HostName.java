package dev.linkpulse.core.links;

import dev.linkpulse.core.http.ApiException;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A host in the one form a browser resolves it to, so two spellings of a host compare equal: DNS names in lower-case
 * ASCII (IDNA: {@code bücher.example} is {@code xn--bcher-kva.example}, full-width letters and ideographic dots map
 * to ASCII) without a trailing dot; IPv4 in dotted decimal whatever number form it was written in; IPv6 compressed,
 * and an IPv6 address that carries an IPv4 one compared as that IPv4 address.
 *
 * <p>{@link #parse} is a pure function: it returns a host or throws {@link ApiException} {@code 400 url_host}, and
 * nothing else. IDNA is the JDK's (IDNA2003 with STD3 rules); the four characters IDNA2003 and IDNA2008 map apart
 * ({@code ß}, {@code ς}, ZWJ, ZWNJ) are refused rather than guessed, so a stored host always names the site a
 * current browser visits.
 */
public record HostName(Kind kind, String ascii) {
  public enum Kind { DOMAIN, IPV4, IPV6 }

  static final int MAX_DOMAIN = 253;
  private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern DOTS = Pattern.compile("[.\u3002\uFF0E\uFF61]");
  /** Names the hosts file of every common system gives the loopback address, and RFC 6761's {@code .localhost}. */
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback");

  /**
   * Parses a host as it appears in a URL's authority, already percent-decoded: a DNS name, an IPv4 address in any
   * number form, or an IPv6 literal in brackets.
   */
  public static HostName parse(String host) {
    if (host == null || host.isEmpty()) throw invalid("url must name a host");
    if (host.startsWith("[")) {
      if (!host.endsWith("]")) throw invalid("an IPv6 host must be in brackets, like [2001:db8::1]");
      int[] pieces = IpLiterals.ipv6(host.substring(1, host.length() - 1)).orElseThrow(() -> invalid("the IPv6 address is not valid"));
      return new HostName(Kind.IPV6, "[" + IpLiterals.compressed(pieces) + "]");
    }
    String domain = toAscii(host);
    if (IpLiterals.endsInNumber(domain)) {
      long address = IpLiterals.ipv4(domain).orElseThrow(() -> invalid("the host ends in a number but is not an IPv4 address"));
      return new HostName(Kind.IPV4, IpLiterals.dotted(address));
    }
    return new HostName(Kind.DOMAIN, domain);
  }

  /** The IPv4 address this host is (or an IPv6 address carries), if any. */
  public Optional<Long> ipv4() {
    if (kind == Kind.IPV4) return IpLiterals.ipv4(ascii);
    if (kind == Kind.IPV6) return IpLiterals.ipv6(ascii.substring(1, ascii.length() - 1)).flatMap(IpLiterals::embeddedIpv4);
    return Optional.empty();
  }

  /**
   * Whether connecting to this host reaches the machine itself: 127.0.0.0/8, 0.0.0.0/8 (Linux connects it to the local
   * host), {@code ::1}, {@code ::}, and the loopback names.
   */
  public boolean isLoopback() {
    if (kind == Kind.DOMAIN) return LOOPBACK_NAMES.contains(ascii) || ascii.endsWith(".localhost");
    Optional<Long> v4 = ipv4();
    if (v4.isPresent()) return (v4.get() >>> 24) == 127 || (v4.get() >>> 24) == 0;
    return ascii.equals("[::1]") || ascii.equals("[::]");
  }

  /** Whether both names lead to the same place: equal canonical forms, the same IPv4 address, or both loopback. */
  public boolean sameHostAs(HostName other) {
    if (ascii.equals(other.ascii) || (isLoopback() && other.isLoopback())) return true;
    Optional<Long> mine = ipv4();
    return mine.isPresent() && mine.equals(other.ipv4());
  }

  /** The host for people: each punycode label in Unicode. */
  public String unicode() {
    if (kind != Kind.DOMAIN) return ascii;
    List<String> labels = new ArrayList<>();
    for (String label : ascii.split("\\.")) labels.add(label.startsWith("xn--") ? IDN.toUnicode(label) : label);
    return String.join(".", labels);
  }

  private static String toAscii(String host) {
    List<String> labels = new ArrayList<>(List.of(DOTS.split(host, -1)));
    if (labels.size() > 1 && labels.get(labels.size() - 1).isEmpty()) labels.remove(labels.size() - 1);
    List<String> ascii = new ArrayList<>();
    for (String label : labels) ascii.add(asciiLabel(label));
    String domain = String.join(".", ascii);
    if (domain.length() > MAX_DOMAIN) throw invalid("the host name is longer than " + MAX_DOMAIN + " characters");
    return domain;
  }

  private static String asciiLabel(String label) {
    if (label.isEmpty()) throw invalid("the host name has an empty label");
    String ascii = label;
    if (!label.chars().allMatch(c -> c < 0x80)) {
      if (label.indexOf('\u00DF') >= 0 || label.indexOf('\u03C2') >= 0) {
        throw invalid("the host contains ß or ς, which IDNA2003 and IDNA2008 spell differently; give the host in punycode (xn--...)");
      }
      try {
        ascii = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException e) {
        throw invalid("the host name is not a valid internationalised domain name");
      }
    }
    ascii = ascii.toLowerCase(Locale.ROOT);
    if (!LDH_LABEL.matcher(ascii).matches()) {
      throw invalid("each label of the host must be letters, digits and inner hyphens, at most 63 characters");
    }
    return ascii;
  }

  private static ApiException invalid(String message) {
    return ApiException.badRequest("url_host", message);
  }
}
