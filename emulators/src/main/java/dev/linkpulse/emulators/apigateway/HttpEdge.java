package dev.linkpulse.emulators.apigateway;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * What sits in front of the HTTP API in a deployment (a CDN, a proxy) and changes a request before the API sees
 * it: which hosts it answers for, and the headers it forwards. A port, because that behaviour is the deployment's,
 * not API Gateway's.
 */
public interface HttpEdge {
  /** Whether a request with this {@code Host} header is one the edge serves (the gateway answers 421 otherwise). */
  boolean serves(String hostHeader);

  /** The request's headers as the API receives them: names lower-cased, repeated values joined with commas. */
  Map<String, String> originHeaders(Map<String, List<String>> viewerHeaders, InetSocketAddress viewer);
}
