package dev.linkpulse.core.clicks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns (IP, user agent, UTC day) into an opaque visitor id: HMAC-SHA256 under a secret key, truncated to 128 bits.
 * Keyed, so the id cannot be reversed by hashing every IPv4 address; dated, so the same person is a new visitor
 * tomorrow and no long-lived identifier exists. The IP itself is discarded after this.
 */
public final class VisitorHasher {
  /** One keyed Mac per thread: looking the algorithm up and keying it on every click would be work on the redirect path. */
  private final ThreadLocal<Mac> macs;

  public VisitorHasher(String secret) {
    if (secret == null || secret.length() < 32) {
      throw new IllegalArgumentException("the visitor hash key must be at least 32 characters (template parameter VisitorHashKey)");
    }
    SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    });
    macs.get(); // fail at construction, not on the first click, if the JVM lacks HmacSHA256
  }

  public String visitor(String ip, String userAgent, LocalDate utcDay) {
    // doFinal resets the Mac, so the thread's instance is ready for the next click.
    // Separators keep ("1.2.3.4", "5x") and ("1.2.3.45", "x") apart.
    String message = (ip == null ? "" : ip) + '\n' + (userAgent == null ? "" : userAgent) + '\n' + utcDay;
    byte[] digest = macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
  }
}
