package dev.linkpulse.pipeline.live;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * {@link Connections} through {@code PostToConnection} and {@code DeleteConnection}; API Gateway answers 410 Gone for
 * a closed connection.
 */
final class ManagementApiConnections implements Connections {
  private final ApiGatewayManagementApiClient client;

  ManagementApiConnections(ApiGatewayManagementApiClient client) {
    this.client = client;
  }

  @Override
  public boolean post(String connectionId, byte[] frame) {
    try {
      client.postToConnection(r -> r.connectionId(connectionId).data(SdkBytes.fromByteArray(frame)));
      return true;
    } catch (GoneException gone) {
      return false;
    }
  }

  @Override
  public void close(String connectionId) {
    try {
      client.deleteConnection(r -> r.connectionId(connectionId));
    } catch (GoneException alreadyClosed) {
      // nothing left to close
    }
  }
}
