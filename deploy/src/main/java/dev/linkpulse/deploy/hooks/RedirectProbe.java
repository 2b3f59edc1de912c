package dev.linkpulse.deploy.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.core.Json;
import dev.linkpulse.core.http.EdgeTrust;
import dev.linkpulse.core.links.Link;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** PreTraffic for the redirect: the new version answers the canary link with 302 and the link's Location. */
final class RedirectProbe implements Check {
  private final VersionInvoker invoker;
  private final String version;
  private final CanaryLink canary;
  private final String edgeSecret;
  private final Clock clock;

  RedirectProbe(VersionInvoker invoker, String version, CanaryLink canary, String edgeSecret, Clock clock) {
    this.invoker = invoker;
    this.version = version;
    this.canary = canary;
    this.edgeSecret = edgeSecret;
    this.clock = clock;
  }

  @Override
  public Verdict run() throws Exception {
    Link link = canary.ensure();
    Map<String, String> headers = new LinkedHashMap<>(Map.of("user-agent", "linkpulse-canary", "host", "canary.local"));
    if (edgeSecret != null && !edgeSecret.isEmpty()) headers.put(EdgeTrust.HEADER, edgeSecret);
    JsonNode answer = Json.tree(invoker.invoke(version, ProbeEvents.httpGet(link.code(), headers, clock.instant())));
    int status = answer.path("statusCode").asInt(-1);
    String location = answer.path("headers").path("Location").asText(answer.path("headers").path("location").asText(null));
    if (status != 302) return Verdict.fail(version + " answered /" + link.code() + " with " + status + ", not 302: " + answer);
    if (!link.url().equals(location)) return Verdict.fail(version + " sent /" + link.code() + " to " + location + ", not " + link.url());
    return Verdict.pass(version + " answered /" + link.code() + " with 302 to " + location);
  }
}
