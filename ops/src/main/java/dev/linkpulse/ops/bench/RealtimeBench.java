package dev.linkpulse.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.local.LocalStack;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Click-to-screen latency: redirects at a fixed rate to links that WebSocket subscribers watch, timed from the
 * redirect's response to the push that first covers that click. A push carries how many clicks it adds (its
 * delta), so a subscriber that has seen n clicks of a link in total has seen the link's first n redirects; clicks
 * are not strictly aggregated in response order, so a single click's latency is approximate, the distribution is not.
 */
final class RealtimeBench {
  record Result(int rate, RedirectLoad.Phase redirects, int links, int subscribers, long pushes, double p50, double p90, double p99,
      double max, long uncovered, Map<String, String> parameters) {
    int clicks() {
      return redirects.clicks();
    }

    /** The offered rate is only a claim about the stack when the redirects were answered at (nearly) that rate. */
    boolean keptUp() {
      return redirects.answeredPerSecond() >= 0.95 * rate && redirects.failed() == 0;
    }
  }

  private final PrintStream out;
  private final CpuAccount cpu = new CpuAccount();

  RealtimeBench(PrintStream out) {
    this.out = out;
  }

  Result run(int rate, int seconds, int warmupSeconds, int links, int subscribers, boolean trace, Map<String, String> parameters) throws Exception {
    try (LocalStack stack = LocalStack.ephemeral(parameters)) {
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newFixedThreadPool(16, daemon("bench-http"))).build();
      String token = stack.issuer().mint("bench", Duration.ofHours(1));
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < links; i++) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/links")).header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/" + i + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        codes.add(Json.tree(r.body()).get("code").asText());
      }
      int total = rate * seconds;
      int warmupClicks = rate * warmupSeconds;
      int perLink = (warmupClicks + total) / links + 1;
      AtomicLongArray[] answeredAt = new AtomicLongArray[links];
      AtomicInteger[] answered = new AtomicInteger[links];
      for (int i = 0; i < links; i++) {
        answeredAt[i] = new AtomicLongArray(perLink + 1);
        answered[i] = new AtomicInteger();
      }
      ConcurrentHistogram latency = new ConcurrentHistogram(3);
      AtomicInteger pushes = new AtomicInteger();
      List<WebSocket> sockets = new ArrayList<>();
      for (int s = 0; s < subscribers; s++) {
        int link = s % links;
        sockets.add(subscribe(http, stack.webSocketUrl(), token, codes.get(link), answeredAt[link], latency, pushes));
      }
      ScheduledExecutorService tracer = Executors.newSingleThreadScheduledExecutor(daemon("bench-trace"));
      AtomicInteger sent = new AtomicInteger();
      if (trace) {
        StageTrace stages = new StageTrace(out, stack, sent, pushes);
        tracer.scheduleAtFixedRate(stages::print, 1, 1, TimeUnit.SECONDS);
      }
      RedirectLoad load = new RedirectLoad(stack.apiUrl(), codes, 16, link -> answeredAt[link].set(answered[link].incrementAndGet(), System.nanoTime()));
      if (warmupClicks > 0) {
        // The JIT, the function instances and the pollers warm up on the same links and subscribers; none of it is
        // measured. Production Lambdas under sustained load are warm too.
        out.printf("  %d links, %d subscribers connected; warming up with %,d clicks at %d/s (not measured)...%n", links, subscribers, warmupClicks, rate);
        send(load, warmupClicks, rate, sent);
        stack.awaitQuiet(Duration.ofMinutes(2));
        Thread.sleep(500);
        latency.reset();
        pushes.set(0);
      }
      out.printf("  %d links, %d subscribers connected; sending %,d clicks at %d/s...%n", links, subscribers, total, rate);
      cpu.start();
      RedirectLoad.Phase measured = send(load, total, rate, sent);
      stack.awaitQuiet(Duration.ofMinutes(2));
      cpu.stop();
      Thread.sleep(500);
      tracer.shutdownNow();
      load.close();
      sockets.forEach(WebSocket::abort);
      long expected = (long) (total - measured.failed()) * subscribers / links;
      long uncovered = Math.max(0, expected - latency.getTotalCount());
      return new Result(rate, measured, links, subscribers, pushes.get(), ms(latency.getValueAtPercentile(50)),
          ms(latency.getValueAtPercentile(90)), ms(latency.getValueAtPercentile(99)), ms(latency.getMaxValue()), uncovered, Map.copyOf(parameters));
    }
  }

  private static RedirectLoad.Phase send(RedirectLoad load, int clicks, int rate, AtomicInteger sent) throws InterruptedException {
    int before = sent.get();
    return load.send(clicks, rate, n -> sent.set(before + n));
  }

  private static WebSocket subscribe(HttpClient http, String wsUrl, String token, String code, AtomicLongArray answeredAt,
      ConcurrentHistogram latency, AtomicInteger pushes) throws Exception {
    CompletableFuture<Void> subscribed = new CompletableFuture<>();
    WebSocket.Listener listener = new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();
      private long seen;

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          long now = System.nanoTime();
          try {
            JsonNode frame = Json.tree(partial.toString());
            if ("subscribed".equals(frame.path("type").asText())) subscribed.complete(null);
            if ("clicks".equals(frame.path("type").asText())) {
              pushes.incrementAndGet();
              long upTo = seen + frame.at("/delta/total").asLong();
              for (long i = seen + 1; i <= upTo && i < answeredAt.length(); i++) {
                long at = answeredAt.get((int) i);
                latency.recordValue(at == 0 || at > now ? 0 : (now - at) / 1000);
              }
              seen = upTo;
            }
          } catch (Exception ignored) {
            // a frame the bench does not understand is not a measurement
          }
          partial.setLength(0);
        }
        ws.request(1);
        return null;
      }
    };
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl + "/?token=" + token), listener).get(20, TimeUnit.SECONDS);
    socket.sendText("{\"action\":\"subscribe\",\"code\":\"" + code + "\"}", true);
    subscribed.get(20, TimeUnit.SECONDS);
    return socket;
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  void print(Result r, double targetP99Ms) {
    out.println();
    String fmt = "%9s %10s %5s %11s %7s %7s %12s %8s %8s %8s %8s %9s%n";
    out.printf(fmt, "offered/s", "answered/s", "links", "subscribers", "clicks", "pushes", "redirect p99", "p50 ms", "p90 ms", "p99 ms",
        "max ms", "uncovered");
    out.printf(fmt, r.rate(), String.format("%.0f", r.redirects().answeredPerSecond()), r.links(), r.subscribers(), String.format("%,d", r.clicks()),
        String.format("%,d", r.pushes()), String.format("%.0f ms", r.redirects().p99Millis()), String.format("%.0f", r.p50()),
        String.format("%.0f", r.p90()), String.format("%.0f", r.p99()), String.format("%.0f", r.max()), r.uncovered());
    out.println("template: " + (r.parameters().isEmpty() ? "defaults" : "defaults but " + r.parameters()));
    if (!r.keptUp()) {
      out.printf("The stack did NOT keep up: %.0f of the offered %d redirects/s were answered (%d failed), so this run says nothing%n"
          + "about %d clicks/s; clicks queued before the redirect, where click-to-screen latency does not see them.%n",
          r.redirects().answeredPerSecond(), r.rate(), r.redirects().failed(), r.rate());
    } else {
      out.printf("p99 %s the %.0f ms target.%n", r.p99() <= targetP99Ms ? "meets" : "MISSES", targetP99Ms);
    }
    out.println("Click-to-screen: redirect response -> the push covering that click, per subscriber. 'redirect p99': from when");
    out.println("the redirect was due to its answer. 'uncovered': (click, subscriber) pairs no push covered (should be 0).");
    cpu.print(out, r.clicks());
  }
}
