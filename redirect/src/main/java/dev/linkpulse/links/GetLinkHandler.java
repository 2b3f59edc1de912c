package dev.linkpulse.links;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkpulse.core.http.HttpApiHandler;
import dev.linkpulse.core.http.HttpResponses;
import dev.linkpulse.core.http.Requests;
import software.amazon.lambda.powertools.tracing.Tracing;

/** {@code GET /links/{code}}: owner only; anyone else gets the same 404 as for a missing code. */
public final class GetLinkHandler extends HttpApiHandler {
  private final LinkService service = LinksApi.fromEnvironment();

  @Override
  @Tracing(namespace = "linkpulse")
  protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    return HttpResponses.json(200, service.get(Requests.subject(event), Requests.code(event)));
  }
}
