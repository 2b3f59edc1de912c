package dev.linkpulse.ops.bench;

import dev.linkpulse.core.Json;
import dev.linkpulse.emulators.lambda.LocalFunction;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cold start, in a JVM of its own (started by {@link ColdStartBench} with Lambda's java21 flags): the function
 * from its artifact alone, in the class loader the local stack gives it, initialised, optionally primed, then invoked
 * ten times with one event; or the same from a plain class loader ({@link PlainFunction}). Prints one line:
 * {@code init priming first tenth boot} in milliseconds, boot being the JVM's own start, from the process's start to
 * this class's {@code main}.
 *
 * <p>Priming stands in for SnapStart's checkpoint: the runtime calls {@code beforeCheckpoint} on every
 * {@code org.crac} resource the handler registered during init (see {@link #checkpoint}).
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  /** The steps of one cold start that the bench times: init, priming (optional), then invocations. */
  private interface Function extends AutoCloseable {
    double init() throws Exception;

    void prime() throws Exception;

    void invoke(String event) throws Exception;

    /** The last invocation's time inside the handler, in ms, where the loader can tell it; -1 otherwise. */
    default double lastInHandlerMillis() {
      return -1;
    }

    @Override
    default void close() throws Exception {}
  }

  /**
   * Arguments: function name, handler class, artifact, a JSON file {environment: {...}, event: {...}}, primed
   * (true/false), loader ({@code local}: the local stack's {@link LocalFunction}; {@code plain}: {@link PlainFunction},
   * whose environment the bench gave this process).
   */
  public static void main(String[] args) throws Exception {
    double boot = java.time.Duration.between(ProcessHandle.current().info().startInstant().orElseThrow(), java.time.Instant.now())
        .toNanos() / 1e6;
    var spec = Json.tree(Files.readString(Path.of(args[3])));
    Map<String, String> env = new LinkedHashMap<>();
    spec.get("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    String event = Json.write(spec.get("event"));
    boolean primed = Boolean.parseBoolean(args[4]);
    try (Function function = args.length > 5 && args[5].equals("plain") ? plain(Path.of(args[2]), args[1]) : local(args, env)) {
      double init = function.init();
      double priming = 0;
      if (primed) {
        long p = System.nanoTime();
        function.prime();
        priming = (System.nanoTime() - p) / 1e6;
      }
      double first = 0;
      double tenth = 0;
      double firstInHandler = -1;
      for (int i = 1; i <= 10; i++) {
        long t = System.nanoTime();
        function.invoke(event);
        double ms = (System.nanoTime() - t) / 1e6;
        if (i == 1) {
          first = ms;
          firstInHandler = function.lastInHandlerMillis();
        }
        if (i == 10) tenth = ms;
      }
      System.out.printf(java.util.Locale.ROOT, "RESULT %.2f %.2f %.2f %.2f %.2f %.2f%n", init, priming, first, tenth, boot,
          firstInHandler);
    }
    System.exit(0);
  }

  private static Function local(String[] args, Map<String, String> env) {
    LocalFunction function = LocalFunction.builder(args[0], args[1]).artifact(Path.of(args[2])).environment(env).log(line -> { }).build();
    return new Function() {
      @Override
      public double init() {
        function.warm();
        return function.lastInitDuration().orElseThrow().toNanos() / 1e6;
      }

      @Override
      public void prime() throws Exception {
        checkpoint(function);
      }

      @Override
      public void invoke(String event) {
        function.invoke(event);
      }

      @Override
      public void close() throws java.io.IOException {
        function.close();
      }
    };
  }

  private static Function plain(Path artifact, String handlerClass) {
    PlainFunction[] function = new PlainFunction[1];
    return new Function() {
      @Override
      public double init() throws Exception {
        long start = System.nanoTime();
        function[0] = new PlainFunction(artifact, handlerClass);
        return (System.nanoTime() - start) / 1e6;
      }

      @Override
      public void prime() throws Exception {
        beforeCheckpoint(function[0].handler());
      }

      @Override
      public void invoke(String event) throws Exception {
        function[0].invoke(event);
      }

      @Override
      public double lastInHandlerMillis() {
        return function[0].lastHandlerNanos() / 1e6;
      }
    };
  }

  /**
   * Runs {@code beforeCheckpoint} of every {@code org.crac} resource the handler holds in a field. On a JDK without
   * CRaC the facade keeps no registrations (its global context refuses to be called), so the resources are reached
   * through the handler that owns them, in the function's own class loader.
   */
  private static void checkpoint(LocalFunction function) throws Exception {
    Field idle = LocalFunction.class.getDeclaredField("idle");
    idle.setAccessible(true);
    Object instance = ((Deque<?>) idle.get(function)).peek();
    Field handlerField = instance.getClass().getDeclaredField("handler");
    handlerField.setAccessible(true);
    beforeCheckpoint(handlerField.get(instance));
  }

  /** Calls {@code beforeCheckpoint} of each {@code org.crac} resource {@code handler} keeps in a field of its own. */
  static void beforeCheckpoint(Object handler) throws Exception {
    Class<?> resource = Class.forName("org.crac.Resource", true, handler.getClass().getClassLoader());
    Class<?> context = Class.forName("org.crac.Context", true, handler.getClass().getClassLoader());
    for (Field f : handler.getClass().getDeclaredFields()) {
      if (!resource.isAssignableFrom(f.getType())) continue;
      f.setAccessible(true);
      Object r = f.get(handler);
      var before = r.getClass().getMethod("beforeCheckpoint", context);
      before.setAccessible(true);
      before.invoke(r, (Object) null);
    }
  }
}
