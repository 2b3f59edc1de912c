package dev.linkpulse.emulators.lambda;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A function's loaded code: its class loader, its handler class, its copy of Lambda's serialization library and its
 * logger. Loaded on the function's first
 * cold start, and used with the function's loader as the thread's context class loader, as the Java runtime runs
 * a handler (libraries that look up services or resources through it find the function's, not the stack's).
 */
final class FunctionCode implements Closeable {
  /** Work that runs as function code. */
  @FunctionalInterface
  interface Body<T> {
    T run() throws Throwable;
  }

  private final ClassLoader loader;
  private final HandlerClass handler;
  private final Object logger;
  private final List<Closeable> resources;

  private FunctionCode(ClassLoader loader, HandlerClass handler, Object logger, List<Closeable> resources) {
    this.loader = loader;
    this.handler = handler;
    this.logger = logger;
    this.resources = resources;
  }

  /** From the artifact alone, in a class loader of its own that gives the function {@code environment}. */
  static FunctionCode fromArtifact(String function, Path artifact, String handlerClass, Map<String, String> environment,
      Consumer<String> log) throws Throwable {
    ArtifactClassLoader loader = new ArtifactClassLoader(function, artifact);
    SerializationLibrary serialization = null;
    try {
      loader.installEnvironment(environment);
      SerializationLibrary library = serialization = SerializationLibrary.forFunction(function);
      HandlerClass handler = as(loader, () -> new HandlerClass(handlerClass, loader, library));
      return new FunctionCode(loader, handler, LambdaContext.logger(handler, log), List.of(library, loader));
    } catch (Throwable t) {
      if (serialization != null) serialization.close();
      loader.close();
      throw t;
    }
  }

  /** From the class path that runs the stack, for tests that need a handler's internals (no own environment). */
  static FunctionCode fromClassPath(String handlerClass, Consumer<String> log) throws Throwable {
    ClassLoader loader = FunctionCode.class.getClassLoader();
    HandlerClass handler = new HandlerClass(handlerClass, loader, SerializationLibrary.shared());
    return new FunctionCode(loader, handler, LambdaContext.logger(handler, log), List.of());
  }

  HandlerClass handler() {
    return handler;
  }

  Object logger() {
    return logger;
  }

  /** Runs {@code body} with the function's loader as the context class loader. */
  <T> T call(Body<T> body) throws Throwable {
    return as(loader, body);
  }

  private static <T> T as(ClassLoader loader, Body<T> body) throws Throwable {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return body.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public void close() throws IOException {
    for (Closeable resource : resources) resource.close();
  }
}
