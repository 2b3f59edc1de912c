package dev.linkpulse.pipeline.live;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.linkpulse.core.Env;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket API's REQUEST authorizer for $connect. A browser cannot set headers on a WebSocket, so the token
 * comes as {@code ?token=}; it is checked exactly like the HTTP API's JWT authorizer checks a bearer token. An
 * invalid token is refused with "Unauthorized" (API Gateway answers 401); a valid one allows the connection and
 * hands {@code sub} and {@code exp} to every later route in the connection's authorizer context.
 */
public final class TokenAuthorizerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final TokenVerifier verifier;

  public TokenAuthorizerHandler() {
    Clock clock = Clock.systemUTC();
    String issuer = Env.require("JWT_ISSUER");
    this.verifier = new TokenVerifier(issuer, List.of(Env.require("JWT_AUDIENCE").split(",")), new IssuerKeys(issuer, clock), clock);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Object query = event.get("queryStringParameters");
    String token = query instanceof Map<?, ?> q && q.get("token") != null ? String.valueOf(q.get("token")) : null;
    Map<String, String> claims = verifier.verify(token).orElseThrow(() -> new RuntimeException("Unauthorized"));
    String sub = claims.get("sub");
    if (sub == null || sub.isBlank()) throw new RuntimeException("Unauthorized");
    return Map.of("principalId", sub,
        "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
            "Action", "execute-api:Invoke", "Effect", "Allow", "Resource", String.valueOf(event.get("methodArn"))))),
        // exp lets every later route, and the fan-out at every push, refuse a connection whose token has expired.
        "context", Map.of("sub", sub, "exp", claims.getOrDefault("exp", "0")));
  }
}
