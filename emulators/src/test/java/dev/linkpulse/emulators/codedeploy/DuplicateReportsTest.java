package dev.linkpulse.emulators.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.codedeploy.CodeDeployFixture.Invocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;

/**
 * A hook function retried by Lambda, or racing its own timeout, reports more than once: exactly one report counts,
 * the others get LifecycleEventAlreadyCompletedException, and the deployment moves on exactly once.
 */
class DuplicateReportsTest {
  private static final int REPORTERS = 8;

  @Test
  void concurrentDuplicateReportsOfOneHookCountExactlyOnce() throws Exception {
    try (CodeDeployFixture cd = new CodeDeployFixture()) {
      cd.createGroup("CodeDeployDefault.LambdaCanary10Percent5Minutes");
      String id = cd.deploy(CodeDeployFixture.appSpecWithHooks());
      Invocation hook = cd.lastInvocation();
      List<String> outcomes = reportConcurrently(cd, hook, REPORTERS);
      assertThat(outcomes).filteredOn("accepted"::equals).hasSize(1);
      assertThat(outcomes).filteredOn("already completed"::equals).hasSize(REPORTERS - 1);
      assertThat(cd.events(DeploymentEvent.HookFinished.class)).hasSize(1);
      assertThat(cd.shifts).hasSize(1);
      cd.advance(Duration.ofMinutes(5));
      assertThat(cd.shifts).hasSize(2);
      assertThat(cd.invocations).hasSize(2);
      assertThat(cd.info(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    }
  }

  /** The timeout and a late report race for the same hook: whichever comes first decides, and only once. */
  @Test
  void aReportRacingTheTimeoutIsCountedOrRefusedButNeverBoth() throws Exception {
    try (CodeDeployFixture cd = new CodeDeployFixture()) {
      cd.createGroup("CodeDeployDefault.LambdaAllAtOnce");
      String id = cd.deploy(CodeDeployFixture.appSpec(CodeDeployFixture.PRE_TRAFFIC, null));
      Invocation hook = cd.lastInvocation();
      cd.advance(Duration.ofHours(1).minusMillis(1));
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<String> report = pool.submit(() -> outcome(cd, hook));
        cd.advance(Duration.ofMillis(1));
        String outcome = report.get();
        DeploymentStatus status = cd.info(id).status();
        assertThat(status).isEqualTo(outcome.equals("accepted") ? DeploymentStatus.SUCCEEDED : DeploymentStatus.FAILED);
        assertThat(cd.events(DeploymentEvent.HookFinished.class)).hasSize(1);
        assertThat(cd.events(DeploymentEvent.Finished.class)).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static List<String> reportConcurrently(CodeDeployFixture cd, Invocation hook, int reporters) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(reporters);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < reporters; i++) {
        Callable<String> task = () -> {
          go.await();
          return outcome(cd, hook);
        };
        futures.add(pool.submit(task));
      }
      go.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : futures) outcomes.add(f.get());
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String outcome(CodeDeployFixture cd, Invocation hook) {
    try {
      cd.report(hook, LifecycleEventStatus.SUCCEEDED);
      return "accepted";
    } catch (LifecycleEventAlreadyCompletedException e) {
      return "already completed";
    }
  }
}
