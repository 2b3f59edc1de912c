package dev.linkpulse.ops.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;

/**
 * Times several call paths in one loop, one call of each in turn, so that every path meets the same machine: the same
 * neighbours' builds, the same JIT and GC activity. Beside latency it records what each call allocated on its thread
 * and whether a collection ran during it, so a percentile can be read with and without the calls a GC pause touched.
 */
final class InterleavedLegs {
  /** One path: a name, the call, and the answer it must give (a wrong answer stops the bench). */
  record Leg(String what, IntSupplier call, int expected) {}

  /** What one path measured. {@code clearOfGc}: the calls during which no collection ran. */
  record Result(String what, int calls, Histogram micros, Histogram clearOfGc, long allocatedBytes, int gcHit) {
    double kilobytesPerCall() {
      return allocatedBytes / 1024.0 / calls;
    }
  }

  private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();

  private InterleavedLegs() {}

  static List<Result> run(List<Leg> legs, int calls, int warmUp) {
    int n = legs.size();
    Histogram[] micros = new Histogram[n];
    Histogram[] clear = new Histogram[n];
    long[] allocated = new long[n];
    int[] gcHit = new int[n];
    for (int k = 0; k < n; k++) {
      micros[k] = new Histogram(3);
      clear[k] = new Histogram(3);
    }
    long thread = Thread.currentThread().getId();
    for (int i = 0; i < warmUp + calls; i++) {
      for (int k = 0; k < n; k++) {
        Leg leg = legs.get(k);
        long gcBefore = collections();
        long bytesBefore = THREADS.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        int answer = leg.call().getAsInt();
        long took = (System.nanoTime() - start) / 1000;
        long bytes = THREADS.getThreadAllocatedBytes(thread) - bytesBefore;
        boolean gc = collections() != gcBefore;
        if (answer != leg.expected()) throw new IllegalStateException(leg.what() + " answered " + answer + ", expected " + leg.expected());
        if (i < warmUp) continue;
        micros[k].recordValue(took);
        allocated[k] += bytes;
        if (gc) gcHit[k]++;
        else clear[k].recordValue(took);
      }
    }
    List<Result> results = new ArrayList<>();
    for (int k = 0; k < n; k++) results.add(new Result(legs.get(k).what(), calls, micros[k], clear[k], allocated[k], gcHit[k]));
    return results;
  }

  private static long collections() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : COLLECTORS) sum += gc.getCollectionCount();
    return sum;
  }

  /**
   * A noise floor: a fixed amount of pure CPU work (no allocation, no I/O) sized to take about {@code targetMicros} on
   * this machine when undisturbed. Whatever stretches it (preemption by the neighbours, safepoints, GC pauses) stretches
   * every path alike.
   */
  static IntSupplier fixedWork(long targetMicros) {
    long iterations = 1_000;
    for (int round = 0; round < 20; round++) {
      long best = Long.MAX_VALUE;
      for (int k = 0; k < 5; k++) {
        long start = System.nanoTime();
        spin(iterations);
        best = Math.min(best, System.nanoTime() - start);
      }
      if (best >= targetMicros * 1000) break;
      iterations = Math.max(iterations * 2, iterations * targetMicros * 1000 / Math.max(1, best));
    }
    long sized = iterations;
    return () -> spin(sized) == 42 ? 1 : 0;
  }

  private static volatile long sink;

  private static long spin(long iterations) {
    long x = 88172645463325252L;
    for (long i = 0; i < iterations; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
    }
    sink = x;
    return x == 42 ? 42 : 0;
  }
}
