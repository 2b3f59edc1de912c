package dev.linkpulse.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkpulse.emulators.protocol.AwsServiceException;
import dev.linkpulse.emulators.time.Timeline;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Faults on demand, for chaos tests: fail, throttle or delay a share of the requests to a table and operation
 * ({@code "*"} matches any). Off until a rule is added. A delay waits on the engine's timeline, so a test on a
 * manual timeline releases it by advancing time. The share is drawn from a seeded random, so a run is repeatable.
 */
public final class DynamoDbFaults {
  /** One fault rule; {@code errorType} for failures, {@code delay} for delays. */
  public record Rule(String table, String operation, double share, String errorType, Duration delay) {
    public Rule {
      if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("share must be in (0, 1]: " + share);
    }

    boolean matches(String t, String op) {
      return (table.equals("*") || table.equals(t)) && (operation.equals("*") || operation.equals(op));
    }
  }

  private static final Duration LONGEST_REAL_WAIT = Duration.ofMinutes(5);
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final Timeline timeline;
  private final Random random;

  DynamoDbFaults(Timeline timeline, long seed) {
    this.timeline = timeline;
    this.random = new Random(seed);
  }

  /** Fails {@code share} of matching requests with {@code errorType} (500 for InternalServerError, 503 for ServiceUnavailable, else 400). */
  public void fail(String table, String operation, double share, String errorType) {
    rules.add(new Rule(table, operation, share, errorType, null));
  }

  /** Throttles {@code share} of matching requests, as DynamoDB does a hot key. */
  public void throttle(String table, String operation, double share) {
    fail(table, operation, share, "ProvisionedThroughputExceededException");
  }

  public void delay(String table, String operation, double share, Duration delay) {
    rules.add(new Rule(table, operation, share, null, delay));
  }

  public void clear() {
    rules.clear();
  }

  public List<Rule> rules() {
    return List.copyOf(rules);
  }

  void add(Rule rule) {
    rules.add(rule);
  }

  /** Runs before each request: applies the first matching rule that draws this request. */
  void before(String operation, JsonNode input) {
    if (rules.isEmpty()) return;
    String table = tableOf(input);
    for (Rule r : rules) {
      if (!r.matches(table, operation)) continue;
      boolean hit;
      synchronized (random) {
        hit = random.nextDouble() < r.share();
      }
      if (!hit) continue;
      if (r.delay() != null) {
        await(r.delay());
      } else {
        int status = switch (r.errorType()) {
          case "InternalServerError" -> 500;
          case "ServiceUnavailable" -> 503;
          default -> 400;
        };
        throw new AwsServiceException(r.errorType(), status, "Injected fault: " + r.errorType() + " for " + operation + " on " + table);
      }
    }
  }

  private void await(Duration delay) {
    CountDownLatch released = new CountDownLatch(1);
    timeline.after(delay, released::countDown);
    try {
      if (!released.await(LONGEST_REAL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The table a request names: TableName, the first of RequestItems or TransactItems, or a stream's table. */
  static String tableOf(JsonNode input) {
    if (input.hasNonNull("TableName")) return input.get("TableName").asText();
    if (input.path("RequestItems").isObject() && !input.get("RequestItems").isEmpty()) return input.get("RequestItems").fieldNames().next();
    for (JsonNode action : input.path("TransactItems")) {
      for (JsonNode body : action) if (body.hasNonNull("TableName")) return body.get("TableName").asText();
    }
    String arn = input.path("StreamArn").asText("");
    int at = arn.indexOf(":table/");
    if (at >= 0) {
      String rest = arn.substring(at + ":table/".length());
      return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }
    return "";
  }
}
