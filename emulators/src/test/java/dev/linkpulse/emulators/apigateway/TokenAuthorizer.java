package dev.linkpulse.emulators.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A Lambda REQUEST authorizer on the raw event map. {@code ?token=allow-<user>} is allowed with a context
 * (sub, plan, quota, admin); {@code deny} is denied; {@code boom} throws; {@code unauthorized} throws "Unauthorized";
 * {@code malformed} answers without a policy; {@code nested} allows with an object in the context (invalid).
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // raw Map: LocalFunction needs the handler's type arguments to be classes
public final class TokenAuthorizer implements RequestHandler<Map, Map> {
  static final ConcurrentLinkedQueue<Map<String, Object>> EVENTS = new ConcurrentLinkedQueue<>();

  @Override
  public Map handleRequest(Map event, Context context) {
    EVENTS.add(event);
    Map<String, Object> query = (Map<String, Object>) event.getOrDefault("queryStringParameters", Map.of());
    String token = query == null ? "" : String.valueOf(query.getOrDefault("token", ""));
    String methodArn = String.valueOf(event.get("methodArn"));
    switch (token) {
      case "boom" -> throw new IllegalStateException("boom");
      case "unauthorized" -> throw new RuntimeException("Unauthorized");
      case "malformed" -> {
        return Map.of("principalId", "someone");
      }
      case "nested" -> {
        return policy("nested", "Allow", methodArn, Map.of("claims", Map.of("sub", "x")));
      }
      default -> { }
    }
    if (token.startsWith("allow-")) {
      String user = token.substring("allow-".length());
      Map<String, Object> ctx = new LinkedHashMap<>();
      ctx.put("sub", user);
      ctx.put("plan", "pro");
      ctx.put("quota", 42);
      ctx.put("admin", false);
      // a wildcard resource, as authorizers that cache a policy for every route write it
      return policy(user, "Allow", "arn:aws:execute-api:us-east-1:000000000000:local/*", ctx);
    }
    return policy("nobody", "Deny", methodArn, Map.of());
  }

  static Map<String, Object> policy(String principal, String effect, String resource, Map<String, Object> context) {
    Map<String, Object> statement = Map.of("Action", "execute-api:Invoke", "Effect", effect, "Resource", resource);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("principalId", principal);
    response.put("policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
    response.put("context", context);
    return response;
  }
}
