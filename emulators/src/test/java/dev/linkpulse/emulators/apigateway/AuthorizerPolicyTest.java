package dev.linkpulse.emulators.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.apigateway.AuthorizerPolicy.Allowed;
import dev.linkpulse.emulators.apigateway.AuthorizerPolicy.Denied;
import dev.linkpulse.emulators.apigateway.AuthorizerPolicy.Malformed;
import dev.linkpulse.emulators.protocol.Json;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizerPolicyTest {
  static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:local/$default/$connect";

  static AuthorizerPolicy.Decision evaluate(String json) throws Exception {
    return AuthorizerPolicy.evaluate(Json.tree(json), ARN);
  }

  static String policy(String statements, String context) {
    return "{\"principalId\":\"alice\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":" + statements + "}"
        + (context == null ? "" : ",\"context\":" + context) + "}";
  }

  static String statement(String effect, String action, String resource) {
    return "{\"Action\":" + action + ",\"Effect\":\"" + effect + "\",\"Resource\":" + resource + "}";
  }

  @Test
  void anAllowOnTheMethodArnAllowsAndKeepsTheContextTypes() throws Exception {
    var decision = evaluate(policy("[" + statement("Allow", "\"execute-api:Invoke\"", "\"" + ARN + "\"") + "]",
        "{\"sub\":\"alice\",\"n\":3,\"ratio\":0.5,\"admin\":true,\"gone\":null}"));
    assertThat(decision).isInstanceOf(Allowed.class);
    Allowed allowed = (Allowed) decision;
    assertThat(allowed.principalId()).isEqualTo("alice");
    assertThat(allowed.authorizerMap()).isEqualTo(Map.of("sub", "alice", "n", 3L, "ratio", new BigDecimal("0.5"), "admin", true, "principalId", "alice"));
  }

  @Test
  void wildcardsListsASingleStatementObjectAndLowerCaseKeysAreUnderstood() throws Exception {
    assertThat(evaluate(policy("[" + statement("Allow", "\"execute-api:*\"", "\"arn:aws:execute-api:*:*:local/*\"") + "]", null))).isInstanceOf(Allowed.class);
    assertThat(evaluate(policy(statement("Allow", "[\"execute-api:Invoke\"]", "[\"arn:other\",\"" + ARN + "\"]"), null))).isInstanceOf(Allowed.class);
    assertThat(evaluate(policy("[" + statement("Allow", "\"*\"", "\"*\"") + "]", "{}"))).isInstanceOf(Allowed.class);
    assertThat(evaluate("{\"principalId\":7,\"policyDocument\":{\"statement\":[{\"action\":\"execute-api:invoke\",\"effect\":\"allow\",\"resource\":\"" + ARN + "\"}]}}"))
        .isEqualTo(new Allowed("7", Map.of()));
  }

  @Test
  void anExplicitDenyWinsAndNoMatchingAllowIsAnImplicitDeny() throws Exception {
    assertThat(evaluate(policy("[" + statement("Allow", "\"*\"", "\"*\"") + "," + statement("Deny", "\"execute-api:Invoke\"", "\"" + ARN + "\"") + "]", null)))
        .isEqualTo(new Denied("alice"));
    assertThat(evaluate(policy("[" + statement("Allow", "\"execute-api:Invoke\"", "\"arn:aws:execute-api:us-east-1:000000000000:other/*\"") + "]", null)))
        .isInstanceOf(Denied.class);
    assertThat(evaluate(policy("[" + statement("Allow", "\"execute-api:ManageConnections\"", "\"" + ARN + "\"") + "]", null)))
        .isInstanceOf(Denied.class);
    assertThat(evaluate(policy("[]", null))).isInstanceOf(Denied.class);
  }

  @Test
  void malformedResponsesAreRecognised() throws Exception {
    assertThat(evaluate("\"Allow\"")).isInstanceOf(Malformed.class);
    assertThat(evaluate("{\"policyDocument\":{\"Statement\":[]}}")).isInstanceOf(Malformed.class);          // no principalId
    assertThat(evaluate("{\"principalId\":\"a\"}")).isInstanceOf(Malformed.class);                           // no policy
    assertThat(evaluate("{\"principalId\":\"a\",\"policyDocument\":{}}")).isInstanceOf(Malformed.class);     // no Statement
    assertThat(evaluate(policy("[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]", null))).isInstanceOf(Malformed.class);
    assertThat(evaluate(policy("[" + statement("Maybe", "\"*\"", "\"*\"") + "]", null))).isInstanceOf(Malformed.class);
    assertThat(evaluate(policy("[" + statement("Allow", "\"*\"", "\"*\"") + "]", "{\"claims\":{\"sub\":\"x\"}}"))).isInstanceOf(Malformed.class);
    assertThat(evaluate(policy("[" + statement("Allow", "\"*\"", "\"*\"") + "]", "{\"roles\":[\"a\"]}"))).isInstanceOf(Malformed.class);
    assertThat(AuthorizerPolicy.evaluate(null, ARN)).isInstanceOf(Malformed.class);
  }

  @Test
  void globMatchesLikeIam() {
    assertThat(AuthorizerPolicy.glob("arn:*:local/$default/$connect", ARN)).isTrue();
    assertThat(AuthorizerPolicy.glob("arn:aws:execute-api:us-east-1:000000000000:local/?default/*", ARN)).isTrue();
    assertThat(AuthorizerPolicy.glob("arn:aws:execute-api:us-east-1:000000000000:local/$default", ARN)).isFalse();
    assertThat(AuthorizerPolicy.glob("arn:(.*)", ARN)).isFalse(); // regex characters are literal
  }
}
