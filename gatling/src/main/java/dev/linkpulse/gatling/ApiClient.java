package dev.linkpulse.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The links and stats API, as the simulations' set-up and accounting use it (outside Gatling's measured traffic,
 * so neither shows in the report's numbers).
 */
final class ApiClient {
  /** A link's counters as {@code GET /links/{code}/stats} reports them. */
  record Counts(long total, long human, long bot) {
    static final Counts NONE = new Counts(0, 0, 0);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final TokenSource token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  ApiClient(URI base, TokenSource token) {
    this.base = base;
    this.token = token;
  }

  /** Creates a link to {@code url} and returns its code. */
  String createLink(String url) {
    String body = JSON.createObjectNode().put("url", url).toString();
    JsonNode created = send(HttpRequest.newBuilder(base.resolve("/links")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
    return created.path("code").asText();
  }

  /** Follows nothing: sends {@code GET /{code}} as {@code userAgent} and tells whether a redirect came back. */
  boolean redirect(String code, String userAgent) {
    HttpRequest r = HttpRequest.newBuilder(base.resolve("/" + code)).header("User-Agent", userAgent).timeout(Duration.ofSeconds(30)).GET().build();
    try {
      return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 3;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  Counts stats(String code) {
    JsonNode stats = send(HttpRequest.newBuilder(base.resolve("/links/" + code + "/stats")).GET(), 200);
    return new Counts(stats.path("total").asLong(), stats.path("human").asLong(), stats.path("bot").asLong());
  }

  private JsonNode send(HttpRequest.Builder request, int expected) {
    HttpRequest r = request.header("Authorization", "Bearer " + token.get()).timeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> response;
    try {
      response = http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IllegalStateException("no Linkpulse API answers at " + base + ": start the local stack with ./linkpulse up,"
          + " or point the run elsewhere with -DbaseUrl=...", e);
    } catch (IOException e) {
      throw new IllegalStateException(r.method() + " " + r.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + r.method() + " " + r.uri(), e);
    }
    if (response.statusCode() != expected) {
      String hint = response.statusCode() == 401 ? " (the token was refused: pass -Dtoken or -DtokenCommand for this API)" : "";
      throw new IllegalStateException(r.method() + " " + r.uri() + " answered " + response.statusCode() + hint + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(r.method() + " " + r.uri() + " answered something that is not JSON: " + response.body(), e);
    }
  }
}
