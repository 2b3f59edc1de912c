package dev.linkpulse.core.links;

import dev.linkpulse.core.http.ApiException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The hosts that serve this shortener's links and API: a target on any of them would redirect into itself, and two
 * such links would bounce between each other forever, counting every hop. Compared canonically ({@link HostName}).
 */
public final class ServedHosts {
  private final List<HostName> hosts;

  private ServedHosts(List<HostName> hosts) {
    this.hosts = List.copyOf(hosts);
  }

  /**
   * @param hostsOrUrls hosts ({@code lnk.example.com}, {@code 127.0.0.1:8080}, {@code [::1]}) or base URLs
   *     ({@code https://lnk.example.com}); blank entries are skipped
   * @throws IllegalArgumentException for an entry that is no host (a configuration error)
   */
  public static ServedHosts of(Collection<String> hostsOrUrls) {
    List<HostName> parsed = new ArrayList<>();
    for (String entry : hostsOrUrls) {
      if (entry == null || entry.isBlank()) continue;
      try {
        parsed.add(HostName.parse(hostOf(entry.trim())));
      } catch (ApiException e) {
        throw new IllegalArgumentException("not a host: " + entry + " (" + e.getMessage() + ")");
      }
    }
    return new ServedHosts(parsed);
  }

  /** These hosts and {@code more}. */
  public ServedHosts plus(Collection<String> more) {
    List<HostName> all = new ArrayList<>(hosts);
    all.addAll(of(more).hosts);
    return new ServedHosts(all);
  }

  public boolean serves(HostName host) {
    return hosts.stream().anyMatch(host::sameHostAs);
  }

  /** Whether a request's {@code Host} header ({@code host[:port]}) names one of these hosts. */
  public boolean servesAuthority(String authority) {
    if (authority == null || authority.isBlank()) return false;
    try {
      return serves(HostName.parse(hostOf(authority.trim())));
    } catch (ApiException | IllegalArgumentException notAHost) {
      return false;
    }
  }

  /** The host of a URL or of {@code host[:port]}. */
  private static String hostOf(String entry) {
    if (entry.contains("://")) {
      String host = URI.create(entry).getHost();
      if (host == null) throw new IllegalArgumentException("no host in " + entry);
      return host;
    }
    if (entry.startsWith("[")) return entry.substring(0, entry.indexOf(']') + 1);
    int colon = entry.lastIndexOf(':');
    return colon < 0 ? entry : entry.substring(0, colon);
  }
}
