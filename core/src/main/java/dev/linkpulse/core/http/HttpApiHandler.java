package dev.linkpulse.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Base of every HTTP API handler: subclasses parse and delegate; this class admits only what came through the edge
 * ({@link EdgeTrust}), turns an {@link ApiException} into the error body, and anything unexpected into a 500 that
 * leaks no internals (the cause goes to the log).
 */
public abstract class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = Logger.getLogger(HttpApiHandler.class.getName());
  /** Read when the handler is built, which is when its function's environment is in scope (see {@link dev.linkpulse.core.Env}). */
  private final EdgeTrust edge = EdgeTrust.fromEnvironment();

  @Override
  public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    try {
      event.setHeaders(edge.admit(event.getHeaders()));
      return handle(event, context);
    } catch (ApiException e) {
      return HttpResponses.error(e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "unhandled error in " + getClass().getSimpleName(), e);
      return HttpResponses.error(500, "internal_error", "something went wrong; it has been logged");
    }
  }

  protected abstract APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context);
}
