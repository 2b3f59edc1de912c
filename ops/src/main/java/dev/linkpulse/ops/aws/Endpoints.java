package dev.linkpulse.ops.aws;

import dev.linkpulse.core.Env;
import dev.linkpulse.core.aws.AwsClients;
import dev.linkpulse.ops.UsageError;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a command sends a service's calls: its flag, else the first of the variables that is set (the standard
 * {@code AWS_ENDPOINT_URL_<SERVICE>} / {@code AWS_ENDPOINT_URL} of {@link AwsClients}), else AWS's own endpoint.
 * Whatever is given must be an http(s) URL; anything else is bad input, named after where it came from.
 */
final class Endpoints {
  private Endpoints() {}

  /** {@code flag} (given as {@code option}), else the first set variable of {@code variables}. */
  static Optional<URI> choose(String option, String flag, List<String> variables) {
    if (flag != null) return Optional.of(parse(option, flag));
    for (String variable : variables) {
      Optional<String> value = Env.find(variable);
      if (value.isPresent()) return Optional.of(parse(variable, value.get()));
    }
    return Optional.empty();
  }

  static URI parse(String source, String value) {
    try {
      URI uri = URI.create(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return uri;
    } catch (IllegalArgumentException ignored) {
      // reported below
    }
    throw new UsageError(source + " must be an http(s) URL like http://127.0.0.1:9324, got '" + value + "'");
  }

  /** An endpoint on this machine: an emulator, which takes any key and ignores the region. */
  static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    if (host == null) return false;
    host = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
    return host.equals("localhost") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || host.equals("::1");
  }
}
