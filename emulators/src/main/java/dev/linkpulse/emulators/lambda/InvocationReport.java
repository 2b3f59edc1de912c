package dev.linkpulse.emulators.lambda;

import java.util.Locale;

/**
 * What Lambda writes after each invocation, its {@code REPORT} line: duration, billed duration, configured memory
 * and, on an execution environment's first invocation, its Init Duration. Billing follows AWS's rule since
 * 1 August 2025 for on-demand functions on managed runtimes: the invoke and init phases together, rounded up to the
 * next millisecond. "Max Memory Used" is left out: one JVM serves every function here, so no per-function figure
 * exists.
 *
 * @param initNanos the init phase of this environment, or -1 after its first invocation
 */
record InvocationReport(String requestId, long durationNanos, long initNanos, int memoryMb) {
  private static final long NANOS_PER_MILLI = 1_000_000;

  long billedMillis() {
    long billed = durationNanos + Math.max(0, initNanos);
    return (billed + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI;
  }

  String line() {
    String line = String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB",
        requestId, durationNanos / 1e6, billedMillis(), memoryMb);
    return initNanos < 0 ? line : line + String.format(Locale.ROOT, "\tInit Duration: %.2f ms", initNanos / 1e6);
  }
}
