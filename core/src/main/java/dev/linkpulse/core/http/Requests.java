package dev.linkpulse.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.linkpulse.core.links.LinkCodes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the parts of an HTTP API (payload 2.0) event that handlers need. */
public final class Requests {
  /** A subject longer than this could not be part of a key ({@code OWNER#{sub}} must fit a 2 KB partition key). */
  public static final int MAX_SUBJECT = 255;

  private Requests() {}

  /**
   * The caller's identity: the {@code sub} claim the JWT authorizer verified. A valid token whose subject no key can
   * hold (longer than {@value #MAX_SUBJECT}, control characters, unpaired surrogates) is refused with 400
   * {@code subject_invalid} before it reaches a store.
   */
  public static String subject(APIGatewayV2HTTPEvent event) {
    var ctx = event.getRequestContext();
    if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null) throw ApiException.unauthorized();
    Map<String, String> claims = ctx.getAuthorizer().getJwt().getClaims();
    String sub = claims == null ? null : claims.get("sub");
    if (sub == null || sub.isBlank()) throw ApiException.unauthorized();
    if (!usableSubject(sub)) {
      throw ApiException.badRequest("subject_invalid", "the token's sub claim must be 1 to " + MAX_SUBJECT
          + " characters of text without control characters");
    }
    return sub;
  }

  static boolean usableSubject(String sub) {
    if (sub.length() > MAX_SUBJECT) return false;
    for (int i = 0; i < sub.length(); i++) {
      char c = sub.charAt(i);
      if (Character.isISOControl(c)) return false;
      if (Character.isHighSurrogate(c) && (i + 1 >= sub.length() || !Character.isLowSurrogate(sub.charAt(++i)))) return false;
      if (Character.isLowSurrogate(c)) return false;
    }
    return true;
  }

  /** The {@code {code}} path parameter; a code no link can have ({@link LinkCodes}) is a 404 before any store is asked. */
  public static String code(APIGatewayV2HTTPEvent event) {
    String code = pathParameter(event, "code");
    if (!LinkCodes.possible(code)) throw ApiException.notFound();
    return code;
  }

  public static String body(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body == null) return "";
    return event.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
  }

  /** API Gateway lower-cases header names in payload 2.0; look up case-insensitively anyway. */
  public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
    Map<String, String> headers = event.getHeaders();
    if (headers == null) return Optional.empty();
    String wanted = name.toLowerCase(Locale.ROOT);
    return headers.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
        .map(Map.Entry::getValue).findFirst();
  }

  public static Optional<String> query(APIGatewayV2HTTPEvent event, String name) {
    Map<String, String> q = event.getQueryStringParameters();
    return q == null ? Optional.empty() : Optional.ofNullable(q.get(name)).filter(v -> !v.isEmpty());
  }

  public static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
    Map<String, String> p = event.getPathParameters();
    String value = p == null ? null : p.get(name);
    if (value == null || value.isEmpty()) throw ApiException.notFound();
    return value;
  }

  public static String method(APIGatewayV2HTTPEvent event) {
    var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
    return http == null || http.getMethod() == null ? "GET" : http.getMethod().toUpperCase(Locale.ROOT);
  }
}
