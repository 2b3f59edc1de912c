package dev.linkpulse.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class HttpResponsesTest {

  @Test
  void jsonResponsesAreNotCachedAndSerialiseTheBody() throws Exception {
    APIGatewayV2HTTPResponse response = HttpResponses.json(201, Map.of("code", "abc"));
    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json").containsEntry("Cache-Control", "no-store");
    assertThat(Json.tree(response.getBody()).get("code").asText()).isEqualTo("abc");
  }

  @Test
  void aStringBodyIsPassedThroughAsIs() {
    assertThat(HttpResponses.json(200, "{\"raw\":true}").getBody()).isEqualTo("{\"raw\":true}");
  }

  @Test
  void extraHeadersCanOverrideCachingButNotTheContentType() {
    APIGatewayV2HTTPResponse response = HttpResponses.json(200, Map.of(),
        Map.of("Cache-Control", "max-age=60", "Content-Type", "text/plain", "Location", "/links/abc"));
    assertThat(response.getHeaders()).containsEntry("Cache-Control", "max-age=60")
        .containsEntry("Content-Type", "application/json").containsEntry("Location", "/links/abc");
  }

  @Test
  void errorsHaveTheOneErrorShape() throws Exception {
    APIGatewayV2HTTPResponse response = HttpResponses.error(ApiException.badRequest("url_scheme", "bad \"scheme\""));
    assertThat(response.getStatusCode()).isEqualTo(400);
    JsonNode body = Json.tree(response.getBody());
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("error").get("code").asText()).isEqualTo("url_scheme");
    assertThat(body.get("error").get("message").asText()).isEqualTo("bad \"scheme\"");
  }

  @Test
  void noContentAndBareStatusesHaveNoBody() {
    APIGatewayV2HTTPResponse noContent = HttpResponses.noContent();
    assertThat(noContent.getStatusCode()).isEqualTo(204);
    assertThat(noContent.getBody()).isNull();
    assertThat(noContent.getHeaders()).containsEntry("Cache-Control", "no-store");
    APIGatewayV2HTTPResponse redirect = HttpResponses.status(301, Map.of("Location", "https://example.com"));
    assertThat(redirect.getStatusCode()).isEqualTo(301);
    assertThat(redirect.getHeaders()).containsExactly(Map.entry("Location", "https://example.com"));
  }

  @Test
  void apiExceptionFactoriesCarryStatusAndCode() {
    assertThat(ApiException.notFound()).satisfies(e -> {
      assertThat(e.status()).isEqualTo(404);
      assertThat(e.code()).isEqualTo("not_found");
    });
    assertThat(ApiException.unauthorized()).satisfies(e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.code()).isEqualTo("unauthorized");
    });
    assertThat(ApiException.badRequest("c", "m")).satisfies(e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("c");
      assertThat(e.getMessage()).isEqualTo("m");
    });
  }

  @Test
  void theHandlerBaseTurnsApiExceptionsIntoTheirErrorResponse() throws Exception {
    HttpApiHandler handler = new HttpApiHandler() {
      @Override
      protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        throw new ApiException(409, "alias_taken", "alias 'x' is already taken");
      }
    };
    APIGatewayV2HTTPResponse response = handler.handleRequest(new APIGatewayV2HTTPEvent(), null);
    assertThat(response.getStatusCode()).isEqualTo(409);
    assertThat(Json.tree(response.getBody()).at("/error/code").asText()).isEqualTo("alias_taken");
  }

  @Test
  void theHandlerBaseTurnsAnythingElseIntoA500ThatLeaksNothing() throws Exception {
    HttpApiHandler handler = new HttpApiHandler() {
      @Override
      protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        throw new IllegalStateException("secret table name linkpulse-prod");
      }
    };
    Logger log = Logger.getLogger(HttpApiHandler.class.getName());
    Level saved = log.getLevel();
    log.setLevel(Level.OFF); // the stack trace is expected; keep the test output quiet
    try {
      APIGatewayV2HTTPResponse response = handler.handleRequest(new APIGatewayV2HTTPEvent(), null);
      assertThat(response.getStatusCode()).isEqualTo(500);
      assertThat(response.getBody()).doesNotContain("secret").doesNotContain("IllegalState");
      assertThat(Json.tree(response.getBody()).at("/error/code").asText()).isEqualTo("internal_error");
    } finally {
      log.setLevel(saved);
    }
  }

  @Test
  void theHandlerBasePassesSuccessfulResponsesThrough() {
    APIGatewayV2HTTPResponse ok = HttpResponses.noContent();
    HttpApiHandler handler = new HttpApiHandler() {
      @Override
      protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return ok;
      }
    };
    assertThat(handler.handleRequest(new APIGatewayV2HTTPEvent(), null)).isSameAs(ok);
  }
}
