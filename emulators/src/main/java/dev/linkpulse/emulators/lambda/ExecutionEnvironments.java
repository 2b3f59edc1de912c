package dev.linkpulse.emulators.lambda;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A function's execution environments: its code, loaded on the first cold start (a failed load leaves nothing, so
 * the next one retries); idle instances reused one invocation at a time; a cold start when none is idle, its init
 * timed, reported by the instance's first {@code REPORT} line (or an {@code INIT_REPORT} when it fails).
 *
 * <p>An environment whose invocation was stopped at its Timeout is {@linkplain #discard discarded}, never reused,
 * as Lambda resets an environment whose invocation times out. Its handler's thread may still be running (a JVM
 * thread cannot be killed, only interrupted), so its class loader is abandoned too: the next cold start loads the
 * code afresh, and its static initialisers run again. A loaded code is closed once it is neither the current one
 * nor used by a live environment.
 */
final class ExecutionEnvironments {
  private final String name;
  private final String handlerClass;
  private final Path artifact;
  private final Map<String, String> runtimeEnvironment;
  private final Consumer<String> log;
  private final int memoryMb;
  private final boolean reportEveryInvocation;
  private final Object loading = new Object();
  private final ConcurrentLinkedDeque<ExecutionEnvironment> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger instances = new AtomicInteger();
  /** Live environments per loaded code (the current one and any abandoned ones still in use); guarded by loading. */
  private final Map<FunctionCode, Integer> users = new HashMap<>();
  private volatile FunctionCode code;
  private volatile boolean closed;
  private volatile long lastInitNanos = -1;

  /** @param artifact the jar the code loads from, or null for the stack's class path */
  ExecutionEnvironments(String name, String handlerClass, Path artifact, Map<String, String> runtimeEnvironment, Consumer<String> log,
      int memoryMb, boolean reportEveryInvocation) {
    this.name = name;
    this.handlerClass = handlerClass;
    this.artifact = artifact;
    this.runtimeEnvironment = runtimeEnvironment;
    this.log = log;
    this.memoryMb = memoryMb;
    this.reportEveryInvocation = reportEveryInvocation;
  }

  /** An idle instance, or a new one (a cold start). */
  ExecutionEnvironment acquire() {
    ExecutionEnvironment instance = idle.poll();
    if (instance != null) return instance;
    if (closed) throw new IllegalStateException("function " + name + " is closed");
    long start = System.nanoTime();
    FunctionCode c = null;
    try {
      c = reserveCode();
      Object handler = c.call(c.handler()::newInstance);
      long init = System.nanoTime() - start;
      instances.incrementAndGet();
      lastInitNanos = init;
      return new ExecutionEnvironment(c, handler, init);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      if (c != null) unreserve(c);
      log.accept(String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: error\tError Type: %s",
          (System.nanoTime() - start) / 1e6, t.getClass().getName()));
      throw FunctionError.init(name, t);
    }
  }

  /** Reports an invocation of {@code instance} (with its init, the first time) and makes it idle again. */
  void release(ExecutionEnvironment instance, String requestId, long durationNanos) {
    long init = instance.unreportedInitNanos;
    instance.unreportedInitNanos = -1;
    if (init >= 0 || reportEveryInvocation) log.accept(new InvocationReport(requestId, durationNanos, init, memoryMb).line());
    idle.push(instance);
  }

  /**
   * Drops {@code instance} for good after an invocation that did not end (stopped at its Timeout, or its caller
   * interrupted): it is not made idle, it no longer counts as an instance, and its code is not handed to the next
   * cold start. Its REPORT line is written whatever {@code reportEveryInvocation} says.
   */
  void discard(ExecutionEnvironment instance, String requestId, long durationNanos, boolean timedOut) {
    log.accept(new InvocationReport(requestId, durationNanos, instance.unreportedInitNanos, memoryMb, timedOut).line());
    instance.unreportedInitNanos = -1;
    instances.decrementAndGet();
    synchronized (loading) {
      if (code == instance.code) code = null;
      unreserve(instance.code);
    }
  }

  /** Creates an instance now rather than on the first request (provisioned concurrency of one). */
  void warm() {
    idle.push(acquire());
  }

  int instances() {
    return instances.get();
  }

  /** The init phase of the newest instance in nanoseconds, -1 before there is one. */
  long lastInitNanos() {
    return lastInitNanos;
  }

  void close() throws IOException {
    closed = true;
    idle.clear();
    synchronized (loading) {
      Set<FunctionCode> loaded = new HashSet<>(users.keySet());
      if (code != null) loaded.add(code);
      users.clear();
      code = null;
      for (FunctionCode c : loaded) c.close();
    }
  }

  /** The current code, loaded now if there is none, counted as used by one more environment. */
  private FunctionCode reserveCode() throws Throwable {
    synchronized (loading) {
      if (code == null) {
        code = artifact == null ? FunctionCode.fromClassPath(handlerClass, log)
            : FunctionCode.fromArtifact(name, artifact, handlerClass, runtimeEnvironment, log);
      }
      users.merge(code, 1, Integer::sum);
      return code;
    }
  }

  /** One environment fewer uses {@code c}; an abandoned code nothing uses any more is closed. */
  private void unreserve(FunctionCode c) {
    synchronized (loading) {
      Integer left = users.computeIfPresent(c, (k, n) -> n > 1 ? n - 1 : null);
      if (left == null && c != code && !closed) {
        try {
          c.close();
        } catch (IOException e) {
          log.accept("could not close the abandoned code of " + name + ": " + e);
        }
      }
    }
  }
}
