package dev.linkpulse.emulators.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkpulse.emulators.protocol.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda's Timeout, from the AWS Lambda Developer Guide: "Configure Lambda function timeout" (Timeout is the most
 * time an invocation may run, 1-900 s) and "Understanding the Lambda execution environment lifecycle" (if a function
 * times out during the Invoke phase, Lambda resets the execution environment: the next invocation initialises a new
 * one). The caller sees an Unhandled function error {@code Sandbox.Timedout}, "Task timed out after N.NN seconds",
 * and the REPORT line ends with {@code Status: timeout}. Handlers block on latches; no test times anything.
 */
class LambdaTimeoutTest {
  static final String HANDLER = LocalFunctionTest.FIXTURE + "SlowHandler";
  static final Duration GENEROUS = Duration.ofSeconds(30);

  final List<String> log = new CopyOnWriteArrayList<>();
  @TempDir
  Path dir;

  /**
   * A function of the fixture artifact (one per test: each is cheap to build). Tests whose function must also answer
   * probes give it 3 s, so that a loaded machine cannot stretch a probe past its Timeout.
   */
  private LocalFunction slow(String name, int timeoutSeconds) {
    return LocalFunction.builder(name, HANDLER).artifact(TestArtifact.fixtures(dir)).timeoutSeconds(timeoutSeconds).log(log::add).build();
  }

  /** What the probe answers: static inits and constructions in its class loader, the loader, the time remaining. */
  record Probe(int staticInits, int constructed, int loader, int remainingMillis) {
    static Probe of(LocalFunction fn) {
      int[] parts = Arrays.stream(Json.read(fn.invoke("\"probe\""), String.class).split("/")).mapToInt(Integer::parseInt).toArray();
      return new Probe(parts[0], parts[1], parts[2], parts[3]);
    }
  }

  @Test
  void anInvocationPastItsTimeoutFailsWithSandboxTimedoutTaskTimedOutAfterItsSeconds() throws Exception {
    AtomicInteger errors = new AtomicInteger();
    try (LocalFunction fn = slow("Hanging", 1)) {
      fn.onInvocation((function, nanos, error) -> errors.addAndGet(error ? 1 : 0));
      assertThatThrownBy(() -> fn.invoke("\"block\"")).isInstanceOfSatisfying(FunctionError.class, e -> {
        assertThat(e.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(e.timedOut()).isTrue();
        assertThat(e.getMessage()).matches("RequestId: [0-9a-f-]{36} Error: Task timed out after 1\\.00 seconds");
        assertThat(e.function()).isEqualTo("Hanging");
      });
      assertThat(errors).as("a timeout is an invocation error (AWS/Lambda Errors)").hasValue(1);
      assertThat(log).anyMatch(l -> l.matches("\\[Hanging] RequestId: [0-9a-f-]{36} Error: Task timed out after 1\\.00 seconds"));
      assertThat(log).anyMatch(l -> l.matches("\\[Hanging] REPORT RequestId: [0-9a-f-]{36}\tDuration: .*\tInit Duration: .*\tStatus: timeout"));
      await("the handler's thread was interrupted and its latch wait ended").atMost(GENEROUS).until(() -> !running("block"));
    }
  }

  @Test
  void aTimedOutEnvironmentIsResetAndTheNextInvocationInitialisesAFreshOne() throws Exception {
    try (LocalFunction fn = slow("Reset", 3)) {
      Probe before = Probe.of(fn);
      assertThatThrownBy(() -> fn.invoke("\"block\"")).isInstanceOfSatisfying(FunctionError.class, e -> assertThat(e.timedOut()).isTrue());
      Probe after = Probe.of(fn);
      assertThat(after.loader()).as("a fresh class loader: the old one is abandoned with its environment").isNotEqualTo(before.loader());
      assertThat(after.staticInits()).as("static init ran again, in the new loader").isEqualTo(1);
      assertThat(after.constructed()).as("the handler was constructed again").isEqualTo(1);
      assertThat(fn.instances()).as("the timed-out environment no longer counts").isEqualTo(1);
      List<String> reports = log.stream().filter(l -> l.startsWith("[Reset] REPORT ")).toList();
      assertThat(reports).hasSize(3);
      assertThat(reports.get(1)).endsWith("Status: timeout").doesNotContain("Init Duration");
      assertThat(reports.get(2)).as("the invocation after the timeout is a cold start").contains("Init Duration").doesNotContain("Status");
    }
  }

  @Test
  void aHandlerThatIgnoresTheInterruptIsAbandonedAndTheFunctionServesOnWithoutIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    System.getProperties().put("fixture.stubborn", release);
    try (LocalFunction fn = slow("Stubborn", 3)) {
      assertThatThrownBy(() -> fn.invoke("\"stubborn\"")).isInstanceOfSatisfying(FunctionError.class, e -> assertThat(e.timedOut()).isTrue());
      Probe first = Probe.of(fn);
      Probe second = Probe.of(fn);
      assertThat(running("stubborn")).as("the abandoned handler is still running: a JVM thread cannot be killed").isTrue();
      assertThat(second.loader()).as("later invocations share the fresh environment").isEqualTo(first.loader());
      assertThat(second.constructed()).isEqualTo(1);
      assertThat(fn.instances()).isEqualTo(1);
    } finally {
      release.countDown();
      System.getProperties().remove("fixture.stubborn");
    }
    await().atMost(GENEROUS).until(() -> !running("stubborn"));
  }

  @Test
  void anInvocationThatEndsInsideItsTimeoutIsUntouchedAndSeesTheDeadlineCountDown() throws Exception {
    try (LocalFunction fn = slow("Quick", 3)) {
      Probe first = Probe.of(fn);
      Probe second = Probe.of(fn);
      assertThat(second.loader()).as("the same environment serves again").isEqualTo(first.loader());
      assertThat(second.constructed()).isEqualTo(1);
      assertThat(List.of(first.remainingMillis(), second.remainingMillis())).allSatisfy(ms -> assertThat(ms).isBetween(1, 3000));
      assertThat(fn.instances()).isEqualTo(1);
      assertThat(log).noneMatch(l -> l.contains("timed out") || l.contains("Status: timeout"));
    }
  }

  /** Whether some thread is inside the fixture's {@code method} (its handler has not ended). */
  private static boolean running(String method) {
    return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
        .anyMatch(f -> f.getClassName().endsWith("SlowHandler") && f.getMethodName().equals(method));
  }
}
