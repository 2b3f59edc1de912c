package dev.linkpulse.local.auth;

import com.nimbusds.jose.jwk.JWKSet;
import dev.linkpulse.emulators.apigateway.HttpAuthorizer;
import dev.linkpulse.pipeline.live.TokenVerifier;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP API's JWT authorizer ({@link HttpAuthorizer}), as the local gateway applies it to a route: the {@code Authorization} header
 * checked by the same {@link TokenVerifier} the WebSocket authorizer uses in AWS.
 */
public final class JwtAuthorizer implements HttpAuthorizer {
  private final TokenVerifier verifier;

  public JwtAuthorizer(String issuer, List<String> audiences, Supplier<JWKSet> jwks, Clock clock) {
    this.verifier = new TokenVerifier(issuer, audiences, jwks, clock);
  }

  @Override
  public Optional<Map<String, String>> authorize(String authorizationHeader) {
    return verifier.verify(authorizationHeader);
  }
}
