package dev.linkpulse.moderation.reputation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A {@link ReputationClient} for an API shaped like Google Safe Browsing v4: {@code POST {endpoint}/v4/threatMatches:find?key={key}}.
 * The endpoint and key are template parameters, so locally the stack's fake provider answers. Any transport error,
 * timeout or non-200 status is {@link ReputationUnavailable}: the saga's retries decide what happens next.
 */
public final class SafeBrowsingClient implements ReputationClient {
  static final String CLIENT_ID = "linkpulse";
  static final String CLIENT_VERSION = "1.0";

  private final HttpClient http;
  private final URI findUri;
  private final Duration timeout;

  public SafeBrowsingClient(String endpoint, String apiKey, Duration timeout) {
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.findUri = URI.create(base + "/v4/threatMatches:find?key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public Reputation check(String url) {
    HttpRequest request = HttpRequest.newBuilder(findUri).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ThreatMatches.request(CLIENT_ID, CLIENT_VERSION, url))).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ReputationUnavailable("the provider did not answer: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReputationUnavailable("interrupted while asking the provider", e);
    }
    if (response.statusCode() != 200) throw new ReputationUnavailable("the provider answered " + response.statusCode(), null);
    return ThreatMatches.response(url, response.body());
  }
}
