package dev.linkpulse.core.http;

import dev.linkpulse.core.Env;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which requests came through the edge: the CloudFront distribution in template.yaml, which adds the viewer's
 * country and address as {@code CloudFront-Viewer-*} headers and the origin secret as {@value #HEADER}. Anyone can
 * send headers of those names straight to the API, so a handler sees {@code cloudfront-*} headers only on a
 * request that carries the secret, and never sees the secret itself.
 *
 * <p>With a secret configured ({@value #ENVIRONMENT}, as the template does for every HTTP function) a request
 * without it is refused, 403 {@code edge_required}: the API answers only through its edge. Without one (a handler
 * built outside the template) nothing is refused and no {@code cloudfront-*} header is believed.
 */
public final class EdgeTrust {
  public static final String HEADER = "x-linkpulse-edge";
  public static final String ENVIRONMENT = "EDGE_ORIGIN_SECRET";
  private static final String CLOUDFRONT = "cloudfront-";

  private final byte[] secret;

  EdgeTrust(String secret) {
    this.secret = secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8);
  }

  public static EdgeTrust fromEnvironment() {
    return new EdgeTrust(Env.find(ENVIRONMENT).orElse(null));
  }

  /**
   * The headers a handler may read: {@code cloudfront-*} only when the request proved it came through the edge, the
   * secret header never.
   *
   * @throws ApiException 403 {@code edge_required} when a secret is configured and the request does not carry it
   */
  public Map<String, String> admit(Map<String, String> headers) {
    Map<String, String> in = headers == null ? Map.of() : headers;
    String presented = null;
    for (var e : in.entrySet()) if (e.getKey() != null && e.getKey().equalsIgnoreCase(HEADER)) presented = e.getValue();
    boolean viaEdge = secret != null && presented != null
        && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    if (secret != null && !viaEdge) throw new ApiException(403, "edge_required", "this API answers only through its edge");
    Map<String, String> out = new LinkedHashMap<>();
    in.forEach((name, value) -> {
      if (name == null) return;
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals(HEADER) || (lower.startsWith(CLOUDFRONT) && !viaEdge)) return;
      out.put(name, value);
    });
    return out;
  }
}
