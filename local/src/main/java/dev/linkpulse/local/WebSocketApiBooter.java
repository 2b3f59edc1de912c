package dev.linkpulse.local;

import java.util.Set;

/** The template's WebSocket API: its routes, integrations and $connect authorizer on the WebSocket gateway. */
final class WebSocketApiBooter implements Booter {
  @Override
  public Set<String> types() {
    // The gateway answers as if every route had a route response: the template gives each one that.
    return Set.of("AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration",
        "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::RouteResponse");
  }

  @Override
  public void start(Boot boot) throws Exception {
    boot.webSockets = WebSockets.gateway(boot.template, boot.functions, boot.wsPort, boot.managementPort).orElse(null);
    if (boot.webSockets != null) {
      boot.closing(boot.webSockets);
      boot.webSockets.start();
    }
  }
}
