package dev.linkpulse.redirect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.Metrics;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.clicks.VisitorHasher;
import dev.linkpulse.core.http.HttpApiHandler;
import dev.linkpulse.core.http.Requests;
import dev.linkpulse.core.links.LinkStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * {@code GET|HEAD /{code}}: the hot path. Deliberately lean: no Powertools, no AspectJ; clients built once at init.
 * {@link Redirects} makes the decision.
 */
public final class RedirectHandler extends HttpApiHandler {
  private final Redirects redirects;
  private final Metrics metrics = new Metrics("redirect");
  private final RedirectPriming priming;

  public RedirectHandler() {
    Clock clock = Clock.systemUTC();
    LinkStore store = LinkStore.dynamoDb(AwsClients.dynamoDb(), Env.require("TABLE_NAME"));
    LinkCache cache = new LinkCache(10_000, Duration.ofSeconds(Env.requireInt("LINK_CACHE_SECONDS")), clock);
    EventBridgeClient events = ClickPublisher.client();
    ClickFactory clicks = new ClickFactory(new VisitorHasher(Env.require("VISITOR_HASH_KEY")), clock);
    this.redirects = new Redirects(code -> cache.get(code, store::find), clicks,
        new ClickPublisher(events, Env.require("CLICKS_BUS_NAME"), metrics), clock);
    // SnapStart runs it before the snapshot; the global context holds resources weakly, so this field keeps it.
    this.priming = new RedirectPriming(redirects, clicks, events);
    org.crac.Core.getGlobalContext().register(priming);
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    long start = System.nanoTime();
    int status = 500;
    try {
      var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
      APIGatewayV2HTTPResponse response = redirects.answer(new RedirectRequest(Requests.method(event), Requests.code(event),
          event.getHeaders() == null ? Map.of() : event.getHeaders(),
          event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters(),
          http == null ? null : http.getSourceIp()));
      status = response.getStatusCode();
      return response;
    } catch (dev.linkpulse.core.http.ApiException e) {
      status = e.status();
      throw e;
    } finally {
      // The availability and latency SLIs: every request, its time in the function, and whether it failed us.
      metrics.emit(Map.of("Requests", Metrics.count(1), "ServerErrors", Metrics.count(status >= 500 ? 1 : 0),
          "Latency", Metrics.millis((System.nanoTime() - start) / 1_000_000.0)), Map.of("status", status));
    }
  }
}
