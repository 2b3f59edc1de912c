package dev.linkpulse.emulators.lambda;

import java.util.Locale;

/**
 * What Lambda writes after each invocation, its {@code REPORT} line: duration, billed duration, configured memory
 * and, on an execution environment's first invocation, its Init Duration. Billing follows AWS's rule since
 * 1 August 2025 for on-demand functions on managed runtimes: the invoke and init phases together, rounded up to the
 * next millisecond. "Max Memory Used" is left out: one JVM serves every function here, so no per-function figure
 * exists.
 *
 * <p>An invocation stopped at its Timeout ends its line with {@code Status: timeout}, as Lambda's does.
 *
 * @param initNanos the init phase of this environment, or -1 after its first invocation
 */
record InvocationReport(String requestId, long durationNanos, long initNanos, int memoryMb, boolean timedOut) {
  private static final long NANOS_PER_MILLI = 1_000_000;

  InvocationReport(String requestId, long durationNanos, long initNanos, int memoryMb) {
    this(requestId, durationNanos, initNanos, memoryMb, false);
  }

  long billedMillis() {
    long billed = durationNanos + Math.max(0, initNanos);
    return (billed + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI;
  }

  String line() {
    String line = String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB",
        requestId, durationNanos / 1e6, billedMillis(), memoryMb);
    if (initNanos >= 0) line += String.format(Locale.ROOT, "\tInit Duration: %.2f ms", initNanos / 1e6);
    return timedOut ? line + "\tStatus: timeout" : line;
  }
}
