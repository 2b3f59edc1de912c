package dev.linkpulse.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestsTest {

  private static APIGatewayV2HTTPEvent withClaims(Map<String, String> claims) {
    Authorizer authorizer = new Authorizer();
    authorizer.setJwt(new Authorizer.JWT(claims, null));
    RequestContext ctx = new RequestContext();
    ctx.setAuthorizer(authorizer);
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRequestContext(ctx);
    return event;
  }

  @Test
  void subjectIsTheVerifiedSubClaim() {
    assertThat(Requests.subject(withClaims(Map.of("sub", "user-123", "email", "a@b.c")))).isEqualTo("user-123");
  }

  @Test
  void subjectIsUnauthorizedWithoutAVerifiedSub() {
    Map<String, String> blank = new HashMap<>();
    blank.put("sub", "  ");
    Map<String, String> nullSub = new HashMap<>();
    nullSub.put("sub", null);
    APIGatewayV2HTTPEvent noJwt = new APIGatewayV2HTTPEvent();
    noJwt.setRequestContext(new RequestContext());
    RequestContext noJwtInside = new RequestContext();
    noJwtInside.setAuthorizer(new Authorizer());
    APIGatewayV2HTTPEvent emptyAuthorizer = new APIGatewayV2HTTPEvent();
    emptyAuthorizer.setRequestContext(noJwtInside);
    for (APIGatewayV2HTTPEvent event : new APIGatewayV2HTTPEvent[] {new APIGatewayV2HTTPEvent(), noJwt, emptyAuthorizer,
        withClaims(null), withClaims(Map.of()), withClaims(Map.of("email", "a@b.c")), withClaims(blank), withClaims(nullSub)}) {
      assertThatThrownBy(() -> Requests.subject(event))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("unauthorized");
          });
    }
  }

  @Test
  void bodyIsEmptyWhenAbsentAndDecodedWhenBase64() {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    assertThat(Requests.body(event)).isEmpty();
    event.setBody("{\"url\":\"https://example.com\"}");
    assertThat(Requests.body(event)).isEqualTo("{\"url\":\"https://example.com\"}");
    event.setBody(Base64.getEncoder().encodeToString("{\"alias\":\"ünï\"}".getBytes(StandardCharsets.UTF_8)));
    event.setIsBase64Encoded(true);
    assertThat(Requests.body(event)).isEqualTo("{\"alias\":\"ünï\"}");
  }

  @Test
  void headersAreLookedUpCaseInsensitively() {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    assertThat(Requests.header(event, "Idempotency-Key")).isEmpty();
    event.setHeaders(Map.of("idempotency-key", "k1", "X-Mixed-Case", "v"));
    assertThat(Requests.header(event, "Idempotency-Key")).contains("k1");
    assertThat(Requests.header(event, "x-mixed-case")).contains("v");
    assertThat(Requests.header(event, "missing")).isEmpty();
  }

  @Test
  void emptyQueryParametersCountAsAbsent() {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    assertThat(Requests.query(event, "limit")).isEmpty();
    event.setQueryStringParameters(Map.of("limit", "10", "cursor", ""));
    assertThat(Requests.query(event, "limit")).contains("10");
    assertThat(Requests.query(event, "cursor")).isEmpty();
    assertThat(Requests.query(event, "other")).isEmpty();
  }

  @Test
  void aMissingOrEmptyPathParameterIsNotFound() {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    assertThatThrownBy(() -> Requests.pathParameter(event, "code"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    event.setPathParameters(Map.of("code", ""));
    assertThatThrownBy(() -> Requests.pathParameter(event, "code")).isInstanceOf(ApiException.class);
    event.setPathParameters(Map.of("code", "abc"));
    assertThat(Requests.pathParameter(event, "code")).isEqualTo("abc");
  }

  @Test
  void methodIsUpperCasedAndDefaultsToGet() {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    assertThat(Requests.method(event)).isEqualTo("GET");
    RequestContext ctx = new RequestContext();
    event.setRequestContext(ctx);
    assertThat(Requests.method(event)).isEqualTo("GET");
    RequestContext.Http http = new RequestContext.Http();
    ctx.setHttp(http);
    assertThat(Requests.method(event)).isEqualTo("GET");
    http.setMethod("post");
    assertThat(Requests.method(event)).isEqualTo("POST");
  }
}
