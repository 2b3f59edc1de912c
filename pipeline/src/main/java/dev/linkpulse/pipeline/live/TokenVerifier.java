package dev.linkpulse.pipeline.live;

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
 * Validates a JWT the way API Gateway's JWT authorizer does: RS256 signature by a key of the issuer's JWKS (by
 * {@code kid}), {@code iss} equal to the issuer, {@code aud} (or {@code client_id}) among the audiences, {@code exp}
 * present and in the future, {@code nbf}/{@code iat} not in the future (30 s of skew). Claims come back flattened to
 * strings as API Gateway passes them. The HTTP API's authorizer (emulated locally) and the WebSocket token
 * authorizer both use this, so the two cannot disagree about a token.
 */
public final class TokenVerifier {
  static final Duration SKEW = Duration.ofSeconds(30);

  private final String issuer;
  private final List<String> audiences;
  private final Supplier<JWKSet> jwks;
  private final Clock clock;

  public TokenVerifier(String issuer, List<String> audiences, Supplier<JWKSet> jwks, Clock clock) {
    this.issuer = issuer;
    this.audiences = List.copyOf(audiences);
    this.jwks = jwks;
    this.clock = clock;
  }

  /** The claims of a valid token; empty for a missing, malformed, forged, expired or misaddressed one. */
  public Optional<Map<String, String>> verify(String token) {
    if (token == null || token.isBlank()) return Optional.empty();
    String t = token.trim();
    if (t.regionMatches(true, 0, "Bearer ", 0, 7)) t = t.substring(7).trim();
    try {
      SignedJWT jwt = SignedJWT.parse(t);
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
