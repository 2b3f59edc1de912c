package dev.linkpulse.emulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Lambda REQUEST authorizer's answer the way API Gateway reads it: an IAM policy
 * {@code {"principalId":"...","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke",
 * "Effect":"Allow","Resource":"arn:..."}]},"context":{"sub":"alice"}}}.
 *
 * <p>The policy is evaluated as IAM evaluates it for {@code execute-api:Invoke} on the route's method ARN: an explicit
 * Deny that matches wins, otherwise a matching Allow allows, otherwise the request is (implicitly) denied. Action and
 * Resource may be a string or a list and may use {@code *} and {@code ?} wildcards. Keys are read as IAM writes them
 * ({@code Statement}, {@code Effect}, ...) and also in lower case (some hand-written authorizers use those).
 *
 * <p>A response without a {@code principalId}, without a policy document, with a statement lacking Effect, Action or
 * Resource, or with a {@code context} value that is an object or an array is malformed (API Gateway answers 500,
 * AuthorizerConfigurationException). Context values that are strings, numbers or booleans are kept with their JSON
 * type; null values are dropped.
 */
final class AuthorizerPolicy {
  static final String INVOKE = "execute-api:Invoke";

  /** The outcome: allowed (with the principal and context), denied, or malformed (with the reason). */
  sealed interface Decision permits Allowed, Denied, Malformed {}

  record Allowed(String principalId, Map<String, Object> context) implements Decision {
    /** What later events carry as {@code requestContext.authorizer}: the context entries plus {@code principalId}. */
    Map<String, Object> authorizerMap() {
      Map<String, Object> map = new LinkedHashMap<>(context);
      map.put("principalId", principalId);
      return map;
    }
  }

  record Denied(String principalId) implements Decision {}

  record Malformed(String reason) implements Decision {}

  private AuthorizerPolicy() {}

  static Decision evaluate(JsonNode response, String methodArn) {
    if (response == null || !response.isObject()) return new Malformed("the authorizer response is not a JSON object");
    JsonNode principal = response.get("principalId");
    if (principal == null || principal.isNull() || !principal.isValueNode() || principal.asText().isEmpty()) {
      return new Malformed("the authorizer response has no principalId");
    }
    String principalId = principal.asText();
    JsonNode document = field(response, "policyDocument");
    if (document == null || !document.isObject()) return new Malformed("the authorizer response has no policyDocument");
    JsonNode statements = field(document, "Statement");
    if (statements == null || statements.isNull()) return new Malformed("the policy document has no Statement");
    List<JsonNode> list = new ArrayList<>();
    if (statements.isArray()) statements.forEach(list::add);
    else if (statements.isObject()) list.add(statements);
    else return new Malformed("the policy document's Statement is neither a list nor an object");

    boolean allowed = false;
    for (JsonNode statement : list) {
      if (!statement.isObject()) return new Malformed("a policy statement is not an object");
      JsonNode effectNode = field(statement, "Effect");
      String effect = effectNode == null || !effectNode.isTextual() ? null : effectNode.asText();
      if (effect == null || !(effect.equalsIgnoreCase("Allow") || effect.equalsIgnoreCase("Deny"))) {
        return new Malformed("a policy statement's Effect is neither Allow nor Deny");
      }
      List<String> actions = strings(field(statement, "Action"));
      List<String> resources = strings(field(statement, "Resource"));
      if (actions == null || actions.isEmpty()) return new Malformed("a policy statement has no Action");
      if (resources == null || resources.isEmpty()) return new Malformed("a policy statement has no Resource");
      boolean actionMatches = actions.stream().anyMatch(a -> glob(a.toLowerCase(Locale.ROOT), INVOKE.toLowerCase(Locale.ROOT)));
      boolean resourceMatches = resources.stream().anyMatch(r -> glob(r, methodArn));
      if (!actionMatches || !resourceMatches) continue;
      if (effect.equalsIgnoreCase("Deny")) return new Denied(principalId);
      allowed = true;
    }
    if (!allowed) return new Denied(principalId);

    Map<String, Object> context = new LinkedHashMap<>();
    JsonNode ctx = response.get("context");
    if (ctx != null && !ctx.isNull()) {
      if (!ctx.isObject()) return new Malformed("the authorizer context is not an object");
      for (Iterator<Map.Entry<String, JsonNode>> it = ctx.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (v == null || v.isNull()) continue;
        if (v.isContainerNode()) {
          return new Malformed("authorizer context value " + e.getKey() + " is an object or array; only strings, numbers and booleans are allowed");
        }
        if (v.isTextual()) context.put(e.getKey(), v.asText());
        else if (v.isBoolean()) context.put(e.getKey(), v.asBoolean());
        else if (v.isIntegralNumber() && v.canConvertToLong()) context.put(e.getKey(), v.asLong());
        else if (v.isNumber()) context.put(e.getKey(), v.decimalValue());
        else context.put(e.getKey(), v.asText());
      }
    }
    return new Allowed(principalId, context);
  }

  /** The field as IAM spells it, or in lower-camel case. */
  private static JsonNode field(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v != null) return v;
    return node.get(Character.toLowerCase(name.charAt(0)) + name.substring(1));
  }

  /** A string or a list of strings; null when it is anything else. */
  private static List<String> strings(JsonNode node) {
    if (node == null || node.isNull()) return null;
    if (node.isTextual()) return List.of(node.asText());
    if (!node.isArray()) return null;
    List<String> out = new ArrayList<>();
    for (JsonNode n : node) {
      if (!n.isTextual()) return null;
      out.add(n.asText());
    }
    return out;
  }

  /** IAM's wildcard match: {@code *} is any run of characters, {@code ?} any one character. */
  static boolean glob(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }
}
