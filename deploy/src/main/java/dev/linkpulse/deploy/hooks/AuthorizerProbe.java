package dev.linkpulse.deploy.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * PreTraffic for the WebSocket authorizer: a bad token is refused ("Unauthorized", or a Deny policy), and a good one,
 * where the stack issues the canary a token, is allowed.
 */
final class AuthorizerProbe implements Check {
  static final String BAD_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.bm90LWEtc2lnbmF0dXJl";

  private final VersionInvoker invoker;
  private final String version;
  private final Supplier<Optional<String>> goodToken;

  AuthorizerProbe(VersionInvoker invoker, String version, Supplier<Optional<String>> goodToken) {
    this.invoker = invoker;
    this.version = version;
    this.goodToken = goodToken;
  }

  @Override
  public Verdict run() throws Exception {
    try {
      String answer = invoker.invoke(version, ProbeEvents.wsConnectAuthorizer(BAD_TOKEN));
      if (allows(Json.tree(answer))) return Verdict.fail(version + " allowed a token with a forged signature: " + answer);
    } catch (VersionInvoker.FunctionFailed refused) {
      if (!refused.getMessage().contains("Unauthorized")) return Verdict.fail(version + " crashed on a bad token: " + refused.getMessage());
    }
    Optional<String> token = goodToken.get();
    if (token.isEmpty()) return Verdict.pass(version + " refused a bad token (no canary token issued: good-token check skipped)");
    String answer;
    try {
      answer = invoker.invoke(version, ProbeEvents.wsConnectAuthorizer(token.get()));
    } catch (VersionInvoker.FunctionFailed refused) {
      return Verdict.fail(version + " refused a valid token: " + refused.getMessage());
    }
    if (!allows(Json.tree(answer))) return Verdict.fail(version + " did not allow a valid token: " + answer);
    return Verdict.pass(version + " refused a bad token and allowed a good one");
  }

  private static boolean allows(JsonNode answer) {
    for (JsonNode statement : answer.path("policyDocument").path("Statement")) {
      if ("Allow".equals(statement.path("Effect").asText())) return true;
    }
    return false;
  }
}
