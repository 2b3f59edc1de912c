package dev.linkpulse.pipeline.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.linkpulse.core.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The issuer's signing keys, found the way API Gateway finds them: OpenID discovery at
 * {@code {issuer}/.well-known/openid-configuration}, then its {@code jwks_uri}. Cached for ten minutes, so a warm
 * authorizer makes no call; a failed refresh keeps serving the last good keys.
 */
final class IssuerKeys implements Supplier<JWKSet> {
  static final Duration TTL = Duration.ofMinutes(10);

  private final String issuer;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private JWKSet keys;
  private Instant fetchedAt = Instant.MIN;

  IssuerKeys(String issuer, Clock clock) {
    this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    this.clock = clock;
  }

  @Override
  public synchronized JWKSet get() {
    if (keys != null && clock.instant().isBefore(fetchedAt.plus(TTL))) return keys;
    try {
      JsonNode discovery = Json.tree(fetch(issuer + "/.well-known/openid-configuration"));
      keys = JWKSet.parse(fetch(discovery.path("jwks_uri").asText()));
      fetchedAt = clock.instant();
    } catch (Exception e) {
      if (keys == null) throw new IllegalStateException("cannot load the issuer's keys from " + issuer + ": " + e.getMessage(), e);
    }
    return keys;
  }

  private String fetch(String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode());
    return r.body();
  }
}
