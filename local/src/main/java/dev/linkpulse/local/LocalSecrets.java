package dev.linkpulse.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Secrets the template takes as parameters, generated once per checkout and kept in the state directory. */
final class LocalSecrets {
  private LocalSecrets() {}

  static String visitorHashKey(Path stateDir) {
    return secret(stateDir, "visitor-hash-key");
  }

  /** The edge's origin secret: the local gateway, as the edge, adds it to every request it passes to a function. */
  static String edgeOriginSecret(Path stateDir) {
    return secret(stateDir, "edge-origin-secret");
  }

  /** The deploy hooks' synthetic-click key: the marker only they can put on a click. */
  static String syntheticClickKey(Path stateDir) {
    return secret(stateDir, "synthetic-click-key");
  }

  private static String secret(Path stateDir, String name) {
    Path file = stateDir.resolve(name);
    try {
      if (Files.exists(file)) return Files.readString(file).trim();
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      String hex = HexFormat.of().formatHex(key);
      Files.createDirectories(stateDir);
      Files.writeString(file, hex);
      return hex;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
