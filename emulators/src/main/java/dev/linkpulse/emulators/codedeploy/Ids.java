package dev.linkpulse.emulators.codedeploy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/** The identifiers CodeDeploy hands out: deployment ids like {@code d-8WJYMZ1QJ}, opaque hook execution ids, UUIDs. */
final class Ids {
  static final Pattern DEPLOYMENT_ID = Pattern.compile("d-[A-Z0-9]{9}");
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String deploymentId() {
    StringBuilder id = new StringBuilder("d-");
    for (int i = 0; i < 9; i++) id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return id.toString();
  }

  static String hookExecutionId() {
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }

  /** A stable id for a predefined configuration, the same on every start. */
  static String stableUuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }
}
