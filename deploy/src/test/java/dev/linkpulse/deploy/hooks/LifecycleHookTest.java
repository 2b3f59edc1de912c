package dev.linkpulse.deploy.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleHookTest {
  final List<String> reports = new ArrayList<>();
  final StatusReporter reporter = (d, e, ok) -> reports.add(d + "/" + e + "=" + (ok ? "Succeeded" : "Failed"));
  final Map<String, Object> event = Map.of("DeploymentId", "d-ABC", "LifecycleEventHookExecutionId", "exec-1");

  static final class Hook extends LifecycleHook {
    Hook(Check check, StatusReporter reporter) {
      super(check, reporter);
    }
  }

  @Test
  void aPassingCheckReportsSucceededOnItsDeploymentAndExecution() {
    assertThat(new Hook(() -> Verdict.pass("ok"), reporter).handleRequest(event, null)).isEqualTo("Succeeded");
    assertThat(reports).containsExactly("d-ABC/exec-1=Succeeded");
  }

  @Test
  void aFailingOrCrashingCheckReportsFailed_neverNothing() {
    new Hook(() -> Verdict.fail("bad"), reporter).handleRequest(event, null);
    new Hook(() -> {
      throw new IllegalStateException("boom");
    }, reporter).handleRequest(event, null);
    assertThat(reports).containsExactly("d-ABC/exec-1=Failed", "d-ABC/exec-1=Failed");
  }

  @Test
  void anEventWithoutItsIdsIsRefusedAndReportsNothing() {
    assertThatThrownBy(() -> new Hook(() -> Verdict.pass("ok"), reporter).handleRequest(Map.of("DeploymentId", "d-1"), null))
        .hasMessageContaining("LifecycleEventHookExecutionId");
    assertThat(reports).isEmpty();
  }
}
