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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * The redirect's warm path, in-process: the real {@link RedirectHandler} built as Lambda builds it (its environment,
 * its clients), against a local stack, with its link cached and every click published; beside it the one PutEvents
 * call the warm path makes, alone. Latency percentiles over many calls, after an unmeasured warm-up.
 */
final class RedirectBench {
  record Row(String what, int calls, Histogram micros) {}

  private static final String CODE = "benchlink";
  private final PrintStream out;

  RedirectBench(PrintStream out) {
    this.out = out;
  }

  List<Row> run(int calls, int warmUp) throws Exception {
    try (LocalStack stack = LocalStack.ephemeral(Map.of())) {
      createLink(stack, CODE);
      Map<String, String> env = environment(stack);
      PrintStream stdout = System.out;
      // The handler's metrics (EMF lines, one per call) are written as on Lambda, to a stream nobody reads.
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      try (EventBridgeClient events = Env.scoped(env, () -> AwsClients.configure(EventBridgeClient.builder(), "EVENTBRIDGE").build())) {
        String bus = stack.busName("ClicksBus");
        IntSupplier putEvents = () -> events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName(bus)
            .source("linkpulse.bench").detailType("bench.probe").detail("{}").build())).failedEntryCount();
        Row bare = measure("PutEvents alone (AwsClients' client)", Math.min(calls, 20_000), warmUp, putEvents, 0);
        Map<String, String> quietBus = new HashMap<>(env);
        quietBus.put("CLICKS_BUS_NAME", "bench-no-rules");
        Row quiet = measure("redirect handler, bus with no rule", calls, warmUp, redirects(quietBus), 302);
        Row busy = measure("redirect handler, clicks bus (pipeline busy)", Math.min(calls, 20_000), warmUp, redirects(env), 302);
        return List.of(bare, quiet, busy);
      } finally {
        System.setOut(stdout);
      }
    }
  }

  /** A handler built as Lambda builds it, in {@code env}: each call one warm redirect of the cached link. */
  private static IntSupplier redirects(Map<String, String> env) {
    RedirectHandler handler = Env.scoped(env, RedirectHandler::new);
    return () -> handler.handleRequest(request(), null).getStatusCode();
  }

  private Row measure(String what, int calls, int warmUp, IntSupplier call, int expected) {
    out.printf("%s: %,d warm-up calls, then %,d measured...%n", what, warmUp, calls);
    Histogram micros = new Histogram(3);
    for (int i = 0; i < warmUp + calls; i++) {
      long start = System.nanoTime();
      int answer = call.getAsInt();
      long took = (System.nanoTime() - start) / 1000;
      if (answer != expected) throw new IllegalStateException(what + " answered " + answer + ", expected " + expected);
      if (i >= warmUp) micros.recordValue(took);
    }
    return new Row(what, calls, micros);
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
        "LINK_CACHE_SECONDS", stack.function("RedirectFunction").environment().get("LINK_CACHE_SECONDS"));
  }

  /** A link under {@code code}, made through the stack's API as a user would. */
  static void createLink(LocalStack stack, String code) throws Exception {
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/links"))
        .header("Authorization", "Bearer " + stack.token("bench")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/bench\",\"alias\":\"" + code + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) throw new IllegalStateException("could not create the bench link: " + created.body());
  }

  void print(List<Row> rows) {
    out.println();
    String fmt = "%-44s %9s %9s %9s %9s %9s %9s%n";
    out.printf(fmt, "path (in-process, local stack)", "calls", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms");
    for (Row r : rows) {
      Histogram h = r.micros();
      out.printf(fmt, r.what(), String.format("%,d", r.calls()), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
          ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }
    out.printf("Local servers' TCP_NODELAY (sun.net.httpserver.nodelay): %s. Run with -Dsun.net.httpserver.nodelay=false%n",
        System.getProperty("sun.net.httpserver.nodelay"));
    out.println("(LINKPULSE_JAVA_OPTS) to see the ~40 ms that Nagle on the JDK server plus the client's delayed ACK add to every call.");
    out.println("'clicks bus': every click runs through the local pipeline (queue, recorder, DynamoDB, aggregator) in this JVM, on");
    out.println("the same cores; 'no rule': the same PutEvents, accepted and routed nowhere, so only the redirect's own path is timed.");
  }

  private static String ms(long micros) {
    return String.format("%.2f", micros / 1000.0);
  }
}
