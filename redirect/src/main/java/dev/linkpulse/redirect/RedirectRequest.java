package dev.linkpulse.redirect;

import java.util.Map;

/**
 * What the redirect needs to know about a request, free of Lambda types. Header names are lower-case (API
 * Gateway's payload 2.0 lower-cases them). {@code sourceIp} never leaves the redirect function.
 */
record RedirectRequest(String method, String code, Map<String, String> headers, Map<String, String> query, String sourceIp) {
  String header(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }
}
