package dev.linkpulse.emulators.apigateway;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Ids shaped like API Gateway's connection, message and extended request ids: 11 random bytes in base64, so 15
 * characters and one {@code =} (e.g. {@code L0SM9cOFvHcCIhw=}). Only ids without {@code +} and {@code /} are handed
 * out, so an id is always a single, unambiguous path segment; the {@code =} still has to be URL-encoded
 * ({@code %3D}), as with real connection ids.
 */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String next() {
    byte[] bytes = new byte[11];
    while (true) {
      RANDOM.nextBytes(bytes);
      String id = Base64.getEncoder().encodeToString(bytes);
      if (id.indexOf('+') < 0 && id.indexOf('/') < 0) return id;
    }
  }
}
