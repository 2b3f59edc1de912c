package dev.linkpulse.local.gateway;

import dev.linkpulse.core.http.EdgeTrust;
import dev.linkpulse.core.links.ServedHosts;
import dev.linkpulse.emulators.apigateway.HttpEdge;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the deployed edge (template.yaml's EdgeDistribution) does to a request before the HTTP API sees it, so the
 * local stack behaves as deployed: it answers only for the hosts it serves (421 otherwise, like EdgeHostGuard), drops
 * every client-sent {@code CloudFront-*} header and any client-sent origin secret, adds
 * {@code CloudFront-Viewer-Address} from the connection (there is no geolocation here, so no
 * {@code CloudFront-Viewer-Country}: clicks count as country {@code ZZ}) and the origin secret.
 */
public final class LocalEdge implements HttpEdge {
  private final String originSecret;
  private final ServedHosts hosts;

  public LocalEdge(String originSecret, ServedHosts hosts) {
    this.originSecret = originSecret;
    this.hosts = hosts;
  }

  @Override
  public boolean serves(String hostHeader) {
    return hosts.servesAuthority(hostHeader);
  }

  @Override
  public Map<String, String> originHeaders(Map<String, List<String>> viewerHeaders, InetSocketAddress viewer) {
    Map<String, String> out = new LinkedHashMap<>();
    viewerHeaders.forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("cloudfront-") || lower.equals(EdgeTrust.HEADER)) return;
      out.put(lower, String.join(",", values));
    });
    String ip = viewer.getAddress().getHostAddress();
    out.put("cloudfront-viewer-address", (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + viewer.getPort());
    if (originSecret != null) out.put(EdgeTrust.HEADER, originSecret);
    return out;
  }
}
