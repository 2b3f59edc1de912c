package dev.linkpulse.ops.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The chaos run's clients: they create the links, send redirects and tally what the API answered. A click is "sent"
 * only when its redirect answered 302 (the click was published before the answer); a redirect that got no answer
 * at all is "unanswered", because it may or may not have been published, and makes the run's exactness unprovable.
 */
final class ChaosTraffic {
  /**
   * Far beyond any request's time, even a cold function's on a loaded machine (a first create took over 30 s with
   * three builds beside it): a redirect left unanswered is a lost proof.
   */
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private volatile HttpClient http = client();
  private final List<String> codes = new ArrayList<>();
  private final AtomicLongArray sent;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong unanswered = new AtomicLong();
  /** Why redirects went unanswered, by exception and message: what to look at when exactness is unprovable. */
  private final Map<String, AtomicLong> unansweredWhy = new ConcurrentHashMap<>();
  private final int concurrency;
  private volatile URI api;
  private volatile String token;

  ChaosTraffic(int links, int concurrency) {
    this.sent = new AtomicLongArray(links);
    this.concurrency = concurrency;
  }

  /** Points the clients at a (re)started stack. */
  void target(String apiUrl, String token) {
    this.api = URI.create(apiUrl);
    this.token = token;
  }

  List<String> codes() {
    return codes;
  }

  long sent(int link) {
    return sent.get(link);
  }

  long refused() {
    return refused.get();
  }

  long unanswered() {
    return unanswered.get();
  }

  Map<String, AtomicLong> unansweredWhy() {
    return unansweredWhy;
  }

  void createLinks() throws IOException, InterruptedException {
    for (int i = 0; i < sent.length(); i++) {
      HttpResponse<String> created = http.send(authorized("/links").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/chaos/" + i + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 201) throw new IOException("creating a link answered " + created.statusCode() + ": " + created.body());
      codes.add(Json.tree(created.body()).path("code").asText());
    }
  }

  /**
   * A client with no connections yet. Each stretch gets one: a connection pooled before a kill -9, or left idle past
   * the gateway's 30 s idle timeout, fails on its next request, and such a redirect would count as unanswered.
   */
  private static HttpClient client() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Sends {@code clicks} redirects spread over the links (round robin), on {@code concurrency} clients, and waits for all. */
  void send(long clicks) throws InterruptedException {
    http = client();
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> done = new ArrayList<>();
      AtomicLong next = new AtomicLong();
      for (int c = 0; c < concurrency; c++) {
        done.add(clients.submit(() -> {
          for (long n = next.getAndIncrement(); n < clicks; n = next.getAndIncrement()) redirect((int) (n % codes.size()));
        }));
      }
      for (Future<?> f : done) f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a chaos client failed", e.getCause());
    } finally {
      clients.shutdownNow();
    }
  }

  private void redirect(int link) {
    HttpRequest request = HttpRequest.newBuilder(api.resolve("/" + codes.get(link))).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 302) sent.incrementAndGet(link);
      else refused.incrementAndGet();
    } catch (IOException e) {
      unanswered.incrementAndGet();
      unansweredWhy.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), k -> new AtomicLong()).incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The link's counted total as its stats say, or -1 when the API did not answer. */
  long counted(int link) throws InterruptedException {
    try {
      HttpResponse<String> stats = http.send(authorized("/links/" + codes.get(link) + "/stats").GET().build(), HttpResponse.BodyHandlers.ofString());
      if (stats.statusCode() != 200) return -1;
      JsonNode body = Json.tree(stats.body());
      return body.path("total").asLong();
    } catch (IOException e) {
      return -1;
    }
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(api.resolve(path)).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token);
  }
}
