package dev.linkpulse.ops.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.redirect.RedirectHandler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * The redirect's warm path, in-process: the real {@link RedirectHandler} built as Lambda builds it (its environment,
 * its clients), against a local stack, with its link cached and every click published; beside it the one PutEvents
 * call the warm path makes, alone. Latency percentiles over many calls, after an unmeasured warm-up.
 */
final class RedirectBench {
  private static final String CODE = "benchlink";
  private final PrintStream out;

  RedirectBench(PrintStream out) {
    this.out = out;
  }

  /**
   * Interleaved on a bus with no rule (only the redirect's own path): a fixed-CPU noise floor sized to the handler's
   * median, PutEvents through the SDK's stock URL-connection client (body streamed: the JDK's 1 ms liveness probe
   * before each reuse), PutEvents through the functions' client, and the handler. Then, alone, the handler on the
   * clicks bus with the whole local pipeline working in this JVM.
   */
  List<InterleavedLegs.Result> run(int calls, int warmUp) throws Exception {
    try (LocalStack stack = LocalStack.ephemeral(Map.of())) {
      createLink(stack, CODE);
      Map<String, String> env = environment(stack);
      PrintStream stdout = System.out;
      // The handler's metrics (EMF lines, one per call) are written as on Lambda, to a stream nobody reads.
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      try (EventBridgeClient events = Env.scoped(env, () -> AwsClients.configure(EventBridgeClient.builder(), "EVENTBRIDGE").build());
           EventBridgeClient streamed = Env.scoped(env, () -> AwsClients.configure(EventBridgeClient.builder(), "EVENTBRIDGE")
               .httpClient(UrlConnectionHttpClient.create()).build())) {
        Map<String, String> quietBus = new HashMap<>(env);
        quietBus.put("CLICKS_BUS_NAME", QUIET_BUS);
        IntSupplier handler = redirects(quietBus);
        median(handler, Math.max(200, warmUp / 2)); // warms the JIT first, so the floor is sized to the warm median
        long medianMicros = median(handler, Math.max(200, warmUp / 2));
        stdout.printf("interleaved, bus with no rule: %,d warm-up rounds, then %,d measured (noise floor sized to %,d us)...%n",
            warmUp, calls, medianMicros);
        List<InterleavedLegs.Result> rows = new ArrayList<>(InterleavedLegs.run(List.of(
            new InterleavedLegs.Leg("noise floor: fixed CPU work, no I/O", InterleavedLegs.fixedWork(medianMicros), 0),
            new InterleavedLegs.Leg("PutEvents, SDK's URL client (streamed)", putEvents(streamed), 0),
            new InterleavedLegs.Leg("PutEvents, AwsClients' client", putEvents(events), 0),
            new InterleavedLegs.Leg(HANDLER_QUIET, handler, 302)), calls, warmUp));
        int busyCalls = Math.min(calls, 20_000);
        stdout.printf("redirect handler, clicks bus (pipeline busy): %,d warm-up calls, then %,d measured...%n", warmUp, busyCalls);
        rows.addAll(InterleavedLegs.run(List.of(new InterleavedLegs.Leg("redirect handler, clicks bus (pipeline busy)",
            redirects(env), 302)), busyCalls, warmUp));
        return rows;
      } finally {
        System.setOut(stdout);
      }
    }
  }

  private static final String QUIET_BUS = "bench-no-rules";
  private static final String HANDLER_QUIET = "redirect handler, bus with no rule";

  /** The handler's median on the quiet bus, in milliseconds: what the cost bench bills a redirect for. */
  static double handlerMedianMillis(List<InterleavedLegs.Result> rows) {
    return rows.stream().filter(r -> r.what().equals(HANDLER_QUIET)).findFirst().orElseThrow()
        .micros().getValueAtPercentile(50) / 1000.0;
  }

  private static IntSupplier putEvents(EventBridgeClient client) {
    return () -> client.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName(QUIET_BUS)
        .source("linkpulse.bench").detailType("bench.probe").detail("{}").build())).failedEntryCount();
  }

  private static long median(IntSupplier call, int calls) {
    long[] took = new long[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call.getAsInt();
      took[i] = (System.nanoTime() - start) / 1000;
    }
    java.util.Arrays.sort(took);
    return took[calls / 2];
  }

  /** A handler built as Lambda builds it, in {@code env}: each call one warm redirect of the cached link. */
  private static IntSupplier redirects(Map<String, String> env) {
    RedirectHandler handler = Env.scoped(env, RedirectHandler::new);
    return () -> handler.handleRequest(request(), null).getStatusCode();
  }

  static APIGatewayV2HTTPEvent request() {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRawPath("/" + CODE);
    event.setPathParameters(Map.of("code", CODE));
    event.setHeaders(new HashMap<>(Map.of("user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "referer", "https://t.co/x")));
    var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod("GET");
    http.setSourceIp("198.51.100.7");
    var context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setHttp(http);
    event.setRequestContext(context);
    return event;
  }

  /** What the redirect function's environment holds, pointed at {@code stack}: for a handler built in-process. */
  static Map<String, String> environment(LocalStack stack) {
    return Map.of("TABLE_NAME", stack.tableName("LinkpulseTable"), "CLICKS_BUS_NAME", stack.busName("ClicksBus"),
        "VISITOR_HASH_KEY", "bench-visitor-hash-key-0123456789abcdef", "AWS_REGION", "us-east-1",
        "AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoEndpoint(), "AWS_ENDPOINT_URL_EVENTBRIDGE", stack.eventsEndpoint(),
        // The template's value, as the deployed function gets it: the handler no longer assumes one.
        "LINK_CACHE_SECONDS", stack.function("RedirectFunction").environment().get("LINK_CACHE_SECONDS"),
        // The deploy hooks' marker key and canary link, which the handler requires (SyntheticClicks).
        "SYNTHETIC_CLICK_KEY", stack.function("RedirectFunction").environment().get("SYNTHETIC_CLICK_KEY"),
        "CANARY_LINK_CODE", stack.function("RedirectFunction").environment().get("CANARY_LINK_CODE"));
  }

  /** A link under {@code code}, made through the stack's API as a user would. */
  static void createLink(LocalStack stack, String code) throws Exception {
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/links"))
        .header("Authorization", "Bearer " + stack.token("bench")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/bench\",\"alias\":\"" + code + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) throw new IllegalStateException("could not create the bench link: " + created.body());
  }

  void print(List<InterleavedLegs.Result> rows) {
    out.println();
    String fmt = "%-44s %8s %8s %8s %8s %8s %8s %12s %9s %9s%n";
    out.printf(fmt, "path (in-process, local stack)", "calls", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms",
        "p99 no-GC ms", "GC-hit", "KB/call");
    for (InterleavedLegs.Result r : rows) {
      Histogram h = r.micros();
      out.printf(fmt, r.what(), String.format("%,d", r.calls()), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
          ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
          ms(r.clearOfGc().getValueAtPercentile(99)), String.format("%.2f%%", 100.0 * r.gcHit() / r.calls()),
          String.format("%.1f", r.kilobytesPerCall()));
    }
    out.printf("Local servers' TCP_NODELAY (sun.net.httpserver.nodelay): %s. Run with -Dsun.net.httpserver.nodelay=false%n",
        System.getProperty("sun.net.httpserver.nodelay"));
    out.println("(LINKPULSE_JAVA_OPTS) to see the ~40 ms that Nagle on the JDK server plus the client's delayed ACK add to every call.");
    out.println("The first four rows ran interleaved (one call of each in turn), so they met the same machine. 'noise floor': fixed");
    out.println("CPU work sized to the handler's median; what stretches it is this machine, not the code. 'streamed': the SDK's stock");
    out.println("URL-connection client, whose streamed POST makes the JDK probe a kept-alive connection for 1 ms before reusing it.");
    out.println("p99 no-GC: over the calls no collection ran during; GC-hit: calls a collection ran during (the local stack shares");
    out.println("this JVM's heap; a function's JVM holds only its own); KB/call: allocated on the calling thread (the local servers'");
    out.println("allocations are on theirs). 'clicks bus': every click runs through the local pipeline in this JVM, on the same cores.");
  }

  private static String ms(long micros) {
    return String.format("%.2f", micros / 1000.0);
  }
}
