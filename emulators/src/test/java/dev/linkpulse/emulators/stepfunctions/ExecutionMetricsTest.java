package dev.linkpulse.emulators.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What Step Functions' AWS/States execution metrics count, per state machine: ExecutionsStarted at each start, and at
 * each end one of ExecutionsSucceeded, ExecutionsFailed, ExecutionsTimedOut, ExecutionsAborted, with ExecutionTime
 * ("the interval, in milliseconds, between the time the execution starts and the time it closes").
 */
class ExecutionMetricsTest {
  record Heard(String machine, String what, Duration ran) {}

  @Test
  void everyStartAndEveryEnd_isHeard_withItsMachineAndStatus() {
    List<Heard> heard = new CopyOnWriteArrayList<>();
    ExecutionListener listener = new ExecutionListener() {
      @Override
      public void started(String machine) {
        heard.add(new Heard(machine, "STARTED", null));
      }

      @Override
      public void ended(String machine, String status, Duration ran) {
        heard.add(new Heard(machine, status, ran));
      }
    };
    try (SfnHarness sfn = new SfnHarness(b -> b.onExecution(listener))) {
      String waits = sfn.machine("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":90,\"End\":true}}}");
      String fails = sfn.machine("{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"E\",\"Cause\":\"c\"}}}");
      String slow = sfn.machine("{\"TimeoutSeconds\":5,\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}");
      String first = sfn.start(waits, "{}");
      sfn.awaitEvent(first, e -> e.typeAsString().equals("WaitStateEntered"));
      sfn.advance(Duration.ofSeconds(90));
      assertThat(sfn.awaitDone(first).statusAsString()).isEqualTo("SUCCEEDED");
      sfn.awaitDone(sfn.start(fails, "{}"));
      String timedOut = sfn.start(slow, "{}");
      sfn.awaitEvent(timedOut, e -> e.typeAsString().equals("WaitStateEntered"));
      sfn.advance(Duration.ofSeconds(5));
      sfn.awaitDone(timedOut);
      assertThat(heard).containsExactly(new Heard(waits, "STARTED", null), new Heard(waits, "SUCCEEDED", Duration.ofSeconds(90)),
          new Heard(fails, "STARTED", null), new Heard(fails, "FAILED", Duration.ZERO),
          new Heard(slow, "STARTED", null), new Heard(slow, "TIMED_OUT", Duration.ofSeconds(5)));
    }
  }
}
