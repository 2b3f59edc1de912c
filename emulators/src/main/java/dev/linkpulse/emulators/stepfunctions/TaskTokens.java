package dev.linkpulse.emulators.stepfunctions;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task tokens: opaque, unguessable strings handed to a {@code .waitForTaskToken} task. A token is open while its
 * task waits and closed for good once the task ends (success, failure, timeout, or the execution stopping), so a
 * late SendTask* call is told {@code TaskTimedOut}; a token never issued is {@code TaskDoesNotExist}; text that
 * cannot be a token is {@code InvalidToken}. Kept in the store, so a restart keeps every answer the same.
 */
final class TaskTokens {
  /** Where an open token leads. */
  record Holder(String executionArn, String frameId) {}

  private static final String PREFIX = "AQ";
  private static final int RANDOM_BYTES = 48;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Holder> open = new ConcurrentHashMap<>();
  private final EngineStore store;

  TaskTokens(EngineStore store) {
    this.store = store;
    store.tokens().forEach((token, value) -> {
      String[] parts = value.split("\\|", -1);
      if (parts[0].equals("OPEN")) open.put(token, new Holder(parts[1], parts[2]));
    });
  }

  String issue(String executionArn, String frameId) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    open.put(token, new Holder(executionArn, frameId));
    store.putToken(token, "OPEN|" + executionArn + "|" + frameId);
    return token;
  }

  void close(String token) {
    if (token == null) return;
    Holder h = open.remove(token);
    if (h != null) store.putToken(token, "CLOSED|" + h.executionArn() + "|" + h.frameId());
  }

  Holder open(String token) {
    return open.get(token);
  }

  boolean wellFormed(String token) {
    if (token == null || !token.startsWith(PREFIX)) return false;
    try {
      return Base64.getUrlDecoder().decode(token.substring(PREFIX.length())).length == RANDOM_BYTES;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  boolean issued(String token) {
    return store.token(token) != null;
  }
}
