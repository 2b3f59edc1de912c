package dev.linkpulse.pipeline.live;

import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/** The WebSocket API's open connections, as the fan-out pushes frames to them. */
public interface Connections {
  /** Connections through API Gateway's management API ({@code PostToConnection}). */
  static Connections managementApi(ApiGatewayManagementApiClient client) {
    return new ManagementApiConnections(client);
  }

  /**
   * Sends one frame to {@code connectionId}. Returns false when the connection no longer exists (the browser went
   * away); throws on any other failure.
   */
  boolean post(String connectionId, byte[] frame);

  /** Closes the connection ({@code DeleteConnection}); one already gone is no error. Throws on any other failure. */
  void close(String connectionId);
}
