package dev.linkpulse.redirect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.core.http.HttpApiHandler;
import dev.linkpulse.core.http.Requests;
import dev.linkpulse.core.links.LinkStore;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code GET|HEAD /{code}}: the hot path. Deliberately lean: no Powertools, no AspectJ, one DynamoDB client built at
 * init; see {@link Redirects} for the decision itself.
 */
public final class RedirectHandler extends HttpApiHandler {
  private final Redirects redirects;

  public RedirectHandler() {
    Clock clock = Clock.systemUTC();
    LinkStore store = new LinkStore(AwsClients.dynamoDb(), Env.require("TABLE_NAME"));
    LinkCache cache = new LinkCache(10_000, Duration.ofSeconds(Env.getInt("LINK_CACHE_SECONDS", 30)), clock);
    this.redirects = new Redirects(code -> cache.get(code, store::find), clock);
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    return redirects.answer(Requests.method(event), Requests.pathParameter(event, "code"));
  }
}
