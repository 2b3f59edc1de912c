package dev.linkpulse.core.clicks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deploy hooks' synthetic clicks, kept apart from everyone's: a click marked with {@value #HEADER} (an HMAC,
 * under the template's {@code SyntheticClickKey}, of the code, a run id and an expiry) counts on the canary link
 * only, and an unmarked click never counts there. So a canary check counts exactly its own clicks, and no owner's
 * stats ever hold one. Without the key a marker cannot be made; an expired or wrong one is no marker at all.
 */
public final class SyntheticClicks {
  public static final String HEADER = "x-linkpulse-synthetic";
  /** The canary link's owner: no sign-in gives it, since subjects never contain a colon-prefixed system name. */
  public static final String CANARY_OWNER = "system:linkpulse-canary";
  /** How long a marker is good for: long enough for one PostTraffic run, short enough that a leaked one soon dies. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final ThreadLocal<Mac> macs;
  private final String canaryCode;

  private SyntheticClicks(String key, String canaryCode) {
    if (key == null || key.length() < 32) {
      throw new IllegalArgumentException("the synthetic click key must be at least 32 characters (template parameter SyntheticClickKey)");
    }
    SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(spec);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    });
    macs.get();
    this.canaryCode = canaryCode;
  }

  public static SyntheticClicks of(String key, String canaryCode) {
    return new SyntheticClicks(key, canaryCode);
  }

  public String canaryCode() {
    return canaryCode;
  }

  /** The marker for clicks of run {@code runId} on {@code code}, good until {@code expires}. */
  public String mark(String code, String runId, Instant expires) {
    if (!RUN_ID.matcher(runId).matches()) throw new IllegalArgumentException("run id must match " + RUN_ID + ": " + runId);
    return runId + "." + expires.getEpochSecond() + "." + mac(code, runId, expires.getEpochSecond());
  }

  /** Whether {@code marker} is a live marker this key made for {@code code}; anything malformed is not. */
  public boolean marked(String code, String marker, Instant now) {
    if (marker == null) return false;
    String[] parts = marker.split("\\.", -1);
    if (parts.length != 3 || !RUN_ID.matcher(parts[0]).matches()) return false;
    long expires;
    try {
      expires = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    if (now.getEpochSecond() >= expires || expires - now.getEpochSecond() > LIFETIME.toSeconds()) return false;
    return MessageDigest.isEqual(mac(code, parts[0], expires).getBytes(StandardCharsets.US_ASCII),
        parts[2].getBytes(StandardCharsets.US_ASCII));
  }

  /** Whether a click on {@code code} counts: a marked one only on the canary link, an unmarked one only elsewhere. */
  public boolean counts(String code, boolean marked) {
    return marked == code.equals(canaryCode);
  }

  private String mac(String code, String runId, long expires) {
    String message = code + '\n' + runId + '\n' + expires;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
