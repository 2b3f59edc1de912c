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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chaos run's clients: they create the links, send redirects and write what each got into the {@link ClickLedger}.
 * Every redirect carries its click id in its {@code Referer} and goes on a {@link RedirectSocket}, which never sends
 * it twice on its own. A redirect whose connection was refused never reached the stack (it is down, being
 * restarted), so it is sent again, with the same id, until the stack answers.
 */
final class ChaosTraffic {
  /**
   * Far beyond any request's time, even a cold function's on a loaded machine (a first create took over 30 s with
   * three builds beside it); also how long a click waits for a restarted stack to accept connections again.
   */
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration RECONNECT_PAUSE = Duration.ofMillis(200);

  private final List<String> codes = new ArrayList<>();
  private final ClickLedger ledger;
  private final int concurrency;
  /** The next click id to send. */
  private final AtomicInteger next = new AtomicInteger();
  private volatile HttpClient http = client();
  private volatile URI api;
  private volatile String token;

  ChaosTraffic(ClickLedger ledger, int concurrency) {
    this.ledger = ledger;
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

  ClickLedger ledger() {
    return ledger;
  }

  /** Click ids handed to a client so far. */
  int issued() {
    return Math.min(next.get(), ledger.size());
  }

  /**
   * Creates the links, each under an Idempotency-Key, so that a create whose answer was lost (a loaded machine's
   * connection that closed under a cold function) is sent again and gives back the same link, never a second one.
   */
  void createLinks() throws IOException, InterruptedException {
    for (int i = 0; i < ledger.links(); i++) {
      HttpRequest create = authorized("/links").header("Content-Type", "application/json").header("Idempotency-Key", "chaos-link-" + i)
          .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/chaos/" + i + "\"}")).build();
      HttpResponse<String> created = retried(create);
      for (long giveUp = System.nanoTime() + REQUEST_TIMEOUT.toNanos(); created.statusCode() == 409 && System.nanoTime() < giveUp; ) {
        Thread.sleep(1000); // the first try is still being created
        created = retried(create);
      }
      if (created.statusCode() != 201) throw new IOException("creating a link answered " + created.statusCode() + ": " + created.body());
      codes.add(Json.tree(created.body()).path("code").asText());
    }
  }

  /** Sends a request that may be repeated (a GET, or a create under an Idempotency-Key): up to three times. */
  private HttpResponse<String> retried(HttpRequest request) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (attempt == 3) throw e;
        http = client();
      }
    }
  }

  /**
   * Waits until the moderation saga has activated every link. A link still pending redirects, but a kill -9 in the
   * middle of its saga ends it rejected after the restart (the local Step Functions keeps no executions across a
   * restart), and its clicks would then be refused: not what a chaos run of the click pipeline is about.
   */
  void awaitActive(Duration atMost) throws IOException, InterruptedException {
    long giveUp = System.nanoTime() + atMost.toNanos();
    for (String code : codes) {
      while (true) {
        HttpResponse<String> link = retried(authorized("/links/" + code).GET().build());
        String status = link.statusCode() == 200 ? Json.tree(link.body()).path("status").asText() : "answered " + link.statusCode();
        if (status.equals("active")) break;
        if (!status.equals("pending") && !status.startsWith("answered 5") || System.nanoTime() > giveUp) {
          throw new IOException("link " + code + " is " + status + ", not active: its moderation did not activate it");
        }
        Thread.sleep(500);
      }
    }
  }

  /**
   * A client with no connections yet, for the API calls that are not clicks (links, stats, exports). Each stretch gets
   * one, as each redirect client gets a connection of its own: a connection kept from before a kill -9, or left idle
   * past the gateway's 30 s idle timeout, fails on its next request.
   */
  private static HttpClient client() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Sends the next {@code clicks} redirects (link by click id), on {@code concurrency} clients, and waits for all. */
  void send(long clicks) throws InterruptedException {
    try {
      start(clicks).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a chaos client failed", e.getCause());
    }
  }

  /** Starts sending the next {@code clicks} redirects; the future completes when every one has its outcome. */
  CompletableFuture<Void> start(long clicks) {
    http = client();
    int end = (int) Math.min(ledger.size(), (long) next.get() + clicks);
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      done.add(CompletableFuture.runAsync(() -> {
        try (RedirectSocket connection = new RedirectSocket(api, REQUEST_TIMEOUT)) {
          for (int id = claim(end); id >= 0 && !Thread.currentThread().isInterrupted(); id = claim(end)) redirect(connection, id);
        }
      }, clients));
    }
    return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> clients.shutdownNow());
  }

  /** The next click id below {@code end}, or -1. */
  private int claim(int end) {
    int id = next.getAndUpdate(n -> n < end ? n + 1 : n);
    return id < end ? id : -1;
  }

  private void redirect(RedirectSocket connection, int id) {
    String path = "/" + codes.get(ledger.link(id));
    long first = System.nanoTime();
    long giveUp = first + REQUEST_TIMEOUT.toNanos();
    while (true) {
      long sent = System.nanoTime();
      try {
        int status = connection.get(path, ClickLedger.referrer(id));
        if (status == 302) ledger.answered(id);
        else ledger.refused(id, status, sent);
        return;
      } catch (RedirectSocket.NotSent down) {
        // The request never left: the stack is down (being restarted). Once it is back, the same click goes again.
        if (System.nanoTime() > giveUp) {
          ledger.inFlight(id, down, first);
          return;
        }
        pause();
      } catch (IOException e) {
        ledger.inFlight(id, e, sent);
        return;
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(RECONNECT_PAUSE.toMillis());
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

  /** One page of the link's raw click export ({@code path} from a previous page's next link, or null for the first). */
  HttpResponse<String> export(int link, String path) throws IOException, InterruptedException {
    String first = "/links/" + codes.get(link) + "/clicks.csv";
    return http.send(authorized(path == null ? first : path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(api.resolve(path)).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token);
  }
}
