package dev.linkpulse.core.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * IP address literals as browsers read them (the WHATWG URL Standard's IPv4 and IPv6 parsers), so that a host is
 * judged by the address a browser would connect to, not by how it is spelled. Pure functions; an unparseable
 * literal is an empty result, never an exception.
 */
final class IpLiterals {
  /** Anything above this is out of range for every IPv4 part, so longer numbers need not be read exactly. */
  private static final long SATURATED = 1L << 40;

  private IpLiterals() {}

  /**
   * Whether a host "ends in a number" (WHATWG): its last label, ignoring one trailing dot, is decimal digits or a
   * {@code 0x} hex number. Such a host must parse as IPv4 or is no host at all.
   */
  static boolean endsInNumber(String host) {
    List<String> parts = new ArrayList<>(List.of(host.split("\\.", -1)));
    if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) parts.remove(parts.size() - 1);
    String last = parts.get(parts.size() - 1);
    if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) return true;
    return number(last).isPresent() && (last.startsWith("0x") || last.startsWith("0X"));
  }

  /** The 32-bit address of an IPv4 host in any of its number forms (127.1, 2130706433, 0x7f.0.0.1, 0177.0.0.1). */
  static Optional<Long> ipv4(String host) {
    List<String> parts = new ArrayList<>(List.of(host.split("\\.", -1)));
    if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) parts.remove(parts.size() - 1);
    if (parts.size() > 4) return Optional.empty();
    List<Long> numbers = new ArrayList<>();
    for (String part : parts) {
      Optional<Long> n = number(part);
      if (n.isEmpty()) return Optional.empty();
      numbers.add(n.get());
    }
    for (int i = 0; i < numbers.size() - 1; i++) if (numbers.get(i) > 255) return Optional.empty();
    long last = numbers.get(numbers.size() - 1);
    if (last >= 1L << (8 * (5 - numbers.size()))) return Optional.empty();
    long address = last;
    for (int i = 0; i < numbers.size() - 1; i++) address += numbers.get(i) << (8 * (3 - i));
    return Optional.of(address);
  }

  /** One IPv4 part: decimal, {@code 0x} hex or {@code 0}-prefixed octal; saturates instead of overflowing. */
  private static Optional<Long> number(String part) {
    if (part.isEmpty()) return Optional.empty();
    int radix = 10;
    String digits = part;
    if (part.startsWith("0x") || part.startsWith("0X")) {
      radix = 16;
      digits = part.substring(2);
    } else if (part.length() > 1 && part.startsWith("0")) {
      radix = 8;
      digits = part.substring(1);
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = Character.digit(digits.charAt(i), radix);
      if (d < 0 || digits.charAt(i) > 'f') return Optional.empty(); // Character.digit also reads non-ASCII digits
      value = Math.min(SATURATED, value * radix + d);
    }
    return Optional.of(value);
  }

  static String dotted(long address) {
    return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
  }

  /** The eight 16-bit pieces of an IPv6 literal (without brackets); no zone ids, strict dotted IPv4 tails. */
  static Optional<int[]> ipv6(String text) {
    if (text.isEmpty() || text.indexOf('%') >= 0) return Optional.empty();
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) return Optional.empty();
    List<Integer> head = new ArrayList<>();
    List<Integer> tail = new ArrayList<>();
    if (gap < 0) {
      if (!pieces(text, head)) return Optional.empty();
    } else if (!pieces(text.substring(0, gap), head) || !pieces(text.substring(gap + 2), tail)) {
      return Optional.empty();
    }
    int given = head.size() + tail.size();
    if (gap < 0 ? given != 8 : given > 7) return Optional.empty();
    int[] out = new int[8];
    for (int i = 0; i < head.size(); i++) out[i] = head.get(i);
    for (int i = 0; i < tail.size(); i++) out[8 - tail.size() + i] = tail.get(i);
    return Optional.of(out);
  }

  /** Appends the pieces of one side of a {@code ::}; a dotted IPv4 may end the address and counts as two pieces. */
  private static boolean pieces(String side, List<Integer> out) {
    if (side.isEmpty()) return true;
    String[] groups = side.split(":", -1);
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (i == groups.length - 1 && g.indexOf('.') >= 0) {
        Optional<Long> v4 = strictDottedQuad(g);
        if (v4.isEmpty()) return false;
        out.add((int) (v4.get() >>> 16));
        out.add((int) (v4.get() & 0xFFFF));
      } else {
        if (g.isEmpty() || g.length() > 4) return false;
        int value = 0;
        for (char c : g.toCharArray()) {
          int d = Character.digit(c, 16);
          if (d < 0 || c > 'f') return false;
          value = value * 16 + d;
        }
        out.add(value);
      }
    }
    return true;
  }

  private static Optional<Long> strictDottedQuad(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) return Optional.empty();
    long address = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.startsWith("0")) || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      int v = Integer.parseInt(p);
      if (v > 255) return Optional.empty();
      address = address * 256 + v;
    }
    return Optional.of(address);
  }

  /** The IPv4 address an IPv6 address carries (IPv4-mapped {@code ::ffff:a.b.c.d}, or IPv4-compatible {@code ::a.b.c.d}). */
  static Optional<Long> embeddedIpv4(int[] pieces) {
    for (int i = 0; i < 5; i++) if (pieces[i] != 0) return Optional.empty();
    long low = ((long) pieces[6] << 16) | pieces[7];
    if (pieces[5] == 0xFFFF) return Optional.of(low);
    if (pieces[5] == 0 && (low >>> 24) != 0) return Optional.of(low); // ::1.2.3.4, not ::1 or ::2
    return Optional.empty();
  }

  /** RFC 5952 text: lower-case hex, no leading zeros, the longest run of two or more zero pieces as {@code ::}. */
  static String compressed(int[] pieces) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (pieces[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && pieces[j] == 0) j++;
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append(i == 0 ? "::" : ":");
        i += bestLength - 1;
        continue;
      }
      out.append(Integer.toHexString(pieces[i]).toLowerCase(Locale.ROOT));
      if (i < 7) out.append(':');
    }
    return out.toString();
  }
}
