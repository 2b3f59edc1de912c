package dev.linkpulse.local;

import dev.linkpulse.emulators.apigateway.WebSocketGateway;
import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.template.Resolver;
import dev.linkpulse.template.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the template's WebSocket API (routes, integrations, the $connect authorizer) into the local gateway. */
final class WebSockets {
  private WebSockets() {}

  static Optional<WebSocketGateway> gateway(Template template, Map<String, LocalFunction> functions, int port, int managementPort) {
    Map<String, Map<String, Object>> apis = template.resourcesOfType("AWS::ApiGatewayV2::Api");
    String apiId = apis.entrySet().stream().filter(e -> "WEBSOCKET".equals(e.getValue().get("ProtocolType"))).map(Map.Entry::getKey)
        .findFirst().orElse(null);
    if (apiId == null) return Optional.empty();
    Map<String, Map<String, Object>> integrations = template.resourcesOfType("AWS::ApiGatewayV2::Integration");
    Map<String, Map<String, Object>> authorizers = template.resourcesOfType("AWS::ApiGatewayV2::Authorizer");
    Map<String, LocalFunction> routes = new LinkedHashMap<>();
    LocalFunction authorizer = null;
    List<String> identitySources = List.of();
    for (Map<String, Object> route : template.resourcesOfType("AWS::ApiGatewayV2::Route").values()) {
      if (!Resolver.references(route.get("ApiId")).contains(apiId)) continue;
      String integration = Resolver.references(route.get("Target")).stream().filter(integrations::containsKey).findFirst()
          .orElseThrow(() -> new IllegalStateException("route " + route.get("RouteKey") + " has no integration target"));
      routes.put(String.valueOf(route.get("RouteKey")), function(integrations.get(integration).get("IntegrationUri"), functions));
      if ("CUSTOM".equals(route.get("AuthorizationType"))) {
        String authorizerId = Resolver.references(route.get("AuthorizerId")).get(0);
        Map<String, Object> auth = authorizers.get(authorizerId);
        authorizer = function(auth.get("AuthorizerUri"), functions);
        identitySources = Template.list(auth.get("IdentitySource")).stream().map(String::valueOf).toList();
      }
    }
    String selection = String.valueOf(apis.get(apiId).getOrDefault("RouteSelectionExpression", "$request.body.action"));
    return Optional.of(new WebSocketGateway(port, routes, authorizer).managementPort(managementPort)
        .routeSelectionExpression(selection).identitySources(identitySources));
  }

  /** The function an integration or authorizer URI names (…/functions/${Fn.Arn}/invocations). */
  private static LocalFunction function(Object uri, Map<String, LocalFunction> functions) {
    return Resolver.references(uri).stream().filter(functions::containsKey).map(functions::get).findFirst()
        .orElseThrow(() -> new IllegalStateException("no function behind " + uri));
  }
}
