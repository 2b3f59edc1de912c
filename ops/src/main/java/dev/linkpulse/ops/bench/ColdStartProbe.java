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
 * ten times with one event. Prints one line: {@code init primed first tenth} in milliseconds.
 *
 * <p>Priming stands in for SnapStart's checkpoint: the runtime calls {@code beforeCheckpoint} on every
 * {@code org.crac} resource the handler registered during init (see {@link #checkpoint}).
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  /** Arguments: function name, handler class, artifact, a JSON file {environment: {...}, event: {...}}, primed (true/false). */
  public static void main(String[] args) throws Exception {
    var spec = Json.tree(Files.readString(Path.of(args[3])));
    Map<String, String> env = new LinkedHashMap<>();
    spec.get("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    String event = Json.write(spec.get("event"));
    boolean primed = Boolean.parseBoolean(args[4]);
    try (LocalFunction function = LocalFunction.builder(args[0], args[1]).artifact(Path.of(args[2])).environment(env)
        .log(line -> { }).build()) {
      long start = System.nanoTime();
      function.warm();
      double init = function.lastInitDuration().orElseThrow().toNanos() / 1e6;
      double priming = 0;
      if (primed) {
        long p = System.nanoTime();
        checkpoint(function);
        priming = (System.nanoTime() - p) / 1e6;
      }
      double first = 0;
      double tenth = 0;
      for (int i = 1; i <= 10; i++) {
        long t = System.nanoTime();
        function.invoke(event);
        double ms = (System.nanoTime() - t) / 1e6;
        if (i == 1) first = ms;
        if (i == 10) tenth = ms;
      }
      System.out.printf(java.util.Locale.ROOT, "RESULT %.2f %.2f %.2f %.2f %.2f%n", init, priming, first, tenth, (System.nanoTime() - start) / 1e6);
    }
    System.exit(0);
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
