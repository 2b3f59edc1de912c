package dev.linkpulse.core.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;

/**
 * How the functions' SDK clients open connections: the JDK's {@code HttpURLConnection} (light, starts fast, keeps
 * connections alive), with the caller's timeouts, and TLS sockets that send small writes at once
 * ({@link NoDelaySocketFactory}). Plain-HTTP sockets (only the local emulators) cannot be reached from here; the
 * emulators' servers answer in one go, so there the two-write request costs nothing (docs/performance.md).
 */
final class UrlConnections implements UrlConnectionFactory {
  private static final SSLSocketFactory TLS = new NoDelaySocketFactory((SSLSocketFactory) SSLSocketFactory.getDefault());

  private final int connectMillis;
  private final int readMillis;

  UrlConnections(Duration connectTimeout, Duration socketTimeout) {
    this.connectMillis = Math.toIntExact(connectTimeout.toMillis());
    this.readMillis = Math.toIntExact(socketTimeout.toMillis());
  }

  @Override
  public HttpURLConnection createConnection(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(connectMillis);
      connection.setReadTimeout(readMillis);
      if (connection instanceof HttpsURLConnection https) https.setSSLSocketFactory(TLS);
      return connection;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a connection to " + uri, e);
    }
  }
}
