package dev.linkpulse.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class UrlConnectionsTest {
  private final NoDelaySocketFactory factory = new NoDelaySocketFactory((SSLSocketFactory) SSLSocketFactory.getDefault());

  @Test
  void aPlainSocketLayeredWithTlsSendsSmallWritesAtOnce() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      assertThat(plain.getTcpNoDelay()).isFalse();
      try (Socket tls = factory.createSocket(plain, "localhost", server.getLocalPort(), true)) {
        assertThat(plain.getTcpNoDelay()).isTrue();
        assertThat(tls.getTcpNoDelay()).isTrue();
      }
    }
  }

  @Test
  void anUnconnectedTlsSocketSendsSmallWritesAtOnce() throws Exception {
    try (Socket tls = factory.createSocket()) {
      assertThat(tls.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void httpsConnectionsTakeTheirSocketsFromTheNoDelayFactoryWithTheTimeoutsGiven() {
    var connection = new UrlConnections(Duration.ofSeconds(2), Duration.ofSeconds(10))
        .createConnection(URI.create("https://events.us-east-1.amazonaws.com/"));
    assertThat(connection).isInstanceOf(HttpsURLConnection.class);
    assertThat(((HttpsURLConnection) connection).getSSLSocketFactory()).isInstanceOf(NoDelaySocketFactory.class);
    assertThat(connection.getConnectTimeout()).isEqualTo(2000);
    assertThat(connection.getReadTimeout()).isEqualTo(10_000);
  }
}
