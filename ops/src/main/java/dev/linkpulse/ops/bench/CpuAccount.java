package dev.linkpulse.ops.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time spent per click by each part of the local stack, from the JVM's per-thread CPU clocks. Locally every
 * emulator, every function and the load generator share one machine, so the sum caps the click rate the machine can
 * sustain at all: cores x 1000 / (CPU ms per click). Threads are told apart by the names the stack gives them.
 */
final class CpuAccount {
  /** Thread-name prefixes per part, in the order a click passes them. */
  private static final List<Map.Entry<String, List<String>>> PARTS = List.of(
      Map.entry("load generator + subscribers", List.of("bench-", "HttpClient-")),
      Map.entry("HTTP gateway + redirect function", List.of("http-gateway")),
      Map.entry("EventBridge (local)", List.of("eventbridge-")),
      Map.entry("SQS (ElasticMQ)", List.of("elasticmq-")),
      Map.entry("recorder (SQS mapping + function)", List.of("sqs-esm-")),
      Map.entry("DynamoDB (engine)", List.of("dynamodb-")),
      Map.entry("aggregator + fan-out (stream mapping)", List.of("stream-esm-", "live-push")),
      Map.entry("WebSocket gateway + management API", List.of("ws-gateway")));
  private static final String OTHER_THREADS = "other threads";
  private static final String JVM = "JIT compiler + GC (process - threads)";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private Map<String, Long> start;
  private Map<String, Long> end;

  void start() {
    start = snapshot();
  }

  void stop() {
    end = snapshot();
  }

  private Map<String, Long> snapshot() {
    Map<String, Long> nanos = new LinkedHashMap<>();
    PARTS.forEach(p -> nanos.put(p.getKey(), 0L));
    nanos.put(OTHER_THREADS, 0L);
    long threadSum = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) continue;
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) continue;
      threadSum += cpu;
      nanos.merge(partOf(info.getThreadName()), cpu, Long::sum);
    }
    nanos.put(JVM, os.getProcessCpuTime() - threadSum);
    return nanos;
  }

  private static String partOf(String threadName) {
    for (var part : PARTS) {
      for (String prefix : part.getValue()) if (threadName.startsWith(prefix)) return part.getKey();
    }
    return OTHER_THREADS;
  }

  /**
   * Prints CPU ms per click for each part. A thread that ended between start and stop takes its CPU time with it,
   * so the parts can sum to a little less than the process.
   */
  void print(PrintStream out, int clicks) {
    if (start == null || end == null || clicks == 0) return;
    out.println();
    out.printf("%-40s %14s %8s%n", "CPU per click, by part of the local stack", "CPU ms/click", "share");
    long total = 0;
    Map<String, Long> spent = new LinkedHashMap<>();
    for (String part : end.keySet()) {
      long delta = Math.max(0, end.get(part) - start.getOrDefault(part, 0L));
      spent.put(part, delta);
      total += delta;
    }
    for (var e : spent.entrySet()) {
      out.printf("%-40s %14.3f %7.1f%%%n", e.getKey(), e.getValue() / 1e6 / clicks, total == 0 ? 0 : 100.0 * e.getValue() / total);
    }
    double perClick = total / 1e6 / clicks;
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf("%-40s %14.3f%n", "total", perClick);
    out.printf("At %.3f CPU ms a click, %d cores sustain at most ~%.0f clicks/s with nothing to spare.%n", perClick, cores, cores * 1000 / perClick);
  }
}
