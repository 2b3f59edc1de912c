package dev.linkpulse.core.aws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets with Nagle's algorithm off. The URL-connection client writes a request's headers and its body in two
 * writes; with Nagle on, the body waits until the headers are acknowledged, and a server that delays its ACKs
 * (Linux: 40 ms, others: up to 200 ms) holds every small POST for that long. {@code HttpURLConnection} offers no
 * switch for it, but it takes its TLS sockets from this factory, on every path it has (unconnected, then connected;
 * or a plain socket layered with TLS).
 */
final class NoDelaySocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;

  NoDelaySocketFactory(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
    noDelay(plain);
    return noDelay(delegate.createSocket(plain, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return noDelay(delegate.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }
}
