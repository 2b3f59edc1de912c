package dev.linkpulse.emulators.protocol;

import java.util.Objects;

/**
 * What every local endpoint's builder shares: the address it binds. A builder extends it with itself as {@code B},
 * so {@code port(0).host(..)} still returns the concrete builder.
 */
public abstract class EndpointBuilder<B extends EndpointBuilder<B>> {
  private String host = "127.0.0.1";
  private int port;

  protected EndpointBuilder() {}

  /** 0 (the default) picks a free port. */
  public final B port(int port) {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    this.port = port;
    return self();
  }

  /** The interface to bind (default {@code 127.0.0.1}: nothing outside this machine reaches a local emulator). */
  public final B host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return self();
  }

  public final String bindHost() {
    return host;
  }

  public final int bindPort() {
    return port;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
