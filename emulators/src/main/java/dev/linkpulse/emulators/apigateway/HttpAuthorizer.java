package dev.linkpulse.emulators.apigateway;

import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's JWT authorizer, as a port: whoever wires the gateway decides what a valid token is (issuer,
 * audiences, keys). The gateway only asks, for a route that requires authorization.
 */
@FunctionalInterface
public interface HttpAuthorizer {
  /**
   * @param authorizationHeader the request's {@code Authorization} header, or null when it has none
   * @return the token's claims (they reach the function as {@code requestContext.authorizer.jwt.claims}), or empty
   *     when the request is not authorized (the gateway answers 401)
   */
  Optional<Map<String, String>> authorize(String authorizationHeader);
}
