package dev.linkpulse.emulators.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/** An execution environment: a handler instance, and its init time until its first invocation reports it. */
final class ExecutionEnvironment {
  final FunctionCode code;
  final Object handler;
  long unreportedInitNanos;

  ExecutionEnvironment(FunctionCode code, Object handler, long initNanos) {
    this.code = code;
    this.handler = handler;
    this.unreportedInitNanos = initNanos;
  }

  /** What can be checked of an environment's code without loading it: the artifact exists and holds the handler class. */
  static void requireHandlerIn(String name, Path jar, String handlerClass) {
    if (!Files.isRegularFile(jar)) throw new IllegalStateException("function " + name + ": artifact " + jar + " does not exist");
    String entry = handlerClass.replace('.', '/') + ".class";
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      if (file.getJarEntry(entry) == null) {
        throw new IllegalStateException("function " + name + ": artifact " + jar + " does not contain its handler " + handlerClass);
      }
    } catch (IOException e) {
      throw new IllegalStateException("function " + name + ": artifact " + jar + " is not a readable jar: " + e.getMessage(), e);
    }
  }
}
