package dev.linkpulse.local.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Validates bearer tokens the way an HTTP API JWT authorizer does: RS256 signature by a key from the issuer's JWKS
 * (matched by {@code kid}), {@code iss} equal to the configured issuer, {@code aud} (or {@code client_id}) among the
 * configured audiences, {@code exp} present and in the future, {@code nbf}/{@code iat} not in the future. The claims
 * reach the handler flattened to strings, as API Gateway passes them.
 */
public final class JwtAuthorizer {
  /** API Gateway tolerates a little clock skew; so do we. */
  static final Duration SKEW = Duration.ofSeconds(30);

  private final String issuer;
  private final List<String> audiences;
  private final Supplier<JWKSet> jwks;
  private final Clock clock;

  public JwtAuthorizer(String issuer, List<String> audiences, Supplier<JWKSet> jwks, Clock clock) {
    this.issuer = issuer;
    this.audiences = List.copyOf(audiences);
    this.jwks = jwks;
    this.clock = clock;
  }

  /** The token's claims when it is valid; empty for a missing, malformed, forged, expired or misaddressed token. */
  public Optional<Map<String, String>> authorize(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) return Optional.empty();
    String token = authorizationHeader.trim();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) token = token.substring(7).trim();
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) return Optional.empty();
      JWK jwk = jwks.get().getKeyByKeyId(jwt.getHeader().getKeyID());
      if (!(jwk instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) return Optional.empty();
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Instant now = clock.instant();
      if (!issuer.equals(claims.getIssuer())) return Optional.empty();
      boolean audienceOk = claims.getAudience().stream().anyMatch(audiences::contains)
          || audiences.contains(String.valueOf(claims.getClaim("client_id")));
      if (!audienceOk) return Optional.empty();
      if (claims.getExpirationTime() == null || !now.minus(SKEW).isBefore(claims.getExpirationTime().toInstant())) return Optional.empty();
      if (inFuture(claims.getNotBeforeTime(), now) || inFuture(claims.getIssueTime(), now)) return Optional.empty();
      return Optional.of(flatten(claims));
    } catch (Exception malformed) {
      return Optional.empty();
    }
  }

  private static boolean inFuture(Date date, Instant now) {
    return date != null && date.toInstant().isAfter(now.plus(SKEW));
  }

  /** API Gateway hands claims over as strings: numbers as digits, dates as epoch seconds, lists as {@code [a b]}. */
  private static Map<String, String> flatten(JWTClaimsSet claims) {
    Map<String, String> out = new LinkedHashMap<>();
    claims.getClaims().forEach((name, value) -> {
      if (value instanceof Date d) out.put(name, Long.toString(d.toInstant().getEpochSecond()));
      else if (value instanceof List<?> l) out.put(name, l.size() == 1 ? String.valueOf(l.get(0)) : "[" + String.join(" ", l.stream().map(String::valueOf).toList()) + "]");
      else out.put(name, String.valueOf(value));
    });
    return out;
  }
}
