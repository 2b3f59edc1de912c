package dev.linkpulse.local;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import dev.linkpulse.core.links.ServedHosts;
import dev.linkpulse.emulators.apigateway.HttpGateway;
import dev.linkpulse.emulators.apigateway.HttpRoute;
import dev.linkpulse.local.auth.JwtAuthorizer;
import dev.linkpulse.local.auth.LocalIssuer;
import dev.linkpulse.local.dashboard.DashboardHandler;
import dev.linkpulse.local.gateway.LocalEdge;
import dev.linkpulse.template.FunctionSpec;
import dev.linkpulse.template.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The template's HTTP API behind its edge: the functions' HttpApi routes, the JWT authorizer (verifying tokens of
 * the local issuer), the edge's host guard and headers (the CloudFront distribution and its function), and the
 * paths the gateway serves itself: health, the issuer's discovery documents, the dashboard.
 */
final class HttpApiBooter implements Booter {
  @Override
  public Set<String> types() {
    return Set.of("AWS::Serverless::HttpApi", "AWS::CloudFront::Distribution", "AWS::CloudFront::Function");
  }

  @Override
  public void name(Boot boot) {
    boot.template.resourcesOfType("AWS::Serverless::HttpApi").keySet().forEach(id -> boot.resources.apis.put(id, "local"));
  }

  @Override
  public void start(Boot boot) throws Exception {
    Map<String, String> parameters = boot.parameters;
    LocalIssuer issuer = LocalIssuer.open(boot.config.stateDir(), parameters.get("JwtIssuer"), parameters.get("JwtAudience"));
    boot.issuer = issuer;
    LocalEdge edge = new LocalEdge(parameters.get("EdgeOriginSecret"), ServedHosts.of(List.of(parameters.get("ShortBaseUrl"), boot.apiUrl)));
    boot.routes = routes(boot);
    HttpGateway gateway = new HttpGateway(boot.apiPort, boot.routes, authorizer(boot), edge).serve("/health", exchange ->
        HttpGateway.write(exchange, exchange.getRequestMethod(), 200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));
    gateway.serve(LocalIssuer.PATH + "/.well-known/jwks.json", exchange -> json(exchange, issuer.jwksJson()));
    gateway.serve(LocalIssuer.PATH + "/.well-known/openid-configuration",
        exchange -> json(exchange, issuer.discoveryJson(issuer.issuer() + "/.well-known/jwks.json")));
    // The dashboard's static files, as they would be served from S3 behind CloudFront; config.json points it here.
    gateway.serve("/dashboard/", new DashboardHandler(boot.apiUrl, boot.webSockets == null ? null : boot.webSockets.url()));
    boot.gateway = boot.closing(gateway);
    gateway.start();
  }

  private static void json(HttpExchange exchange, String body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    HttpGateway.write(exchange, exchange.getRequestMethod(), 200, body.getBytes(StandardCharsets.UTF_8));
  }

  private static List<HttpRoute> routes(Boot boot) {
    List<HttpRoute> routes = new ArrayList<>();
    Map<String, Map<String, Object>> apis = boot.template.resourcesOfType("AWS::Serverless::HttpApi");
    for (FunctionSpec spec : boot.template.functions()) {
      spec.events().forEach((name, event) -> {
        if (!"HttpApi".equals(event.get("Type"))) return;
        Map<String, Object> props = Template.map(event.get("Properties"));
        String apiId = String.valueOf(Template.map(props.get("ApiId")).get("Ref"));
        boolean hasDefault = Template.map(Template.map(apis.get(apiId)).get("Auth")).containsKey("DefaultAuthorizer");
        String authorizer = String.valueOf(Template.map(props.get("Auth")).getOrDefault("Authorizer", hasDefault ? "default" : "NONE"));
        String method = String.valueOf(props.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT);
        routes.add(new HttpRoute(method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : method,
            String.valueOf(props.get("Path")), !authorizer.equals("NONE"), boot.functions.get(spec.logicalId())));
      });
    }
    return routes;
  }

  /** The HTTP API's JWT authorizer as the template configures it (issuer and audience). */
  private static JwtAuthorizer authorizer(Boot boot) {
    for (Map<String, Object> api : boot.template.resourcesOfType("AWS::Serverless::HttpApi").values()) {
      Map<String, Object> auth = Template.map(api.get("Auth"));
      Object defaultName = auth.get("DefaultAuthorizer");
      Map<String, Object> jwt = Template.map(Template.map(Template.map(auth.get("Authorizers")).get(String.valueOf(defaultName))).get("JwtConfiguration"));
      if (jwt.isEmpty()) continue;
      String iss = boot.resolver.string(jwt.get("issuer"));
      List<String> audiences = Template.list(boot.resolver.resolve(jwt.get("audience"))).stream().map(String::valueOf).toList();
      if (!iss.equals(boot.issuer.issuer())) {
        throw new IllegalStateException("the local stack can only verify tokens of its own issuer (" + boot.issuer.issuer() + "), not " + iss);
      }
      JWKSet keys;
      try {
        keys = JWKSet.parse(boot.issuer.jwksJson());
      } catch (ParseException e) {
        throw new IllegalStateException(e);
      }
      return new JwtAuthorizer(iss, audiences, () -> keys, Clock.systemUTC());
    }
    return new JwtAuthorizer("", List.of(), JWKSet::new, Clock.systemUTC());
  }
}
