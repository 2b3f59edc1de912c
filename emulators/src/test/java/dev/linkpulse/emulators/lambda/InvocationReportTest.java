package dev.linkpulse.emulators.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvocationReportTest {
  static final long MS = 1_000_000;

  @Test
  void billedDurationIsInitPlusInvokeRoundedUpToTheMillisecondSinceInitBillingBegan() {
    // 395.99 ms of invoke after a 265.72 ms init bill 662 ms (on-demand, managed runtime, since 1 August 2025).
    InvocationReport cold = new InvocationReport("r1", 395_990_000, 265_720_000, 512);
    assertThat(cold.billedMillis()).isEqualTo(662);
    assertThat(cold.line()).isEqualTo("REPORT RequestId: r1\tDuration: 395.99 ms\tBilled Duration: 662 ms\tMemory Size: 512 MB\tInit Duration: 265.72 ms");
  }

  @Test
  void aWarmInvocationBillsItsDurationAloneAndReportsNoInit() {
    InvocationReport warm = new InvocationReport("r2", 12 * MS + 1, -1, 128);
    assertThat(warm.billedMillis()).isEqualTo(13);
    assertThat(warm.line()).isEqualTo("REPORT RequestId: r2\tDuration: 12.00 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB");
    assertThat(new InvocationReport("r3", 7 * MS, -1, 128).billedMillis()).as("an exact millisecond is not rounded up").isEqualTo(7);
  }

  @Test
  void anInvocationStoppedAtItsTimeoutEndsItsReportWithStatusTimeout() {
    InvocationReport stopped = new InvocationReport("r4", 1000 * MS, -1, 128, true);
    assertThat(stopped.line()).isEqualTo("REPORT RequestId: r4\tDuration: 1000.00 ms\tBilled Duration: 1000 ms\tMemory Size: 128 MB\tStatus: timeout");
    assertThat(new InvocationReport("r5", 3000 * MS, 200 * MS, 256, true).line()).as("a cold start's init comes before the status")
        .endsWith("\tInit Duration: 200.00 ms\tStatus: timeout");
  }
}
