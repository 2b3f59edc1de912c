package dev.linkpulse.ops.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the fuzz targets in a module's compiled tests: every method annotated {@code @FuzzTest} in a class whose
 * name ends in {@code FuzzTest}. Classes are loaded, never initialised, in a class loader of their own.
 */
final class FuzzTargets {
  static final String ANNOTATION = "com.code_intelligence.jazzer.junit.FuzzTest";

  private FuzzTargets() {}

  static List<FuzzTarget> in(String module, Path moduleDir, List<String> classpath) throws IOException {
    Path testClasses = moduleDir.resolve("target/test-classes");
    if (!Files.isDirectory(testClasses)) return List.of();
    List<String> classNames;
    try (Stream<Path> files = Files.walk(testClasses)) {
      classNames = files.map(testClasses::relativize).map(Path::toString).filter(p -> p.endsWith("FuzzTest.class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace(java.io.File.separatorChar, '.')).sorted().toList();
    }
    List<FuzzTarget> targets = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(urls(classpath), ClassLoader.getPlatformClassLoader())) {
      for (String name : classNames) {
        Class<?> type = Class.forName(name, false, loader);
        Arrays.stream(type.getDeclaredMethods()).filter(FuzzTargets::isFuzzTest).map(Method::getName).sorted()
            .forEach(method -> targets.add(new FuzzTarget(module, moduleDir, name, method, classpath)));
      }
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("cannot load the fuzz tests of " + module + ": " + e, e);
    }
    targets.sort(Comparator.comparing(FuzzTarget::name));
    return targets;
  }

  private static boolean isFuzzTest(Method method) {
    for (Annotation a : method.getDeclaredAnnotations()) if (a.annotationType().getName().equals(ANNOTATION)) return true;
    return false;
  }

  private static URL[] urls(List<String> classpath) {
    return classpath.stream().map(entry -> {
      try {
        return Path.of(entry).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new UncheckedIOException(e);
      }
    }).toArray(URL[]::new);
  }
}
