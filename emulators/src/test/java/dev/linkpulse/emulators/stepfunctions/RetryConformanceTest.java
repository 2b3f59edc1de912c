package dev.linkpulse.emulators.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Retry from the developer guide's error-handling page: the n-th retry waits IntervalSeconds x BackoffRate^(n-1),
 * capped by MaxDelaySeconds, randomised by JitterStrategy FULL; MaxAttempts 0 never retries; the first matching
 * retrier governs, each with its own count; States.ALL never retries States.Runtime. Time moves only when the
 * test advances it, so every delay is checked to the millisecond.
 */
class RetryConformanceTest {
  private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:";

  private static String task(String function, String retry) {
    return "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + FN + function + "\",\"Retry\":" + retry + ",\"End\":true}}}";
  }

  private static long attempts(SfnHarness h, String arn) {
    return h.count(arn, e -> e.type() == HistoryEventType.LAMBDA_FUNCTION_SCHEDULED);
  }

  /** Fails with the given error names in turn, then succeeds. */
  private static void failing(SfnHarness h, String function, List<String> errors) {
    AtomicInteger calls = new AtomicInteger();
    h.lambda.on(function, p -> {
      int n = calls.getAndIncrement();
      return n < errors.size() ? LambdaInvoker.Result.functionError(errors.get(n), "attempt " + n) : LambdaInvoker.Result.success("\"done\"");
    });
  }

  /** Waits for the n-th failure, then checks that the next attempt starts exactly {@code delayMillis} later. */
  private static void expectRetryAfter(SfnHarness h, String arn, int failures, long delayMillis) {
    h.awaitEvent(arn, e -> e.type() == HistoryEventType.LAMBDA_FUNCTION_FAILED && e.id() > 0 && failuresSoFar(h, arn) >= failures);
    assertThat(attempts(h, arn)).isEqualTo(failures);
    if (delayMillis > 0) h.advance(Duration.ofMillis(delayMillis - 1));
    assertThat(attempts(h, arn)).as("no retry before %d ms", delayMillis).isEqualTo(failures);
    h.advance(Duration.ofMillis(delayMillis > 0 ? 1 : 0));
    assertThat(attempts(h, arn)).as("a retry at %d ms", delayMillis).isEqualTo(failures + 1);
  }

  private static long failuresSoFar(SfnHarness h, String arn) {
    return h.count(arn, e -> e.type() == HistoryEventType.LAMBDA_FUNCTION_FAILED);
  }

  @Test
  void intervalGrowsByBackoffRateForEachRetry() {
    try (SfnHarness h = new SfnHarness()) {
      failing(h, "flaky", List.of("Boom", "Boom", "Boom"));
      String arn = h.start(h.machine(task("flaky", "[{\"ErrorEquals\":[\"Boom\"],\"IntervalSeconds\":2,\"BackoffRate\":3,\"MaxAttempts\":3}]")), "{}");
      expectRetryAfter(h, arn, 1, 2_000);
      expectRetryAfter(h, arn, 2, 6_000);
      expectRetryAfter(h, arn, 3, 18_000);
      DescribeExecutionResponse d = h.awaitDone(arn);
      assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(d.output()).isEqualTo("\"done\"");
    }
  }

  @Test
  void maxDelaySecondsCapsTheInterval() {
    try (SfnHarness h = new SfnHarness()) {
      failing(h, "flaky", List.of("Boom", "Boom", "Boom"));
      String arn = h.start(h.machine(task("flaky", "[{\"ErrorEquals\":[\"Boom\"],\"IntervalSeconds\":1,\"BackoffRate\":10,\"MaxDelaySeconds\":5,\"MaxAttempts\":3}]")), "{}");
      expectRetryAfter(h, arn, 1, 1_000);
      expectRetryAfter(h, arn, 2, 5_000);
      expectRetryAfter(h, arn, 3, 5_000);
      assertThat(h.awaitDone(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @Test
  void fullJitterWaitsARandomPartOfTheComputedInterval() {
    try (SfnHarness h = new SfnHarness(b -> b.random(() -> 0.25))) {
      failing(h, "flaky", List.of("Boom", "Boom"));
      String arn = h.start(h.machine(task("flaky", "[{\"ErrorEquals\":[\"Boom\"],\"IntervalSeconds\":4,\"BackoffRate\":2,\"MaxAttempts\":2,\"JitterStrategy\":\"FULL\"}]")), "{}");
      expectRetryAfter(h, arn, 1, 1_000);
      expectRetryAfter(h, arn, 2, 2_000);
      assertThat(h.awaitDone(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @ParameterizedTest(name = "retry {0} of interval 3 s, rate {1}, cap {2}, jitter {3} at {4}: {5} ms")
  @CsvSource({"1,2.0,,NONE,0.9,3000", "2,2.0,,NONE,0.9,6000", "3,1.5,,NONE,0.9,6750", "4,2.0,10,NONE,0.9,10000",
      "2,2.0,,FULL,0.5,3000", "3,2.0,5,FULL,0.5,2500", "1,1.0,,FULL,0.0,0"})
  void retryArithmetic(int retry, String rate, Integer cap, String jitter, double random, long expectedMillis) {
    Definition.Retrier r = new Definition.Retrier(List.of("X"), 3, 5, new BigDecimal(rate), cap, Definition.Jitter.valueOf(jitter));
    assertThat(ErrorRules.delay(r, retry, () -> random).toMillis()).isEqualTo(expectedMillis);
  }

  @Test
  void maxAttemptsZeroNeverRetries() {
    try (SfnHarness h = new SfnHarness()) {
      failing(h, "flaky", List.of("Boom"));
      DescribeExecutionResponse d = h.run(task("flaky", "[{\"ErrorEquals\":[\"Boom\"],\"MaxAttempts\":0},{\"ErrorEquals\":[\"States.ALL\"]}]"), "{}");
      assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(d.error()).isEqualTo("Boom");
      assertThat(h.lambda.calls("flaky")).isEqualTo(1);
    }
  }

  @Test
  void theFirstMatchingRetrierGovernsEvenWhenItsAttemptsAreSpent() {
    try (SfnHarness h = new SfnHarness()) {
      failing(h, "flaky", List.of("Boom", "Boom", "Boom", "Boom"));
      String arn = h.start(h.machine(task("flaky", "[{\"ErrorEquals\":[\"Boom\"],\"MaxAttempts\":1,\"IntervalSeconds\":1},"
          + "{\"ErrorEquals\":[\"States.ALL\"],\"MaxAttempts\":5,\"IntervalSeconds\":1}]")), "{}");
      expectRetryAfter(h, arn, 1, 1_000);
      DescribeExecutionResponse d = h.awaitDone(arn);
      assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(h.lambda.calls("flaky")).isEqualTo(2);
    }
  }

  @Test
  void eachRetrierCountsItsOwnAttempts() {
    try (SfnHarness h = new SfnHarness()) {
      failing(h, "flaky", List.of("A", "B", "A"));
      String arn = h.start(h.machine(task("flaky", "[{\"ErrorEquals\":[\"A\"],\"MaxAttempts\":1,\"IntervalSeconds\":1},"
          + "{\"ErrorEquals\":[\"B\"],\"MaxAttempts\":1,\"IntervalSeconds\":1}]")), "{}");
      expectRetryAfter(h, arn, 1, 1_000);
      expectRetryAfter(h, arn, 2, 1_000);
      DescribeExecutionResponse d = h.awaitDone(arn);
      assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(d.error()).isEqualTo("A");
      assertThat(h.lambda.calls("flaky")).isEqualTo(3);
    }
  }

  @Test
  void retryCountIsVisibleInTheContextObject() {
    try (SfnHarness h = new SfnHarness()) {
      failing(h, "flaky", List.of("Boom", "Boom"));
      String def = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + FN + "flaky\",\"Parameters\":{\"retry.$\":\"$$.State.RetryCount\"},"
          + "\"Retry\":[{\"ErrorEquals\":[\"Boom\"],\"IntervalSeconds\":1,\"BackoffRate\":1}],\"End\":true}}}";
      String arn = h.start(h.machine(def), "{}");
      expectRetryAfter(h, arn, 1, 1_000);
      expectRetryAfter(h, arn, 2, 1_000);
      h.awaitDone(arn);
      assertThat(h.lambda.invocations()).extracting(i -> i.payload().get("retry").asInt()).containsExactly(0, 1, 2);
    }
  }

  @Test
  void statesAllDoesNotRetryStatesRuntime() {
    try (SfnHarness h = new SfnHarness()) {
      h.lambda.echo("echo");
      String def = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + FN + "echo\",\"InputPath\":\"$.missing\","
          + "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"]}],\"End\":true}}}";
      DescribeExecutionResponse d = h.run(def, "{}");
      assertThat(d.error()).isEqualTo("States.Runtime");
      assertThat(h.lambda.calls("echo")).isZero();
    }
  }

  @Test
  void statesTaskFailedMatchesTaskErrorsButNotTimeouts() {
    assertThat(ErrorRules.matches(List.of("States.TaskFailed"), "Lambda.ServiceException")).isTrue();
    assertThat(ErrorRules.matches(List.of("States.TaskFailed"), "States.Timeout")).isFalse();
    assertThat(ErrorRules.matches(List.of("States.TaskFailed"), "States.HeartbeatTimeout")).isFalse();
    assertThat(ErrorRules.matches(List.of("States.ALL"), "States.Timeout")).isTrue();
    assertThat(ErrorRules.matches(List.of("States.ALL"), "States.DataLimitExceeded")).isFalse();
    assertThat(ErrorRules.matches(List.of("States.DataLimitExceeded"), "States.DataLimitExceeded")).isTrue();
    assertThat(ErrorRules.matches(List.of("States.Timeout"), "States.HeartbeatTimeout")).isTrue();
  }
}
