package dev.linkpulse.links;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkpulse.core.http.HttpApiHandler;
import dev.linkpulse.core.http.HttpResponses;
import dev.linkpulse.core.http.Requests;
import software.amazon.lambda.powertools.tracing.Tracing;

/** {@code GET /links?limit=&cursor=}: the caller's links, newest first. */
public final class ListLinksHandler extends HttpApiHandler {
  private final LinkService service = LinksApi.fromEnvironment();

  @Override
  @Tracing(namespace = "linkpulse")
  protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    var page = service.list(Requests.subject(event), Requests.query(event, "limit").orElse(null),
        Requests.query(event, "cursor").orElse(null));
    return HttpResponses.json(200, page);
  }
}
